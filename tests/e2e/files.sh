#!/bin/sh
# The files around a run: inputs never overwritten by the output, devices
# and pipes written as they are, an existing output's permissions kept, no
# temporary file left behind (not even after a signal), one file open at a
# time for proofs, and SOURCE_DATE_EPOCH read strictly.
#   files.sh NEWSPRINT REPORT
set -u
. "$(dirname "$0")/common.sh"
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
np=$(abs "$1") report=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$report" "$work/r.txt"
# The report says nothing odd, so a good run writes nothing to stderr.
printf '2024年6月18日上午，大會在禮堂召開。\n會議由主任主持。\n' >"$work/short.txt"

# SOURCE_DATE_EPOCH: whole seconds since 1970, or unset (empty); anything
# else is refused rather than read as 1970.
for bad in abc 12x 1.5 -1 ' 7' 253402300800; do
  expect 64 "^newsprint: SOURCE_DATE_EPOCH: must be a whole number of seconds since 1970 .*(got '$bad')$" -- \
    env SOURCE_DATE_EPOCH="$bad" "$np" "$work/short.txt" -o "$work/epoch.pdf"
done
[ ! -e "$work/epoch.pdf" ] || fail "a refused SOURCE_DATE_EPOCH wrote a PDF"
if SOURCE_DATE_EPOCH= "$np" "$work/short.txt" -o "$work/epoch.pdf" &&
   SOURCE_DATE_EPOCH=0 "$np" "$work/short.txt" -o "$work/zero.pdf" &&
   pdfinfo "$work/zero.pdf" | grep -q '^CreationDate: *Thu Jan  1 00:00:00 1970' &&
   ! pdfinfo "$work/epoch.pdf" | grep -q '^CreationDate: .* 1970'; then
  pass; else fail "SOURCE_DATE_EPOCH empty (now) or 0 (1970)"; fi

# Inputs are never outputs: the report, the layout, a photo, by any name
# (a path through .., a linked folder, a symbolic or hard link, standard
# input), and the default output of a report named .pdf.  One line, exit
# 73, the input unchanged and no temporary file made.
#   same WHAT INPUT -- COMMAND...: refused, naming WHAT INPUT.
same() {
  what=$1 input=$2
  shift 3
  cp "$input" "$work/before"
  expect 73 "^newsprint: .*: is the same file as the $what .*; choose another output$" -- "$@"
  cmp -s "$input" "$work/before" || fail "$*: $input changed"
  if ls -A "$work" "$work/d" "$work/photos" | grep -q '^\.'; then
    fail "$*: left a temporary file: $(ls -A "$work" "$work/d" "$work/photos")"; fi
}
mkdir "$work/d" "$work/photos"
cp "$work/short.txt" "$work/d/r.txt"
ln -s d "$work/linked"
ln -s r.txt "$work/symlink.txt"
ln "$work/r.txt" "$work/hardlink.txt"
cp "$work/short.txt" "$work/notes.pdf"
printf '[page]\ncolumns = 2\n' >"$work/mine.ini"
same report "$work/r.txt" -- "$np" "$work/r.txt" -o "$work/r.txt"
(cd "$work/d" && same report "$work/d/r.txt" -- "$np" r.txt -o "../d/./r.txt")
same report "$work/d/r.txt" -- "$np" "$work/d/r.txt" -o "$work/linked/r.txt"
same report "$work/r.txt" -- "$np" "$work/r.txt" -o "$work/symlink.txt"
same report "$work/r.txt" -- "$np" "$work/symlink.txt" -o "$work/r.txt"
same report "$work/r.txt" -- "$np" "$work/r.txt" -o "$work/hardlink.txt"
same report "$work/notes.pdf" -- "$np" "$work/notes.pdf"
cp "$work/short.txt" "$work/stdin.txt"
same report "$work/stdin.txt" -- sh -c '"$1" - -o "$2" <"$2"' sh "$np" "$work/stdin.txt"
# Standard output that the shell opened on the report, or on standard input's.
same report "$work/r.txt" -- sh -c '"$1" "$2" -o - >>"$2"' sh "$np" "$work/r.txt"
same report "$work/stdin.txt" -- sh -c '"$1" - -o - <"$2" >>"$2"' sh "$np" "$work/stdin.txt"
same layout "$work/mine.ini" -- "$np" -l "$work/mine.ini" "$work/short.txt" -o "$work/mine.ini"
# Proofs write one file a page: out.png -> out-1.png, out-2.png…
convert -size 60x40 xc:green "$work/photos/p-2.png"
same photo "$work/photos/p-2.png" -- "$np" --photos "$work/photos" "$work/short.txt" -o "$work/photos/p.png"
cp "$work/short.txt" "$work/proof-3.svg"
same report "$work/proof-3.svg" -- "$np" "$work/proof-3.svg" -o "$work/proof.svg"
# A link to an output is written through, not replaced.
"$np" "$work/short.txt" -o "$work/linked/out.pdf" &&
  [ -L "$work/linked" ] && head -c 5 "$work/d/out.pdf" | grep -q '%PDF-' &&
  ln -s d/out.pdf "$work/out-link.pdf" && "$np" "$work/short.txt" -o "$work/out-link.pdf" &&
  [ -L "$work/out-link.pdf" ] && pass || fail "an output through a link"

