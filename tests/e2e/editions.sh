#!/bin/sh
# Editions: a report or an issue printed in Simplified or Traditional
# Chinese (--to, [text] to, an issue file's to), read back from the PDF by
# check_edition.py: no Traditional character left in a Simplified edition
# (OpenCC's own t2s is the oracle, on the pages and in the document
# information), the regional words of a Taiwan edition, quotation marks,
# the faces of the edition's region and the PDF's /Lang; phrase files that
# keep names in their own form; the converted text in --dump-structure and
# -v; the reference, converted, as clean for the newsletter audit as it is
# unconverted; bad values, phrase files and a missing OpenCC configuration
# refused with one line.
#   editions.sh NEWSPRINT SOURCE_DIR REFERENCE AUDIT_DIR
set -u
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
here=$(abs "$(dirname "$0")")
np=$(abs "$1") src=$(abs "$2") reference=$(abs "$3") audit=$(abs "$4")
ed=$src/tests/editions
issue=$src/tests/issue
. "$here/common.sh"
need "$reference" "$audit/newsletter_audit.py" "$ed/software-hans.txt" \
     "$ed/software-hant.txt" "$ed/names.txt" "$issue/forum-hant.txt"
command -v opencc >/dev/null ||
  { echo "FAIL: opencc not found: the oracle is OpenCC's command (Debian package opencc)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
hans=$ed/software-hans.txt
hant=$ed/software-hant.txt

# render NAME ARGS...: newsprint ARGS -o NAME.pdf, which must succeed.
render() {
  name=$1
  shift
  if timeout 60 "$np" "$@" -o "$name.pdf" 2>"$name.err" </dev/null; then pass; else
    fail "newsprint $* -o $name.pdf: $(head -c 600 "$name.err")"; return 1; fi
}
# check PDF [check_edition.py options]: the PDF read back.
check() {
  if python3 "$here/check_edition.py" "$@"; then pass; else fail "$1 read back (above)"; fi
}
# same A.pdf B.pdf [SED]: the two PDFs hold the same text (each edited by
# the sed script SED first, if given).
same() {
  pdftotext -enc UTF-8 "$1" - | sed "${3:-}" >a.txt && pdftotext -enc UTF-8 "$2" - | sed "${3:-}" >b.txt
  if cmp -s a.txt b.txt; then pass; else
    fail "$1 and $2 differ in their text:"; diff a.txt b.txt | head -8; fi
}
# dumptext: the text of --dump-structure on standard input, a block a line
# (a table a row a line), as a source the audit can read.
dumptext() {
  python3 -c '
import json, sys
d = json.load(sys.stdin)
out = [d[k] for k in ("kicker", "headline", "subtitle", "byline") if d.get(k)]
for b in d["blocks"]:
    if b.get("text"):
        out.append(b["text"])
    out.extend("：".join(row) for row in b.get("rows", [])[1:])
print("\n".join(out))'
}
# script FILE.json: the script --dump-structure says.
script() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["script"])' "$1"; }

# The words a Taiwan reader writes otherwise, and the mainland's.
taiwan="軟體 網路 資訊 影片 列印 資料 程式 人工智慧"
mainland="软件 軟件 網絡 信息 視頻 视频 打印 數據 程序 人工智能"
words() { flag=$1; shift; for w in "$@"; do printf ' %s %s' "$flag" "$w"; done; }

# The reference (Traditional) in Simplified: every character Simplified,
# the Simplified faces, language and masthead, and the audit as clean as
# for the report as written, with the converted text as its source.
if render ref-hans "$reference" --to zh-Hans; then
  check ref-hans.pdf --simplified --faces sc --lang zh-Hans \
    --has 产教联合体通讯 --has 第1页 --lacks 產教聯合體通訊
  if "$np" --dump-structure --to zh-Hans "$reference" >ref-hans.json 2>dump.err; then
    dumptext <ref-hans.json >ref-hans.txt
    [ "$(script ref-hans.json)" = zh-Hans ] && pass || fail "--dump-structure --to zh-Hans: script $(script ref-hans.json)"
    if opencc -c t2s.json -i ref-hans.txt | cmp -s - ref-hans.txt; then pass; else
      fail "--dump-structure --to zh-Hans leaves Traditional characters:"
      opencc -c t2s.json -i ref-hans.txt | diff ref-hans.txt - | head -4; fi
    python3 "$audit/newsletter_audit.py" ref-hans.pdf --source ref-hans.txt --strict \
      >audit.txt && pass || { grep PROBLEM audit.txt; fail "audit of the reference in zh-Hans"; }
  else
    fail "--dump-structure --to zh-Hans $reference: $(cat dump.err)"
  fi
fi

