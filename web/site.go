package web

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"spiegel/scoring"
)

// assets holds the stylesheet and the JavaScript glue, copied beside index.html.
// wasm_exec.js is not among them: it must come from the Go that built the wasm.
//
//go:embed assets/*
var assets embed.FS

// Assets returns the static files that go beside index.html, at the root of the
// returned file system.
func Assets() fs.FS {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}

// WriteSite renders the page for the catalog's models in each of langs (English
// if none) into dir, as PageFile names it, and copies the assets beside them,
// creating dir if needed. It returns the names it wrote.
func WriteSite(ctx context.Context, dir string, cat *scoring.Catalog, langs ...Text) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if len(langs) == 0 {
		langs = []Text{English}
	}

	// The pages first, so that a failed render leaves no fresh assets behind them.
	var names []string
	for _, t := range langs {
		name := PageFile(t.Lang)
		if err := writeIndex(ctx, filepath.Join(dir, name), NewPage(cat, t)); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	err := fs.WalkDir(Assets(), ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		names = append(names, name)
		return copyAsset(name, filepath.Join(dir, filepath.FromSlash(name)))
	})
	return names, err
}

// writeIndex renders the page to path.
func writeIndex(ctx context.Context, path string, p Page) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Index(p).Render(ctx, f); err != nil {
		f.Close()
		return fmt.Errorf("render %s: %w", path, err)
	}
	return f.Close()
}

// copyAsset writes the embedded asset name to path.
func copyAsset(name, path string) error {
	data, err := fs.ReadFile(Assets(), name)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
