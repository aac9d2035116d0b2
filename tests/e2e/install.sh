#!/bin/sh
# `cmake --install` into a scratch prefix: the installed binary runs from
# anywhere and finds its layouts and fonts in PREFIX/share/newsprint.
#   install.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1 src=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/newsprint"
test -f "$prefix/share/newsprint/layouts/bulletin.ini"
test -f "$prefix/share/newsprint/fonts/fonts.conf"
# A layout only the installed tree has proves that tree is searched.
printf '[page]\ncolumns = 3\n' >"$prefix/share/newsprint/layouts/installed-only.ini"
cd "$prefix"
env -u NEWSPRINT_DATADIR "$prefix/bin/newsprint" "$src/examples/report.txt" \
  -o "$prefix/out.pdf" --layout installed-only 2>/dev/null
pdfinfo "$prefix/out.pdf" | grep -q '^Pages:'
echo "installed newsprint works from $prefix"
