#!/bin/sh
# Hebrew and Arabic inside Chinese reports, and bidirectional controls:
# in the body, the headline (--title), the date (--date), the masthead (a
# layout's) and a table cell, each report renders (exit 0) into a PDF whose
# text holds the right-to-left words and the Chinese around them intact.
#   bidi.sh NEWSPRINT
set -u
. "$(dirname "$0")/common.sh"
np=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# sets NAME [OPTION...]: NAME.txt renders with exit 0.
sets() {
  name=$1
  shift
  "$np" "$@" "$work/$name.txt" -o "$work/$name.pdf" 2>"$work/$name.err"
  code=$?
  if [ "$code" -ne 0 ]; then
    fail "$name: exit $code"; cat "$work/$name.err"; return 1
  fi
  pdftotext -enc UTF-8 "$work/$name.pdf" "$work/$name.out" 2>/dev/null ||
    { fail "$name.pdf: not a valid PDF"; return 1; }
}

# holds NAME WORD...: the text of NAME.pdf holds each WORD (bidi marks that
# pdftotext adds around right-to-left words left out).
holds() {
  name=$1
  shift
  for word in "$@"; do
    if python3 - "$work/$name.out" "$word" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for mark in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 \n":
    text = text.replace(mark, "")
sys.exit(0 if sys.argv[2].replace(" ", "") in text else 1)
PY
    then echo "$name: holds $word"
    else fail "$name.pdf: no '$word' in its text"; fi
  done
}

body='標題：以色列代表團來訪

2024年6月18日，以色列代表שלום עולם與阿拉伯代表مرحبا بكم來到學院，雙方交流了職業教育的經驗。
'
printf '%s' "$body" >"$work/body.txt"
sets body && holds body 以色列代表 שלוםעולם مرحبابكم 來到學院

printf '會議報道\n\n2024年6月18日，會議召開。中文של內容。\n' >"$work/short.txt"
sets short && holds short 中文 של 內容

sets short --title "中文標題עברית和عربي" && holds short 中文標題 עברית عربي
sets short --date "2024年6月18日 תשפ״ד" && holds short תשפ״ד
printf '[masthead]\ntext = 通訊 חדשות أخبار\n' >"$work/rtl.ini"
sets short --layout "$work/rtl.ini" && holds short 通訊 חדשות أخبار

# U+202E (right-to-left override) before Chinese turns what follows
# around; it must set, not crash, and keep every character.
printf '會議報道\n\n2024年6月18日，\342\200\256會議在上海召開。\n' >"$work/override.txt"
sets override && holds override 2024年6月18日
printf '\342\200\256\342\200\253\342\201\247\n\n\342\200\256\n' >"$work/controls.txt"
"$np" "$work/controls.txt" -o "$work/controls.pdf" 2>"$work/controls.err"
code=$?
if [ "$code" -gt 1 ] && [ "$code" -lt 64 ]; then
  fail "controls alone: exit $code"; cat "$work/controls.err"
else echo "controls alone: exit $code"; fi

# A table cell and a caption.
printf '會議報道\n\n2024年6月18日，會議召開。\n\n會上，首批成員單位集中簽約。包括חברה甲公司、شركة乙學院、丙研究院等共3家單位。\n\n圖一：代表שלום在會上發言\n\n後文。\n' >"$work/table.txt"
"$np" --dump-structure "$work/table.txt" 2>/dev/null | grep -q '"kind": "units"' ||
  fail "table.txt: no table read"
sets table && holds table חברה甲公司 شركة乙學院 代表שלום在會上發言

# Right-to-left words, emoji and Chinese mixed, and an override before an
# emoji sequence.
printf '會議報道\n\n2024年6月18日，😀שלום👨\342\200\215👩\342\200\215👧中文مرحبا🇨🇳，\342\200\256👍🏽עברית 123 עברית😀會議召開。\n' >"$work/emoji.txt"
# The override is honoured: what follows it is seen (and extracted)
# right to left.
sets emoji && holds emoji שלום مرحبا 中文 開召議會

[ "$fails" -eq 0 ] || exit 1
