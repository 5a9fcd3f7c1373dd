// Command render writes the calculator's static page: index.html for the built-in
// models, rendered by the templ components of package web, and the page's CSS and
// JavaScript, into the folder given by -out.
//
//	go run ./web/cmd/render -out static
//
// The wasm engine and wasm_exec.js are not written here; the Makefile builds and
// copies them.
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"

	"spiegel/scoring"
	"spiegel/web"
)

func main() {
	out := flag.String("out", "static", "folder to write the page into")
	flag.Parse()
	if err := run(*out); err != nil {
		slog.Error("render", "err", err)
		os.Exit(1)
	}
}

// run loads the built-in catalog and writes the site into out.
func run(out string) error {
	cat, err := scoring.Builtin()
	if err != nil {
		return err
	}
	names, err := web.WriteSite(context.Background(), out, cat, web.English)
	if err != nil {
		return err
	}
	slog.Info("rendered", "out", out, "files", names, "models", len(cat.Models()))
	return nil
}