# Devices and pipes are written, never renamed over (as root that would
# turn /dev/full into a file); other kinds of file are refused by name.
# As root the devices are made here (a block device of no driver), so that
# a newsprint that renamed over them or wrote to them would not damage the
# machine's; others cannot rename in /dev.
dev=/dev
if mknod "$work/full" c 1 7 2>/dev/null && mknod "$work/null" c 1 3 &&
   mknod "$work/block" b 0 0; then
  dev=$work
fi
ln -s /proc/self/fd/1 "$work/stdout"
expect 73 "^newsprint: $dev/full: cannot write: No space left on device$" -- "$np" "$work/short.txt" -o "$dev/full"
[ -c "$dev/full" ] && pass || fail "$dev/full is no longer a device"
"$np" "$work/short.txt" -o "$work/stdout" >"$work/stdout.pdf" &&
  [ -L "$work/stdout" ] && head -c 5 "$work/stdout.pdf" | grep -q '%PDF-' && pass || fail "-o /dev/stdout into a file"
"$np" "$work/short.txt" -o "$work/stdout" | head -c 5 | grep -q '%PDF-' && [ -L "$work/stdout" ] &&
  pass || fail "-o /dev/stdout into a pipe"
"$np" "$work/short.txt" -o "$dev/null" && [ -c "$dev/null" ] && pass || fail "-o /dev/null"
mkfifo "$work/fifo"
timeout 60 cat "$work/fifo" >"$work/from-fifo.pdf" &
timeout 60 "$np" "$work/short.txt" -o "$work/fifo" && wait $! && [ -p "$work/fifo" ] &&
  head -c 5 "$work/from-fifo.pdf" | grep -q '%PDF-' && pass || fail "-o FIFO"
expect 73 "^newsprint: $work/d: is a directory; choose a file to write$" -- "$np" "$work/short.txt" -o "$work/d"
expect 64 "^newsprint: -o takes a file name (- for standard output)$" -- "$np" "$work/short.txt" -o ""
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$work/socket"
expect 73 "^newsprint: $work/socket: is a socket; choose a file to write$" -- "$np" "$work/short.txt" -o "$work/socket"
if [ -b "$work/block" ]; then
  expect 73 "^newsprint: $work/block: is a block device; choose a file to write$" -- "$np" "$work/short.txt" -o "$work/block"
  [ -b "$work/block" ] && pass || fail "the block device was replaced"
fi
ln -s nowhere.pdf "$work/dangling.pdf"
expect 73 "^newsprint: $work/dangling.pdf: is a symbolic link to a missing file$" -- "$np" "$work/short.txt" -o "$work/dangling.pdf"

# An output written again keeps its permissions (and, where allowed, its
# owner and group); a new one gets 0666 less the umask.
perms() { stat -c %a "$1"; }
echo old >"$work/private.pdf" && chmod 600 "$work/private.pdf"
echo old >"$work/shared.pdf" && chmod 664 "$work/shared.pdf"
(umask 022 && "$np" "$work/short.txt" -o "$work/private.pdf" && "$np" "$work/short.txt" -o "$work/shared.pdf")
[ "$(perms "$work/private.pdf")" = 600 ] && [ "$(perms "$work/shared.pdf")" = 664 ] && pass ||
  fail "permissions not kept: private $(perms "$work/private.pdf"), shared $(perms "$work/shared.pdf")"
