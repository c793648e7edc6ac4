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
for proj in tests/*.Tests/*.Tests.csproj; do
  echo "== test ${proj%/*}"
  dotnet test "$proj" -c Release --no-build -nologo -v:q --logger "console;verbosity=normal" \
    | grep -vE '^\s*(Passed|Skipped) |^\s*$' || status=1
done

echo "== test.sh finished in $(( $(date +%s) - started ))s"
exit $status
