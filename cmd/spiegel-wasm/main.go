// Command spiegel-wasm is the calculator's engine for the browser: it loads the
// built-in models and sets window.spiegel (see package wasm), then waits for calls.
// Build it with GOOS=js GOARCH=wasm; built for any other platform it exits with a
// message.
//
// It reports on standard error, which the browser shows in its console, with the
// built-in println rather than fmt, os or log/slog: each of those would add to the
// download (fmt about 0.7 MB raw, os and the time package it needs about 0.3 MB) for
// two messages. See the size budget in the Makefile.
package main

import (
	"spiegel/scoring"
	"spiegel/wasm"
)

func main() {
	if err := wasm.Register(newAPI()); err != nil {
		println("spiegel-wasm: " + err.Error())
		return
	}
	select {}
}

// newAPI returns the API over the built-in models or, when they fail to load, one
// whose every function returns the reason, for the page to show.
func newAPI() *wasm.API {
	cat, err := scoring.Builtin()
	if err != nil {
		err = loadError{err}
		println("spiegel-wasm: " + err.Error())
		return wasm.Unavailable(err)
	}
	return wasm.New(cat)
}

// loadError is why the built-in models did not load.
type loadError struct{ err error }

func (e loadError) Error() string { return "load built-in models: " + e.err.Error() }
func (e loadError) Unwrap() error { return e.err }