# A Simplified report in the Taiwan edition: Taiwan's words, none of the
# mainland's, 「」 and 『』 for “” and ‘’ (clreq, "Quotation Marks": in
# Taiwan single corner brackets first, then double ones), the masthead's
# Traditional text, the TC faces.  Without a phrase file the names are as
# OpenCC has them: the surname 范 read as the word 範, 于 as 於.
if render hans-tw "$hans" --to zh-TW; then
  # shellcheck disable=SC2046,SC2086
  check hans-tw.pdf --faces tc --lang zh-TW $(words --has $taiwan) $(words --lacks $mainland) \
    --has 「雲上實訓」 --has 在『犯錯』中 --lacks “ --lacks ” --lacks ‘ --lacks ’ \
    --has 產教聯合體通訊 --has 範曉峰 --has 於海濤 --has 雲南數聯軟體有限公司 --has 資訊保安
fi
# With the phrase file, the names keep their own form and the rest is
# converted as before.
if render hans-tw-names "$hans" --to zh-TW --phrases "$ed/names.txt"; then
  # shellcheck disable=SC2046,SC2086
  check hans-tw-names.pdf --faces tc --lang zh-TW $(words --has $taiwan) \
    --has 范曉峰 --has 于海濤 --has 余麗萍 --has 雲南數聯軟件有限公司 --has 資訊安全 \
    --lacks 範曉峰 --lacks 於海濤 --lacks 餘麗萍 --lacks 雲南數聯軟體 --lacks 資訊保安 \
    --has 「雲上實訓」
fi

# The other editions of the Simplified report: zh-Hant converts the
# characters and keeps the words (軟件), zh-HK has the HK faces.
render hans-hant "$hans" --to zh-Hant &&
  check hans-hant.pdf --faces tc --lang zh-Hant --has 軟件 --has 網絡 --has 「雲上實訓」 \
    --lacks 軟體 --lacks 软件 --lacks “
render hans-hk "$hans" --to zh-HK &&
  check hans-hk.pdf --faces hk --lang zh-HK --has 軟件 --has 「雲上實訓」 --lacks 软件 --lacks “

# The script a report already has: nothing changes but regional words
# (and the quotation marks, which follow the edition).
render hans "$hans" && render hans-hans "$hans" --to zh-Hans &&
  same hans.pdf hans-hans.pdf && check hans-hans.pdf --simplified --faces sc --lang zh-Hans
# A Traditional report in zh-Hant keeps its text, but its “” and ‘’ become
# 「」 and 『』 as in every Traditional edition.
if render hant "$hant" && render hant-hant "$hant" --to zh-Hant; then
  same hant.pdf hant-hant.pdf 's/「/“/g; s/」/”/g; s/『/‘/g; s/』/’/g'
  check hant-hant.pdf --faces tc --lang zh-Hant --has 「雲上實訓」 --has 在『犯錯』中 --has 范曉峰
fi
if render hant-tw "$hant" --to zh-TW; then
  # shellcheck disable=SC2046,SC2086
  check hant-tw.pdf --faces tc --lang zh-TW $(words --has $taiwan) $(words --lacks $mainland) \
    --has 范曉峰 --has 于海濤 --lacks 範曉峰 --has 「雲上實訓」
fi

# A layout's [text] to and phrases (relative to the layout), an issue
# file's to and phrases (relative to the issue file); --to wins over both.
mkdir lay
"$np" --print-layout bulletin >bulletin.ini
sed 's/^\[text\]$/[text]\nto = zh-TW/' bulletin.ini >lay/tw.ini
sed 's/^\[text\]$/[text]\nto = zh-TW\nphrases = names.txt/' bulletin.ini >lay/tw-names.ini
sed 's/^\[text\]$/[text]\nto = zh-Klingon/' bulletin.ini >lay/bad.ini
cp "$ed/names.txt" lay/
render lay-tw -l lay/tw.ini "$hans" && same hans-tw.pdf lay-tw.pdf
render lay-tw-names -l lay/tw-names.ini "$hans" && same hans-tw-names.pdf lay-tw-names.pdf
render lay-wins -l lay/tw.ini "$hans" --to zh-Hans && same hans.pdf lay-wins.pdf
mkdir iss
cp "$ed/names.txt" iss/
# issuefile FILE LINE... -- REPORT...: an issue file whose [issue] group
# holds the LINEs, with a group for each REPORT.
issuefile() {
  file=$1
  shift
  {
    echo "[issue]"
    while [ "$1" != -- ]; do echo "$1"; shift; done
    shift
    n=0
    for report in "$@"; do
      n=$((n + 1))
      printf '\n[report %d]\nfile = %s\n' "$n" "$report"
    done
  } >"$file"
}
issuefile iss/tw.ini "masthead = 數字產教通訊" "number = 2025年第4期" \
  "publisher = 濱江數字經濟產教聯合體" "to = zh-TW" "phrases = names.txt" -- \
  "$hans" "$issue/workshop-hans.txt"
if render iss-tw iss/tw.ini; then
  # shellcheck disable=SC2046,SC2086
  check iss-tw.pdf --faces tc --lang zh-TW $(words --has 軟體 網路 資訊 列印) \
    --has 范曉峰 --has 雲南數聯軟件有限公司 --has 本期導讀 --lacks 软件 --lacks 本期导读
