//go:build !(js && wasm)

package main

import (
	"net/http"
	"os"

	"spiegel/webserve"
)

// assets serves the built site from a folder, $SPIEGEL_STATIC_DIR or ../static,
// standing in for the Workers Static Assets binding outside a Worker.
func assets() http.Handler {
	dir := os.Getenv("SPIEGEL_STATIC_DIR")
	if dir == "" {
		dir = "../static"
	}
	return webserve.Files(os.DirFS(dir))
}
