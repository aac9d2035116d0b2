#!/bin/sh
# --title, --issue and --date change what is printed, in the dump and in
# the PDF's text, each its own field only; and the locale changes nothing:
# under de_DE.UTF-8 (a decimal comma) and zh_CN.UTF-8, made with localedef
# into a scratch LOCPATH, the dump, the warnings and (with
# SOURCE_DATE_EPOCH) the PDF itself equal those made under C.UTF-8.
#   options.sh NEWSPRINT REPORT
set -u
np=$1 report=$2
. "$(dirname "$0")/common.sh"
need "$report"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

title='新標題：“產教”\融合 2030'
issue='第 12 期'
date='2030年1月2日'

# field DUMP KEY: the value of KEY in the dump (null as "null").
field() {
  python3 -c 'import json, sys
v = json.load(open(sys.argv[1]))[sys.argv[2]]
print("null" if v is None else v)' "$1" "$2"
}
# text PDF: the PDF's text without white space (pdftotext spaces out
# Latin between Han characters).
text() { pdftotext -enc UTF-8 "$1" - | tr -d ' \n\f'; }
squeeze() { printf '%s' "$1" | tr -d ' \n'; }

"$np" --dump-structure "$report" >"$work/plain.json" || fail "plain dump"
"$np" "$report" -o "$work/plain.pdf" 2>/dev/null || fail "plain PDF"
[ "$(field "$work/plain.json" headline)" != "$title" ] &&
  [ "$(field "$work/plain.json" issue)" != "$issue" ] &&
  [ "$(field "$work/plain.json" date)" != "$date" ] ||
  fail "the report already has the headline, issue or date of the options"

# Each option alone: its field changes, the others stay as read.
for key in title issue date; do
  eval "value=\$$key"
  "$np" --dump-structure --"$key" "$value" "$report" >"$work/$key.json" ||
    fail "--$key: dump failed"
  for other in headline issue date; do
    got=$(field "$work/$key.json" "$other")
    if [ "$other" = "$key" ] || { [ "$key" = title ] && [ "$other" = headline ]; }; then
      [ "$got" = "$value" ] && pass || fail "--$key: $other is '$got', not '$value'"
    else
      [ "$got" = "$(field "$work/plain.json" "$other")" ] && pass ||
        fail "--$key changed $other to '$got'"
    fi
  done
done
[ "$(field "$work/title.json" headline_rule)" = "headline: --title" ] && pass ||
  fail "--title: headline_rule is '$(field "$work/title.json" headline_rule)'"

# All three on the page: the PDF's text and its Title.
"$np" --title "$title" --issue "$issue" --date "$date" "$report" \
  -o "$work/options.pdf" 2>/dev/null || fail "PDF with the options"
for value in "$title" "$issue" "$date"; do
  want=$(squeeze "$value")
  case $(text "$work/options.pdf") in
    *"$want"*) pass ;;
    *) fail "the PDF's text lacks '$value'" ;;
  esac
  case $(text "$work/plain.pdf") in
    *"$want"*) fail "'$value' is in the PDF without the options: proves nothing" ;;
    *) pass ;;
  esac
done
got=$(pdfinfo -enc UTF-8 "$work/options.pdf" | sed -n 's/^Title: *//p')
[ "$got" = "$title" ] && pass || fail "the PDF's Title is '$got', not the --title"

# The options' text under any locale: UTF-8 under C and POSIX (cron jobs,
# containers), the locale's encoding under zh_CN.GB18030; bytes that are
# neither are one usage error.
for loc in C POSIX; do
  got=$(LC_ALL=$loc "$np" --dump-structure --title "$title" --issue "$issue" \
        --date "$date" "$report" 2>"$work/err" | python3 -c 'import json, sys
d = json.load(sys.stdin); print(d["headline"], d["issue"], d["date"], sep="|")')
  [ "$got" = "$title|$issue|$date" ] && pass ||
    fail "under LC_ALL=$loc: '$got', stderr: $(cat "$work/err")"
done
"$np" --dump-structure --title "$(printf 'a\377b')" "$report" >/dev/null 2>"$work/err"
[ $? -eq 64 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
  grep -q '^newsprint: --title: not text' "$work/err" && pass ||
  fail "--title with a byte that is no UTF-8: $(cat "$work/err")"

# The locale: nothing printed depends on it.
run() { # run NAME: the dump, warnings and PDF under the current locale
  "$np" --dump-structure --title "$title" --date "$date" "$report" \
    >"$work/$1.json" 2>"$work/$1.dump.err"
  SOURCE_DATE_EPOCH=1718668800 "$np" --title "$title" --issue "$issue" \
    "$report" -o "$work/$1.pdf" 2>"$work/$1.err"
}
run c
mkdir "$work/locales"
for loc in de_DE zh_CN; do
  localedef -i "$loc" -f UTF-8 "$work/locales/$loc.UTF-8" 2>/dev/null
  point=$(LOCPATH="$work/locales" LC_ALL=$loc.UTF-8 locale -k decimal_point 2>/dev/null)
  case $loc:$point in
    de_DE:'decimal_point=","' | zh_CN:'decimal_point="."') ;;
    *) fail "$loc.UTF-8 not in effect (localedef, locales): $point"; continue ;;
  esac
  LOCPATH="$work/locales" LC_ALL=$loc.UTF-8 run "$loc"
  for f in json dump.err err pdf; do
    cmp -s "$work/c.$f" "$work/$loc.$f" && pass ||
      fail "under $loc.UTF-8 the $f differs from C.UTF-8"
  done
  [ "$(text "$work/c.pdf")" = "$(text "$work/$loc.pdf")" ] && pass ||
    fail "under $loc.UTF-8 the PDF's text differs"
done

localedef -i zh_CN -f GB18030 "$work/locales/zh_CN.GB18030" 2>/dev/null
gb_title=$(printf '%s' "$title" | iconv -f UTF-8 -t GB18030)
got=$(LOCPATH="$work/locales" LC_ALL=zh_CN.GB18030 "$np" --dump-structure \
      --title "$gb_title" "$report" 2>"$work/err" | python3 -c 'import json, sys
print(json.load(sys.stdin)["headline"])')
[ "$got" = "$title" ] && pass ||
  fail "under zh_CN.GB18030 the GB18030 --title is read as '$got': $(cat "$work/err")"

tally "options and locales"