fi

# An issue of reports in both scripts, its own values Traditional, in
# Simplified (--to over the file's to): all of it, the masthead the file
# gives too, the contents' title from contents-simplified.
issuefile iss/both.ini "masthead = 產教融合通訊" "number = 2025年第4期" \
  "publisher = 濱海職業教育聯盟秘書處" "to = zh-TW" -- \
  "$issue/forum-hant.txt" "$hans" "$issue/notice-hant.txt" "$hant"
render iss-hans iss/both.ini --to zh-Hans &&
  check iss-hans.pdf --simplified --faces sc --lang zh-Hans --has 产教融合通讯 --has 本期导读 \
    --lacks 產教融合通訊
render args-hans "$issue/forum-hant.txt" "$hans" "$issue/notice-hant.txt" --to zh-Hans &&
  check args-hans.pdf --simplified --faces sc --lang zh-Hans

# --dump-structure and -v tell of the conversion.
if "$np" --dump-structure --to zh-TW "$hans" >hans-tw.json 2>dump.err; then
  dumptext <hans-tw.json >hans-tw.txt
  # The script is Traditional; zh-TW names the region as well.
  case $(script hans-tw.json) in zh-Hant|zh-TW) pass ;;
    *) fail "--dump-structure --to zh-TW: script $(script hans-tw.json)" ;; esac
  grep -q 軟體 hans-tw.txt && ! grep -q '软件\|数据' hans-tw.txt && pass ||
    fail "--dump-structure --to zh-TW: not the Taiwan text: $(head -c 300 hans-tw.txt)"
else
  fail "--dump-structure --to zh-TW $hans: $(cat dump.err)"
fi
"$np" -v "$hans" --to zh-TW -o v.pdf 2>v.err
if grep -q "^newsprint: .*software-hans\.txt: converted to zh-TW: [1-9][0-9]* characters changed" v.err
then pass; else fail "-v --to zh-TW: no conversion line: $(cat v.err)"; fi
"$np" -v "$reference" --to zh-Hans -o v.pdf 2>v.err
if grep -q "^newsprint: .*: converted to zh-Hans: [1-9][0-9]* characters changed" v.err
then pass; else fail "-v --to zh-Hans: no conversion line: $(head -c 600 v.err)"; fi
"$np" -v "$hans" -o v.pdf 2>v.err
if grep -q "converted to" v.err; then fail "-v without --to tells of a conversion: $(cat v.err)"; else pass; fi

# Refused with one line, and the output left as it was.
echo "an earlier bulletin" >kept.pdf
expect 64 "zh-Hans.*zh-Hant.*zh-TW.*zh-HK" -- "$np" "$hans" --to zh-XX -o kept.pdf
expect 65 "bad\.ini.*zh-Klingon" -- "$np" -l lay/bad.ini "$hans" -o kept.pdf
printf '# a comment, then a blank line\n\n范晓峰 范曉峰\n' >bad-phrases.txt
expect 65 "bad-phrases\.txt.*\(line 3\|:3\)" -- "$np" "$hans" --to zh-TW --phrases bad-phrases.txt -o kept.pdf
printf '范晓峰\t范曉峰\t范曉峯\n' >three.txt
expect 65 "three\.txt.*\(line 1\|:1\)" -- "$np" "$hans" --to zh-TW --phrases three.txt -o kept.pdf
timeout 60 "$np" "$hans" --to zh-TW --phrases absent.txt -o kept.pdf >out 2>err </dev/null
if [ $? -ne 0 ] && [ "$(wc -l <err)" -eq 1 ] && grep -q absent.txt err; then pass; else
  fail "--phrases absent.txt: $(cat err)"; fi
mkdir empty
expect 70 "\.json" -- env NEWSPRINT_OPENCC_DIR="$work/empty" "$np" "$hans" --to zh-TW -o kept.pdf
# A dictionary missing: OpenCC looks beside the configuration, then in
# its own folder, so the configurations name dictionaries neither has.
mkdir nodict
for config in /usr/share/opencc/*.json; do
  sed 's/\.ocd2"/-missing.ocd2"/' "$config" >"nodict/$(basename "$config")"
done
expect 70 "-missing\.ocd2" -- env NEWSPRINT_OPENCC_DIR="$work/nodict" "$np" "$hans" --to zh-TW -o kept.pdf
# A dictionary that is not one, found first beside its configuration.
mkdir baddict
cp /usr/share/opencc/*.json baddict/
for dict in /usr/share/opencc/*.ocd2; do
  echo "not a dictionary" >"baddict/$(basename "$dict")"
done
expect 70 "baddict/" -- env NEWSPRINT_OPENCC_DIR="$work/baddict" "$np" "$hans" --to zh-TW -o kept.pdf
[ "$(cat kept.pdf)" = "an earlier bulletin" ] && pass || fail "kept.pdf was overwritten by a refused run"

tally editions
