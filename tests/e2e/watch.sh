#!/bin/sh
# --watch: one render at the start, another after the report, the layout
# or a photo changes, one "wrote" line each; SIGTERM and SIGINT end it with
# status 0 and no temporary file left.
#   watch.sh NEWSPRINT SOURCE_DIR
set -u
np=$1
src=$2
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fails=0
passes=0
fail() { echo "FAIL: $*"; [ -f "$work/err" ] && cat "$work/err"; fails=$((fails + 1)); }

# wait_lines N [WHAT]: until stderr has N lines starting "newsprint: WHAT"
# ("wrote" unless told; 10 s at most).
wait_lines() {
  i=0
  while [ "$(grep -c "^newsprint: ${2-wrote }" "$work/err")" -lt "$1" ]; do
    i=$((i + 1))
    [ "$i" -gt 100 ] && return 1
    sleep 0.1
  done
}

printf '2024年6月18日上午，大會召開。\n第二段。\n會議由學院副院長主持。\n' >"$work/r.txt"
"$np" --print-layout bulletin >"$work/mine.ini"
mkdir "$work/photos"

# run SIGNAL: starts a watch, changes the report, the layout and the photo
# folder in turn (each must make a new render), then sends SIGNAL.
run() {
  rm -f "$work/out.pdf"
  : >"$work/err"
  "$np" --watch "$work/r.txt" -l "$work/mine.ini" --photos "$work/photos" \
    -o "$work/out.pdf" 2>"$work/err" &
  pid=$!
  if wait_lines 1 && grep -q '^newsprint: wrote .*out.pdf (1 page) in [0-9.]* s$' "$work/err"; then
    passes=$((passes + 1)); else fail "$1: no first render"; fi
  before=$(cksum <"$work/out.pdf")
  sleep 0.5
  printf '第三段，寫在後面。\n' >>"$work/r.txt"
  if wait_lines 2 && [ "$(cksum <"$work/out.pdf")" != "$before" ]; then
    passes=$((passes + 1)); else fail "$1: the report changed, no new render"; fi
  sleep 0.5
  sed -i 's/^columns *= *2$/columns = 3/' "$work/mine.ini"
  if wait_lines 3; then
    passes=$((passes + 1)); else fail "$1: the layout changed, no new render"; fi
  sleep 0.5
  # A bad layout is an error line, and the watch goes on.
  sed -i 's/^columns *= *3$/columns = 9/' "$work/mine.ini"
  i=0
  until grep -q "^newsprint: $work/mine.ini: \[page\] columns" "$work/err" || [ "$i" -gt 100 ]; do
    i=$((i + 1)); sleep 0.1
  done
  sleep 0.3
  sed -i 's/^columns *= *9$/columns = 2/' "$work/mine.ini"
  if wait_lines 4; then
    passes=$((passes + 1)); else fail "$1: no render after a bad layout was fixed"; fi
  sleep 0.5
  cp "$work/out.pdf" "$work/photos/.hidden.pdf"
  printf 'not a photo' >"$work/photos/notes.txt"
  if wait_lines 5; then
    passes=$((passes + 1)); else fail "$1: the photo folder changed, no new render"; fi
  kill -s "$1" "$pid"
  wait "$pid"
  code=$?
  pid=
  if [ "$code" -eq 0 ]; then passes=$((passes + 1)); else fail "$1: exit status $code"; fi
  if ls -A "$work" | grep -q '^\.out\.pdf'; then fail "$1: a temporary file is left"; else
    passes=$((passes + 1)); fi
  # Renders only after changes: no run of renders set off by its own output.
  if [ "$(grep -c '^newsprint: wrote ' "$work/err")" -eq 5 ]; then
    passes=$((passes + 1)); else fail "$1: not five renders"; fi
}
run TERM
run INT

# Proofs written into the watched photo folder set off no render of their
# own; a file there that is not the output's does, and that render is
# refused in one line: the first proof is now a photo of the folder, which
# the output would overwrite.
: >"$work/err"
"$np" --watch "$work/r.txt" --photos "$work/photos" --dpi 30 \
  -o "$work/photos/proof.png" 2>"$work/err" &
pid=$!
wait_lines 1
sleep 2
if [ "$(grep -c '^newsprint: wrote ' "$work/err")" -eq 1 ] && [ -f "$work/photos/proof-1.png" ]; then
  passes=$((passes + 1)); else fail "proofs in the photo folder: renders that no change asked for"; fi
: >"$work/photos/proofing.txt"
if wait_lines 2 '' && grep -q "^newsprint: .*proof-1.png: is the same file as the photo" "$work/err"; then
  passes=$((passes + 1)); else fail "proofing.txt in the photo folder made no render"; fi
kill "$pid"
wait "$pid"
pid=

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
