// Command spiegel-studio-wasm is the whole engine for the browser
// (spiegel-studio.wasm): the calculator's functions and the studio's (validation,
// recalibration, fault demonstration). It loads the built-in models and sets
// window.spiegelStudio (wasm.RegisterAs), then waits for calls. The page loads it
// only when the studio is opened, replays the calculator's parameter file into it
// and makes it its window.spiegel; the single-file build carries it as its only
// engine. Build it with GOOS=js GOARCH=wasm; built for any other platform it exits
// with a message. Like spiegel-wasm, it reports with the built-in println.
package main

import "spiegel/wasm"

func main() {
	api, err := wasm.NewBuiltin()
	if err != nil {
		println("spiegel-studio-wasm: " + err.Error())
	}
	if err := wasm.RegisterAs(api, "spiegelStudio"); err != nil {
		println("spiegel-studio-wasm: " + err.Error())
		return
	}
	select {}
}
