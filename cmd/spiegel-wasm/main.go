// Command spiegel-wasm is the calculator's engine for the browser: it loads the
// built-in models and sets window.spiegel (see package wasm), then waits for calls.
// Build it with GOOS=js GOARCH=wasm; built for any other platform it exits with a
// message.
//
// It reports on standard error, which the browser shows in its console, with fmt
// rather than log/slog: slog would add about 56 KB (gzip) to the download for two
// messages.
package main

import (
	"fmt"
	"os"

	"spiegel/scoring"
	"spiegel/wasm"
)

func main() {
	if err := wasm.Register(newAPI()); err != nil {
		fmt.Fprintf(os.Stderr, "spiegel-wasm: %v\n", err)
		os.Exit(1)
	}
	select {}
}

// newAPI returns the API over the built-in models or, when they fail to load, one
// whose every function returns the reason, for the page to show.
func newAPI() *wasm.API {
	cat, err := scoring.Builtin()
	if err != nil {
		err = fmt.Errorf("load built-in models: %w", err)
		fmt.Fprintf(os.Stderr, "spiegel-wasm: %v\n", err)
		return wasm.Unavailable(err)
	}
	return wasm.New(cat)
}
