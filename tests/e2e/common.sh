# Sourced by the end-to-end tests.
#
# need PATH...: fails the test with one clear line when a file it reads is
# missing, rather than letting a tool fail obscurely or the test pass
# without checking anything.  The reference report and the audit live in
# shared/ beside the checkout (configure with -DNP_SHARED_DIR=… to use
# another folder).
need() {
  for path in "$@"; do
    if [ ! -e "$path" ]; then
      echo "FAIL: $path: not found (the tests need shared/reports and shared/audit beside the checkout, or -DNP_SHARED_DIR)"
      exit 1
    fi
  done
}

# expect CODE PATTERN -- COMMAND...: exit status CODE and one line on
# standard error matching PATTERN (60 s at most, nothing on standard
# input); the output goes to $work/out, the error line to $work/err.
expect() {
  code=$1 pattern=$2
  shift 3
  timeout 60 "$@" >"$work/out" 2>"$work/err" </dev/null
  got=$?
  if [ "$got" -ne "$code" ] || [ "$(wc -l <"$work/err")" -ne 1 ] ||
     ! grep -q -- "$pattern" "$work/err"; then
    fail "$*: exit $got (want $code), stderr:"; head -c 2000 "$work/err"
  else pass; fi
}

# A tally of checks: pass, or fail WHAT (one line); tally NAME prints the
# count and returns non-zero when a check failed.
fails=0
passes=0
pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
tally() {
  echo "$1: $passes passed, $fails failed"
  [ "$fails" -eq 0 ]
}
