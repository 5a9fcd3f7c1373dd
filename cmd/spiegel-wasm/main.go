// Command spiegel-wasm is the calculator's engine for the browser (spiegel.wasm): it
// loads the built-in models and sets window.spiegel to the calculator's functions
// (wasm.RegisterCore), then waits for calls. The studio's functions (validation,
// recalibration, fault demonstration) are in the whole engine, spiegel-studio-wasm,
// which the page loads only when they are opened; leaving them out keeps this
// download small (see the size budget in the Makefile). Build it with GOOS=js
// GOARCH=wasm; built for any other platform it exits with a message.
//
// It reports on standard error, which the browser shows in its console, with the
// built-in println rather than fmt, os or log/slog: each of those would add to the
// download (fmt about 0.7 MB raw, os and the time package it needs about 0.3 MB) for
// two messages.
package main

import "spiegel/wasm"

func main() {
	api, err := wasm.NewBuiltin()
	if err != nil {
		println("spiegel-wasm: " + err.Error())
	}
	if err := wasm.RegisterCore(api); err != nil {
		println("spiegel-wasm: " + err.Error())
		return
	}
	select {}
}
