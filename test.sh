#!/usr/bin/env bash
# Sets up what is missing, builds, and runs every test. Non-zero exit on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
started=$(date +%s)

./scripts/setup.sh
echo "== build"
dotnet build BriOrleans.sln -c Release -nologo -clp:ErrorsOnly -v:q

# The storage tests run against PostgreSQL too: a throwaway server for this run, unless one is given.
if [ -z "${BRI_TEST_POSTGRES:-}" ]; then
  pg_dir="$(mktemp -d)"
  trap './scripts/postgres.sh stop "$pg_dir"' EXIT
  echo "== postgres"
  BRI_TEST_POSTGRES="$(./scripts/postgres.sh start "$pg_dir")"
  export BRI_TEST_POSTGRES
fi

status=0
passed=0
failed=0
log="$(mktemp)"
for proj in tests/*.Tests/*.Tests.csproj; do
  echo "== test ${proj%/*}"
  if ! dotnet test "$proj" -c Release --no-build -nologo -v:q --logger "console;verbosity=normal" >"$log" 2>&1; then
    status=1
  fi
  grep -vE '^\s*(Passed|Skipped) |^\s*$' "$log" || true   # the log without a line per passing test
  # The runner's totals ("Total tests: N", "Passed: N" and, when any failed, "Failed: N").
  total=$(grep -E '^ *Total tests: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  if [ -z "$total" ]; then
    echo "no test summary for $proj"; status=1; continue
  fi
  ok=$(grep -E '^ +Passed: [0-9]+$' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  bad=$(grep -E '^ +Failed: [0-9]+$' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  passed=$(( passed + ${ok:-0} ))
  failed=$(( failed + ${bad:-0} ))
done
rm -f "$log"

echo "== test.sh finished in $(( $(date +%s) - started ))s"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
