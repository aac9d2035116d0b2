#!/bin/sh
# newsprint(1): roff without warnings, and every long option that --help
# lists described in it, so that the two cannot drift apart.
#   manpage.sh NEWSPRINT SOURCE_DIR
set -u
np=$1
page=$2/man/newsprint.1
fails=0
passes=0

out=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
if [ -z "$out" ]; then passes=$((passes + 1)); else
  echo "FAIL: groff warns:"; echo "$out"; fails=$((fails + 1)); fi
out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
if [ -z "$out" ]; then passes=$((passes + 1)); else
  echo "FAIL: man warns:"; echo "$out"; fails=$((fails + 1)); fi

# The page's version is the binary's.
version=$("$np" --version | head -1)
if grep -q "^\.TH NEWSPRINT 1 \"[0-9-]*\" \"$version\"" "$page"; then passes=$((passes + 1)); else
  echo "FAIL: the .TH line does not say '$version'"; fails=$((fails + 1)); fi

# The options as the page prints them (groff's \- is a plain -).
text=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$page" 2>/dev/null | col -b)
options=$("$np" --help | sed -n 's/^  *\(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/\2/p')
[ -n "$options" ] || { echo "FAIL: no options in --help"; fails=$((fails + 1)); }
for option in $options; do
  if printf '%s\n' "$text" | grep -q -- "^ *\(-[a-z], \)\{0,1\}$option\([=, ]\|$\)"; then
    passes=$((passes + 1))
  else
    echo "FAIL: $option (in --help) is not described in newsprint.1"; fails=$((fails + 1))
  fi
done
# Each exit code of main.c, each variable the engine reads with g_getenv,
# and the XDG variables GLib reads for it, has an entry of its own.
src=$2
codes=$(sed -n 's/^ *NP_EXIT_[A-Z_]* = \([0-9]*\),$/\1/p' "$src/src/main.c" | grep -v '^0$')
variables=$(cat "$src"/src/*.c | sed -n 's/.*g_getenv ("\([A-Z_]*\)").*/\1/p')
[ "$(echo $codes)" = "64 65 66 70 73" ] || { echo "FAIL: exit codes of main.c: $codes"; fails=$((fails + 1)); }
for word in $codes $variables XDG_DATA_HOME XDG_DATA_DIRS; do
  if printf '%s\n' "$text" | grep -q "^       $word\( \|\$\)"; then passes=$((passes + 1)); else
    echo "FAIL: $word has no entry in newsprint.1"; fails=$((fails + 1)); fi
done

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
