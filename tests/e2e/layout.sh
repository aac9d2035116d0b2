#!/bin/sh
# Layouts, lengths and fonts from the command line: what cannot be used is
# refused with one line and the right exit code, quickly, and nothing
# blocks or crashes.
#   layout.sh NEWSPRINT SOURCE_DIR
set -u
. "$(dirname "$0")/common.sh"
np=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A report without emoji, so that a refusal is the only line on stderr.
printf '2024年6月18日上午，大會召開。\n' >"$work/r.txt"

# ---- one length reader: --bleed and layouts agree on every row ----------

# A layout whose line-height is bad: when the gutter before it is accepted,
# the error names line-height instead.
verdict_of_layout() {
  printf '[page]\ngutter = %s\n[text]\nline-height = bad\n' "$1" >"$work/len.ini"
  "$np" "$work/r.txt" -o "$work/len.pdf" -l "$work/len.ini" 2>&1 >/dev/null |
    sed -n "s|^newsprint: $work/len.ini: \[page\] gutter: \(.*\) (got '.*')\$|\1|p
            s|^newsprint: $work/len.ini: \[text\] line-height: .*|ok|p"
}
verdict_of_bleed() {
  out=$("$np" --dump-structure "--bleed=$1" "$work/r.txt" 2>&1 >/dev/null) &&
    { echo ok; return; }
  echo "$out" | sed -n "s|^newsprint: --bleed: \(.*\) (got '.*')\$|\1|p"
}
tab=$(printf '\t')
while IFS="$tab" read -r input want; do
  case $input in '#'* | '') continue ;; esac
  case $want in [0-9]*) want=ok ;; esac
  bleed=$(verdict_of_bleed "$input")
  layout=$(verdict_of_layout "$input")
  case $bleed in "$want"*) ;; *) fail "--bleed=$input: '$bleed' (want '$want')"; continue ;; esac
  case $layout in "$want"*) pass ;; *) fail "gutter = $input: '$layout' (want '$want')" ;; esac
done <"$src/tests/cases/layouts/lengths.tsv"

expect 64 "^newsprint: --bleed: must be from 0pt to 72pt (got '30mm')$" -- \
  "$np" --dump-structure --bleed 30mm "$work/r.txt"

# Lengths read the same where the decimal mark is a comma.
if mkdir "$work/locale" && localedef -i de_DE -c -f UTF-8 "$work/locale/de_DE.UTF-8" 2>/dev/null; then
  printf '[page]\ngutter = 0.5cm\n' >"$work/point.ini"
  if LOCPATH="$work/locale" LC_ALL=de_DE.UTF-8 "$np" --bleed 0.5cm "$work/r.txt" \
       -o "$work/point.pdf" -l "$work/point.ini" 2>"$work/err"; then pass
  else fail "0.5cm under de_DE.UTF-8:"; cat "$work/err"; fi
  # Messages quote lengths as a layout file is written: with a full stop.
  printf '[page]\nmargin-inner = 105mm\nmargin-outer = 105mm\n' >"$work/wide.ini"
  LOCPATH="$work/locale" LC_ALL=de_DE.UTF-8 "$np" "$work/r.txt" \
    -o "$work/wide.pdf" -l "$work/wide.ini" 2>"$work/err"
  if grep -q 'margin-inner, margin-outer: 105\.0mm and 105\.0mm leave no text area across a 210\.0mm page' "$work/err"; then pass
  else fail "a message under de_DE.UTF-8 has no full stop:"; cat "$work/err"; fi
else
  fail "localedef cannot make de_DE.UTF-8 (the package locales is needed)"
fi

# ---- hostile layouts -----------------------------------------------------

