#!/bin/sh
# bash completion: the function is called as bash calls it, with
# COMP_WORDS and COMP_CWORD set, in plain bash (no bash-completion).
#   completion.sh NEWSPRINT SOURCE_DIR
set -u
np=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v bash >/dev/null || { echo "no bash"; exit 77; }

mkdir -p "$work/xdg/newsprint/layouts" "$work/dir/photos"
cp "$src/layouts/compact.ini" "$work/xdg/newsprint/layouts/mine.ini"
: >"$work/dir/report.txt"
: >"$work/dir/notes.md"
: >"$work/dir/wide.ini"
cd "$work/dir"
XDG_DATA_HOME=$work/xdg bash --norc --noprofile -s "$np" "$src/completions/newsprint" <<'BASH'
np=$1
. "$2"
fails=0 passes=0
# complete EXPECTED WORD...: the candidates for the last WORD, sorted and
# joined by spaces, are EXPECTED.
complete_() {
  want=$1; shift
  COMP_WORDS=("$np" "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _newsprint
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort -u | tr '\n' ' ')
  if [ "$got" = "$want " ]; then passes=$((passes + 1)); else
    echo "FAIL: newsprint $*: got '$got', want '$want'"; fails=$((fails + 1)); fi
}
complete_ 'bulletin compact jianbao mine photos wide.ini' -l ''
complete_ 'mine' --layout m
complete_ 'mine' --layout = m
complete_ 'wide.ini' --print-layout w
complete_ 'keep strip' --emoji ''
complete_ 'keep' --emoji=k
complete_ 'strip' --emoji s
complete_ 'photos' --photos ''
complete_ 'zh-HK zh-Hans zh-Hant zh-TW' --to ''
complete_ 'zh-Hans zh-Hant' --to zh-Ha
complete_ 'zh-TW' --to=zh-T
complete_ 'photos report.txt' --phrases ''
complete_ 'notes.md photos report.txt wide.ini' -o ''
complete_ 'photos report.txt wide.ini' ''
complete_ 'wide.ini' w
complete_ 'report.txt' -l mine r
complete_ 'notes.md' n
complete_ '--list-layouts' --list
complete_ '--watch' --wa
complete_ '' --title ''
# Every long option of --help completes.
for option in $("$np" --help | sed -n 's/^  *\(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/\2/p'); do
  complete_ "$option" "$option"
done
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
BASH
