#!/bin/sh
# `cmake --install` into a scratch prefix: the installed binary runs from
# anywhere, finds its layouts and fonts under PREFIX/share/newsprint and
# the user's in $XDG_DATA_HOME, never looks into the build or source tree,
# and comes with its manual page, bash completion and licence.
#   install.sh BUILD_DIR SOURCE_DIR
set -u
build=$(cd "$1" && pwd -P) src=$(cd "$2" && pwd -P)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
passes=0
check() { # check WHAT COMMAND...
  what=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what"; fails=$((fails + 1)); fi
}

cmake --install "$build" --prefix "$work/prefix" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
# Moved after installing: the binary finds its data relative to itself.
mv "$work/prefix" "$work/moved"
prefix=$work/moved
np=$prefix/bin/newsprint
check "bin/newsprint" test -x "$np"
check "layouts" test -f "$prefix/share/newsprint/layouts/bulletin.ini"
check "fonts.conf" test -f "$prefix/share/newsprint/fonts/fonts.conf"
check "manual page" test -f "$prefix/share/man/man1/newsprint.1"
check "bash completion" test -f "$prefix/share/bash-completion/completions/newsprint"
check "LICENSE" cmp -s "$prefix/share/doc/newsprint/LICENSE" "$src/LICENSE"
check "no uninstalled.ini installed" test ! -e "$prefix/bin/newsprint-uninstalled.ini"
check "the manual page is the page" sh -c "MANWIDTH=80 man -l '$prefix/share/man/man1/newsprint.1' 2>/dev/null | grep -q -- --list-layouts"

# Neither the build tree nor the source tree is named in the binary
# (but for the sanitizers' own source locations, which -ffile-prefix-map
# does not reach: a sanitized build is not one to install).
strings -a "$np" >"$work/strings"
if [ -z "${NP_SANITIZED:-}" ]; then
  check "the binary names the build tree" sh -c "! grep -qF '$build' '$work/strings'"
  check "the binary names the source tree" sh -c "! grep -qF '$src' '$work/strings'"
fi

# A user with a home of their own and an own layout; the system's data
# folders empty, so that only this prefix serves newsprint's own data.
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_DATA_DIRS="$work/system"
unset NEWSPRINT_DATADIR
mkdir -p "$HOME" "$XDG_DATA_DIRS" "$XDG_DATA_HOME/newsprint/layouts" "$work/run"
cp "$src/examples/report.txt" "$work/run/report.txt"
cd "$work/run"

"$np" --print-layout bulletin >"$XDG_DATA_HOME/newsprint/layouts/mine.ini"
check "--print-layout prints the installed bulletin" \
  cmp -s "$XDG_DATA_HOME/newsprint/layouts/mine.ini" "$prefix/share/newsprint/layouts/bulletin.ini"
sed -i 's/^columns *= *2$/columns = 3/' "$XDG_DATA_HOME/newsprint/layouts/mine.ini"
check "a key of mine.ini edited" grep -qx 'columns = 3' "$XDG_DATA_HOME/newsprint/layouts/mine.ini"

tab=$(printf '\t')
# (A newsprint installed under the configured prefix would add its own.)
"$np" --list-layouts | grep -F "$work" >"$work/list"
printf '%s\n' "bulletin$tab$prefix/share/newsprint/layouts/bulletin.ini" \
  "compact$tab$prefix/share/newsprint/layouts/compact.ini" \
  "jianbao$tab$prefix/share/newsprint/layouts/jianbao.ini" \
  "mine$tab$XDG_DATA_HOME/newsprint/layouts/mine.ini" >"$work/want"
check "--list-layouts" cmp -s "$work/list" "$work/want" || cat "$work/list"

# Every folder searched, as the error for a missing layout names them:
# none in the build or source tree.
"$np" report.txt -l nosuch -o out.pdf 2>"$work/err"
check "a missing layout is named" grep -q '^newsprint: nosuch: no such layout' "$work/err"
check "the installed binary searches the build or source tree" \
  sh -c "! grep -qF -e '$build' -e '$src' '$work/err'"

"$np" report.txt -l mine -o mine.pdf 2>/dev/null
check "-l mine from XDG_DATA_HOME" sh -c "pdfinfo mine.pdf | grep -q '^Pages:'"
"$np" report.txt -o plain.pdf 2>/dev/null
check "bulletin from the prefix" sh -c "pdfinfo plain.pdf | grep -q '^Pages:'"
# The edit shows: three columns set the same text differently.
check "mine.ini's columns = 3 is used" sh -c "! cmp -s mine.pdf plain.pdf"
cp "$XDG_DATA_HOME/newsprint/layouts/mine.ini" bad.ini
sed -i 's/^columns *= *3$/columns = 9/' bad.ini
"$np" report.txt -l bad.ini -o bad.pdf 2>"$work/err"
check "an edited layout file is read as -l FILE" grep -q 'bad.ini: \[page\] columns' "$work/err"

# fonts/fonts.conf is looked up as the layouts are: the user's first.
mkdir -p "$XDG_DATA_HOME/newsprint/fonts"
echo '<fontconfig><broken' >"$XDG_DATA_HOME/newsprint/fonts/fonts.conf"
"$np" report.txt -o fonts.pdf 2>"$work/err"
check "fonts.conf from XDG_DATA_HOME" grep -q "^newsprint: $XDG_DATA_HOME/newsprint/fonts/fonts.conf: " "$work/err"
rm -r "$XDG_DATA_HOME/newsprint/fonts"

# The installed completion completes layouts from the installed binary.
if command -v bash >/dev/null; then
  out=$(PATH="$prefix/bin:$PATH" bash --norc --noprofile -c '
    . "$1"; COMP_WORDS=(newsprint -l m); COMP_CWORD=2; _newsprint
    printf "%s\n" "${COMPREPLY[@]}"' sh "$prefix/share/bash-completion/completions/newsprint")
  check "installed completion: -l m gives mine" test "$out" = mine
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
