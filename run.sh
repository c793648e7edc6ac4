#!/usr/bin/env bash
# The main job: sets up what is missing, builds, starts a local network (one validator node for now) in
# ./localnet with its API, runs a demo workload that tells a story, prints where to look, and keeps the
# node running until Ctrl-C.  Environment: BRI_API (default http://127.0.0.1:8545), BRI_STORAGE
# (default sqlite; or a postgres:// URL), BRI_COUNTRIES (default CN,KZ,PK), BRI_DEMO=0 to skip the story.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
api="${BRI_API:-http://127.0.0.1:8545}"
storage="${BRI_STORAGE:-sqlite}"
data="$root/localnet"

./scripts/setup.sh
echo "== build"
dotnet build BriOrleans.sln -c Release -nologo -clp:ErrorsOnly -v:q
touch silos/BriOrleans.Node/bin/Release/net10.0/brinode.dll.built clients/BriOrleans.Cli/bin/Release/net10.0/bri.dll.built

if [ ! -f "$data/genesis.json" ]; then
  echo "== a new local network in $data"
  ./bri node init --data "$data" --countries "${BRI_COUNTRIES:-CN,KZ,PK}"
fi

echo "== starting the node on $api (log: $data/node.log)"
./bri node run --data "$data" --api "$api" --storage "$storage" >>"$data/node.log" 2>&1 &
node_pid=$!
trap 'echo; echo "== stopping the node"; kill "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null; exit 0' INT TERM

for _ in $(seq 1 120); do
  if curl -fsS "$api/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$node_pid" 2>/dev/null; then echo "the node stopped; its log:"; tail -30 "$data/node.log"; exit 1; fi
  sleep 0.5
done
curl -fsS "$api/healthz" >/dev/null || { echo "the node did not answer on $api"; tail -30 "$data/node.log"; exit 1; }

if [ "${BRI_DEMO:-1}" != "0" ]; then
  echo "== demo workload"
  ./bri demo --node "$api" --data "$data"
fi

cat <<EOF2

BriOrleans is running.
  API        $api/v1/status     (schema: $api/v1/schema, events: $api/v1/events)
  health     $api/healthz
  data       $data (genesis, development keys, database, node.log)
  try        ./bri show status --node $api
             ./bri tail --node $api
Press Ctrl-C to stop the node.
EOF2
wait "$node_pid"
