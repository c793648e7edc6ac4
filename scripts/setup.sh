#!/usr/bin/env bash
# Installs what this machine is missing for BriOrleans and restores packages.
# Idempotent: a second run checks, finds everything present, and changes nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need_apt=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
# postgresql: the storage tests start a throwaway server (scripts/postgres.sh).
for pkg in libsecp256k1-1 postgresql; do
  have_pkg "$pkg" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need_apt[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET SDK 10 is required (dotnet not on PATH)" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "setup: Node.js 20 and npm are required" >&2; exit 1; }

# npm packages used by the cross-client tests (ethers); `npm ci` only when absent or stale.
for dir in "$root"/tests/*/js; do
  [ -f "$dir/package-lock.json" ] || continue
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "setup: npm ci in ${dir#$root/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