refuse() { # refuse CODE PATTERN LAYOUT-TEXT
  printf "$3" >"$work/bad.ini"
  expect "$1" "^newsprint: $work/bad.ini: $2" -- \
    "$np" "$work/r.txt" -o "$work/bad.pdf" -l "$work/bad.ini"
}
refuse 65 '\[page\] margin-top: must be from 0pt to 14400pt' '[page]\nmargin-top = 99999999999999999999999999999999999999mm\n'
refuse 65 '\[page\] size: must be more than 0pt' '[page]\nsize = 1000000000000mm x 297mm\n'
refuse 65 '\[text\] line-height: is not a number' '[text]\nline-height = nan\n'
refuse 65 '\[page\] columns: must be a whole number from 1 to 4' '[page]\ncolumns = 0\n'
refuse 65 '\[body-font\] size: must be from 4pt to 200pt' '[body-font]\nsize = -10.5pt\n'
refuse 65 '\[body-font\] size = 200pt is wider than a column' '[page]\ncolumns = 4\nmargin-inner = 5mm\nmargin-outer = 5mm\ngutter = 2mm\n[body-font]\nsize = 200pt\n'
refuse 65 '\[footer-font\] size = 8pt is taller than \[page\] margin-bottom' '[page]\nmargin-bottom = 1mm\n'
refuse 65 '\[footer-font\] size = 8pt is taller than \[page\] margin-top (1.0mm): the running head' '[page]\nmargin-top = 1mm\n'
# A line pitch taller than the page set pages without end.
refuse 65 '\[body-font\] size = 200pt, \[text\] line-height = 3: a line pitch' '[page]\nsize = A5\ncolumns = 1\n[text]\nline-height = 3\nindent = 0\n[masthead]\ntext =\n[frame]\nmax-height = 40mm\n[body-font]\nsize = 200pt\n'
head -c 4096 /dev/urandom >"$work/junk.ini"
expect 65 "^newsprint: $work/junk.ini: " -- "$np" "$work/r.txt" -o "$work/a.pdf" -l "$work/junk.ini"
expect 66 "^newsprint: $work: is a directory$" -- "$np" "$work/r.txt" -o "$work/a.pdf" -l "$work"
mkfifo "$work/pipe.ini"
expect 66 "^newsprint: $work/pipe.ini: is a named pipe, not a regular file$" -- \
  "$np" "$work/r.txt" -o "$work/a.pdf" -l "$work/pipe.ini"

# 20 MB is refused before it is read; a 10 MB masthead took 29 s and
# 708 MiB to set.
python3 -c "import sys; open(sys.argv[1], 'w').write('[masthead]\ntext = ' + '產' * 7000000 + '\n')" "$work/big.ini"
start=$(date +%s)
expect 65 "^newsprint: $work/big.ini: too large (20.0 MiB; the limit is 1.0 MiB)$" -- \
  "$np" "$work/r.txt" -o "$work/a.pdf" -l "$work/big.ini"
[ $(($(date +%s) - start)) -le 5 ] && pass || fail "a 20 MB layout took more than 5 s"
rm -f "$work/big.ini"

# ---- fonts ----------------------------------------------------------------

# A data folder whose fonts.conf sees DejaVu only: no Chinese font at all.
mkdir -p "$work/latin/fonts" "$work/trunc/fonts" "$work/include/fonts"
sed -e '\#<dir>/usr/share/fonts/opentype/noto</dir>#d' \
    -e '\#<dir>/usr/share/fonts/truetype/noto</dir>#d' \
    "$src/fonts/fonts.conf" >"$work/latin/fonts/fonts.conf"
for role in masthead headline subtitle meta lead body heading caption \
            photo-credit table credit footer; do
  printf '[%s-font]\nfamily = DejaVu Sans\n' "$role"
done >"$work/dejavu.ini"
expect 70 "^newsprint: font 'DejaVu Sans': has no Chinese characters (no 一 U+4E00)" -- env NEWSPRINT_DATADIR=$work/latin \
  "$np" "$work/r.txt" -o "$work/a.pdf" -l "$work/dejavu.ini"
expect 70 "^newsprint: font 'Noto Serif CJK TC': not installed" -- env NEWSPRINT_DATADIR=$work/latin \
  "$np" "$work/r.txt" -o "$work/a.pdf"
expect 70 "^newsprint: font 'DejaVu Sans': has no Chinese characters" -- \
  "$np" "$work/r.txt" -o "$work/a.pdf" -l "$work/dejavu.ini"
[ ! -e "$work/a.pdf" ] && pass || fail "a refused run wrote a.pdf"

# A fonts.conf cut short, and one that includes a file that is not there:
# fontconfig's own complaints stay off the terminal.
head -c 1500 "$src/fonts/fonts.conf" >"$work/trunc/fonts/fonts.conf"
expect 70 "^newsprint: $work/trunc/fonts/fonts.conf: cannot read the font configuration (line [0-9]*: .*)$" -- env NEWSPRINT_DATADIR=$work/trunc \
  "$np" "$work/r.txt" -o "$work/a.pdf"
sed 's#<fontconfig>#<fontconfig><include>/nonexistent/extra.conf</include>#' \
  "$src/fonts/fonts.conf" >"$work/include/fonts/fonts.conf"
expect 70 "^newsprint: $work/include/fonts/fonts.conf: cannot read the font configuration (.*/nonexistent/extra.conf.*)$" -- env NEWSPRINT_DATADIR=$work/include \
  "$np" "$work/r.txt" -o "$work/a.pdf"

# ---- the Kai family -------------------------------------------------------

