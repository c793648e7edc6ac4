#!/usr/bin/env bash
# Sets up what is missing, builds, and runs every test. Non-zero exit on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
started=$(date +%s)

./scripts/setup.sh
echo "== build"
dotnet build BriOrleans.sln -c Release -nologo -clp:ErrorsOnly -v:q

status=0
for proj in tests/*.Tests/*.Tests.csproj; do
  echo "== test ${proj%/*}"
  dotnet test "$proj" -c Release --no-build -nologo -v:q --logger "console;verbosity=normal" \
    | grep -vE '^\s*(Passed|Skipped) |^\s*$' || status=1
done

echo "== test.sh finished in $(( $(date +%s) - started ))s"
exit $status