(umask 002 && "$np" "$work/short.txt" -o "$work/new-002.pdf")
(umask 077 && "$np" "$work/short.txt" -o "$work/new-077.pdf")
[ "$(perms "$work/new-002.pdf")" = 664 ] && [ "$(perms "$work/new-077.pdf")" = 600 ] && pass ||
  fail "new files: $(perms "$work/new-002.pdf") under umask 002, $(perms "$work/new-077.pdf") under 077"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  # root keeps another user's file theirs; that user, rewriting root's
  # file in a shared folder, cannot give it back (EPERM), and need not.
  chown nobody:nogroup "$work/private.pdf"
  "$np" "$work/short.txt" -o "$work/private.pdf"
  [ "$(stat -c %U:%G:%a "$work/private.pdf")" = nobody:nogroup:600 ] && pass ||
    fail "owner not kept: $(stat -c %U:%G:%a "$work/private.pdf")"
  mkdir "$work/open" && chmod 777 "$work/open" "$work" && chmod 644 "$work/short.txt"
  echo old >"$work/open/root.pdf" && chmod 644 "$work/open/root.pdf"
  nobody="setpriv --reuid=nobody --regid=nogroup --clear-groups"
  if $nobody "$np" --version >/dev/null 2>&1; then
    $nobody "$np" "$work/short.txt" -o "$work/open/root.pdf" &&
      [ "$(stat -c %U:%a "$work/open/root.pdf")" = nobody:644 ] && pass ||
      fail "EPERM from fchown not passed over: $(stat -c %U:%a "$work/open/root.pdf")"
  fi
fi

# A proof of many pages holds one page file open at a time: under a low
# limit of open files it still writes every page.
python3 - "$work/long.txt" <<'PY'
import sys
text = "會議由主任主持，與會代表圍繞產教融合、人才培養和技術創新等議題進行了深入交流。" * 3
with open(sys.argv[1], "w") as f:
    f.write("2024年6月18日上午，嵐州市年度大會在禮堂召開。\n")
    f.writelines("第%d段：%s\n" % (i, text) for i in range(1, 601))
PY
mkdir "$work/proofs"
if (ulimit -n 32 && "$np" "$work/long.txt" -o "$work/proofs/p.png" --dpi 10 2>"$work/err"); then
  pages=$(ls "$work/proofs" | wc -l)
  [ "$pages" -gt 32 ] && pass || fail "only $pages proof pages: make long.txt longer"
else fail "proofs under ulimit -n 32: $(cat "$work/err")"; fi

# A signal (a closed terminal, Ctrl-C, kill) in the middle of a run
# removes the temporary files and leaves the earlier output as it was; the
# run still dies of the signal.  The report is long enough that the run is
# caught at work; env resets SIGINT, which sh ignores in background jobs.
python3 - "$work/longer.txt" <<'PY'
import sys
text = "會議由主任主持，與會代表圍繞產教融合、人才培養和技術創新等議題進行了深入交流。" * 3
with open(sys.argv[1], "w") as f:
    f.write("2024年6月18日上午，嵐州市年度大會在禮堂召開。\n")
    f.writelines("第%d段：%s\n" % (i, text) for i in range(1, 4001))
PY
mkdir "$work/sig" && "$np" "$work/short.txt" -o "$work/sig/bulletin.pdf" &&
  cp "$work/sig/bulletin.pdf" "$work/bulletin.before" && cp "$work/sig/bulletin.pdf" "$work/sig/p-1.png"
# interrupt SIGNAL STATUS TEMP OUTPUT [OPTION...]: start a run, send SIGNAL
# once TEMP (a glob) exists, expect exit STATUS and no temporary file.
interrupt() {
  sig=$1 status=$2 temp=$3 output=$4
  shift 4
  env --default-signal=INT "$np" "$work/longer.txt" -o "$work/sig/$output" "$@" 2>/dev/null &
  pid=$!
  tries=0
  while ! ls -A "$work/sig" | grep -q "^$temp" && [ $tries -lt 400 ]; do
    sleep 0.05; tries=$((tries + 1))
  done
  kill -s "$sig" $pid
  wait $pid
  got=$?
  [ "$got" -eq "$status" ] || fail "$sig: exit $got, want $status (killed by the signal)"
  [ -z "$(ls -A "$work/sig" | grep '^\.')" ] || fail "$sig: temporary files left: $(ls -A "$work/sig" | grep '^\.')"
  cmp -s "$work/sig/bulletin.pdf" "$work/bulletin.before" && cmp -s "$work/sig/p-1.png" "$work/bulletin.before" ||
    fail "$sig: the earlier output changed"
  pass
}
interrupt HUP 129 '\.bulletin\.pdf\.' bulletin.pdf
interrupt INT 130 '\.bulletin\.pdf\.' bulletin.pdf
interrupt TERM 143 '\.bulletin\.pdf\.' bulletin.pdf
interrupt TERM 143 '\.p-3\.png\.' p.png --dpi 30

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
