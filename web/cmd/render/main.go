// Command render writes the calculator's static pages: index.html (English) and
// index.nl.html (Dutch) for the built-in models, rendered by the templ components of package web, and the page's CSS and
// JavaScript, into the folder given by -out.
//
//	go run ./web/cmd/render -out static
//
// The wasm engines and wasm_exec.js are not written here; the Makefile builds and
// copies them, before this runs, since the page loads the calculator's engine from
// spiegel-wasm.js and the whole engine from spiegel-studio-wasm.js, which are
// written here from the built spiegel.wasm and spiegel-studio.wasm.
//
// With -mode single it writes the same page as one self-contained HTML file, for
// use from disk without a network (see web.RenderSingle), reading the built site
// from -site, and writes beside it FILE.sha256, the line `sha256sum FILE` prints,
// so that `sha256sum -c FILE.sha256` checks the file. FILE is the English page;
// the page in each other language is written beside it (spiegel.nl.html), with
// its own .sha256, and each links to the other:
//
//	go run ./web/cmd/render -mode single -site static -out static/spiegel.html
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"spiegel/scoring"
	"spiegel/web"
)

func main() {
	mode := flag.String("mode", "site", "what to write: site (a folder) or single (one file)")
	out := flag.String("out", "static", "folder (site) or file (single) to write")
	site := flag.String("site", "static", "built site to inline (single)")
	flag.Parse()
	var err error
	switch *mode {
	case "site":
		err = run(*out)
	case "single":
		err = runSingle(*site, *out)
	default:
		err = fmt.Errorf("-mode %q: want site or single", *mode)
	}
	if err != nil {
		slog.Error("render", "mode", *mode, "err", err)
		os.Exit(1)
	}
}

// run loads the built-in catalog and writes the site into out.
func run(out string) error {
	cat, err := scoring.Builtin()
	if err != nil {
		return err
	}
	names, err := web.WriteSite(context.Background(), out, cat, web.Languages...)
	if err != nil {
		return err
	}
	if err := web.WriteWasmScript(out); err != nil {
		return err
	}
	names = append(names, web.WasmScript, web.StudioScript)
	slog.Info("rendered", "out", out, "files", names, "models", len(cat.Models()))
	return nil
}

// runSingle writes the single file of each language, English to out and each
// other language beside it (web.SingleFile), with its checksum file.
func runSingle(site, out string) error {
	cat, err := scoring.Builtin()
	if err != nil {
		return err
	}
	for _, t := range web.Languages {
		path := out
		if t.Lang != web.English.Lang {
			path = filepath.Join(filepath.Dir(out), web.SingleFile(t.Lang))
		}
		if err := writeSingle(site, path, web.NewPage(cat, t)); err != nil {
			return err
		}
	}
	return nil
}

// writeSingle writes one page's single file to out from the built site in site,
// then its checksum file, and logs both hashes. The page's language links name
// the other single files.
func writeSingle(site, out string, page web.Page) error {
	page = page.WithFiles(web.SingleFile)
	doc, bundle, err := web.RenderSingle(context.Background(), page, os.DirFS(site),
		web.SingleTextFor(page.Text.Lang))
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, doc, 0o644); err != nil {
		return err
	}
	sum := sha256.Sum256(doc)
	line := fmt.Sprintf("%s  %s\n", hex.EncodeToString(sum[:]), filepath.Base(out))
	if err := os.WriteFile(out+".sha256", []byte(line), 0o644); err != nil {
		return err
	}
	slog.Info("rendered single file", "out", out, "bytes", len(doc),
		"sha256", hex.EncodeToString(sum[:]), "bundle_sha256", bundle.SHA256,
		"bundle", bundle.Files)
	return nil
}
