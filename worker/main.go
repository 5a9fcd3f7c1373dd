// Command worker serves the calculator's static site from Cloudflare Workers. The
// site's files are Workers Static Assets (wrangler.jsonc: assets, with the Worker
// run first for every request); this Worker passes each request through
// spiegel/webserve, the handler `spiegel serve` uses too, so that every response
// carries the same security headers and only GET and HEAD are answered. It holds
// no other logic and accepts no data.
//
// Build it with GOOS=js GOARCH=wasm and run it with wrangler (make worker-smoke).
// Built for the host it serves ../static (or $SPIEGEL_STATIC_DIR) on :9900, as
// syumai/workers does outside a Worker; use that for debugging only.
package main

import (
	"github.com/syumai/workers"

	"spiegel/webserve"
)

func main() {
	workers.Serve(webserve.Handler(assets()))
}