# A layout's "Kai CJK" is AR PL UKai of the report's region; its bold is
# Noto Serif CJK's bold (UKai has none); without UKai it is Noto Serif CJK,
# silently.  A family fonts.conf does not define is still refused.
printf '大會召開年度工作會議\n\n2024年6月18日上午，大會召開。會議聽取了工作報告。\n\n與會代表一致同意。\n' >"$work/kai-t.txt"
printf '大会召开年度工作会议\n\n2024年6月18日上午，大会召开。会议听取了工作报告。\n\n与会代表一致同意。\n' >"$work/kai-s.txt"
printf '[body-font]\nfamily = Kai CJK\n[headline-font]\nfamily = Kai CJK\nweight = bold\n' >"$work/kai.ini"
mkdir -p "$work/no-kai/fonts"
sed '\#<dir>/usr/share/fonts/truetype/arphic</dir>#d' \
  "$src/fonts/fonts.conf" >"$work/no-kai/fonts/fonts.conf"
# kai DATADIR REPORT WANT: the fonts of the PDF, subset tags removed and
# sorted, are WANT, and nothing is said.
kai() {
  rm -f "$work/kai.pdf"
  NEWSPRINT_DATADIR=$1 "$np" "$2" -o "$work/kai.pdf" -l "$work/kai.ini" 2>"$work/err"
  got=$(pdffonts "$work/kai.pdf" 2>/dev/null |
        awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort -u | tr '\n' ' ')
  if [ "$got" = "$3 " ] && [ ! -s "$work/err" ]; then pass
  else fail "Kai CJK, $2 with ${1:-the shipped fonts.conf}: fonts '$got' (want '$3')"; cat "$work/err"; fi
}
if [ -e /usr/share/fonts/truetype/arphic/ukai.ttc ]; then
  kai "" "$work/kai-t.txt" "NotoSansCJKtc-Regular NotoSerifCJKtc-Bold UKaiTW"
  kai "" "$work/kai-s.txt" "NotoSansCJKsc-Regular NotoSerifCJKsc-Bold UKaiCN"
else
  fail "/usr/share/fonts/truetype/arphic/ukai.ttc: not found (setup.sh installs fonts-arphic-ukai)"
fi
kai "$work/no-kai" "$work/kai-t.txt" "NotoSansCJKtc-Regular NotoSerifCJKtc-Bold NotoSerifCJKtc-Regular"
kai "$work/no-kai" "$work/kai-s.txt" "NotoSansCJKsc-Regular NotoSerifCJKsc-Bold NotoSerifCJKsc-Regular"
printf '[body-font]\nfamily = Kia CJK\n' >"$work/kia.ini"
expect 70 "^newsprint: font 'Kia CJK TC': not installed" -- \
  "$np" "$work/r.txt" -o "$work/a.pdf" -l "$work/kia.ini"
# With no Chinese font at all, the alias has nothing to stand for.
for role in masthead headline subtitle meta lead body heading caption \
            photo-credit table credit footer section contents; do
  printf '[%s-font]\nfamily = Kai CJK\n' "$role"
done >"$work/all-kai.ini"
expect 70 "^newsprint: font 'Kai CJK TC': not installed" -- env NEWSPRINT_DATADIR=$work/latin \
  "$np" "$work/r.txt" -o "$work/a.pdf" -l "$work/all-kai.ini"

# ---- jianbao ----------------------------------------------------------------

# A page of text only holds 22 lines of 28 characters (GB/T 9704-2012
# 5.2.4), in AR PL UKai, under the footer "— 2 —".  The report opens as
# reports do, its title over a dated lead.
python3 -c "
para = '会议听取了工作报告并讨论了下一步计划与会代表一致同意各项安排' * 8
print('大会召开年度工作会议\n\n2024年6月18日，大会在学院召开年度工作会议，各成员单位代表参加。\n\n'
      + '\n\n'.join([para] * 12))" >"$work/long.txt"
if "$np" "$work/long.txt" -l jianbao --date 2024-06-18 -o "$work/jianbao.pdf" 2>"$work/err" &&
   pdftotext -f 2 -l 2 "$work/jianbao.pdf" "$work/page2.txt"; then
  grid=$(python3 -c "
import sys
lines = [l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
print(len(lines) - 1, max(len(l) for l in lines[:-1]), lines[-1].replace(' ', ''))" "$work/page2.txt")
  [ "$grid" = "22 28 —2—" ] && pass || fail "jianbao: page 2 has '$grid' (want '22 28 —2—': lines, characters, footer)"
  pdffonts "$work/jianbao.pdf" | grep -q '+UKaiCN ' && pass || fail "jianbao: the body is not in AR PL UKai CN"
else
  fail "jianbao: did not render:"; cat "$work/err"
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
