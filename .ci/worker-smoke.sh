#!/usr/bin/env bash
# worker-smoke.sh: start the built Worker under `wrangler dev` on a free loopback
# port, offline, check its responses with worker/smoke (security headers on every
# response, content types, GET and HEAD only), and stop wrangler whatever happens.
#
# Needs: the built site in static/ (make single), the Worker in worker/build (make
# worker-build) and wrangler in .cache/wrangler (make test-deps).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Where the kernel allows it, run in a network namespace of our own that has only
# loopback, so that the test proves wrangler dev needs no network. Elsewhere the
# environment variables below keep it from trying.
if [[ -z ${SPIEGEL_SMOKE_NETNS:-} ]] && command -v ip >/dev/null && unshare -n true 2>/dev/null; then
	exec env SPIEGEL_SMOKE_NETNS=1 unshare -n bash -c 'ip link set lo up && exec bash "$0"' "$0"
fi
network="host network"
[[ -n ${SPIEGEL_SMOKE_NETNS:-} ]] && network="no network (own namespace, loopback only)"
wrangler=$PWD/.cache/wrangler/node_modules/.bin/wrangler
out=.cache/worker-smoke
log=$out/wrangler.log

for f in "$wrangler" static/index.html static/spiegel.html worker/build/app.wasm; do
	if [[ ! -e $f ]]; then
		echo "worker-smoke: $f missing (make single worker-build test-deps)" >&2
		exit 1
	fi
done
mkdir -p "$out"

# A free port: the kernel picks one, node reports it and lets it go.
port=$(node -e 'const s = require("net").createServer();
  s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')

# Offline: no metrics, no Request.cf download, no update check.
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false NO_UPDATE_NOTIFIER=1 CI=1

# setsid gives wrangler and its workerd child their own process group, so that
# stop ends exactly them.
(cd worker && exec setsid "$wrangler" dev --ip 127.0.0.1 --port "$port" \
	--show-interactive-dev-session=false) >"$log" 2>&1 &
pid=$!
stop() {
	kill -TERM -- "-$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}
trap stop EXIT

echo "worker-smoke: wrangler dev on 127.0.0.1:$port, $network (pid $pid, log $log)"
if ! (cd worker && go run ./smoke -url "http://127.0.0.1:$port"); then
	echo "worker-smoke: failed; wrangler's log:" >&2
	cat "$log" >&2
	exit 1
fi
echo "worker-smoke: every response carried the headers"
