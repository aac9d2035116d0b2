#!/bin/sh
# The committed role model is what tools/fit-roles.py makes from the
# labelled corpus: fitted again into a folder of its own, data/roles.model
# and data/roles.fit come out the same, byte for byte.
#   fitted.sh FEATURES SHARED_DIR
set -eu
features=$1 shared=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/tools/fit-roles.py" "$features" --shared "$shared" --out "$work"
status=0
for f in roles.model roles.fit; do
  if ! cmp -s "$work/$f" "$here/data/$f"; then
    echo "data/$f is not what tools/fit-roles.py makes from the corpus:"
    diff "$here/data/$f" "$work/$f" | cut -c1-120 | head -5
    echo "fit it again: python3 tools/fit-roles.py build/newsprint-features"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "data/roles.model and data/roles.fit are the corpus's fit"
exit "$status"
