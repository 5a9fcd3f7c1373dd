package web

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestWasmScriptCarriesTheEngine checks that each engine script sets one global to
// the base64 of its engine, byte for byte, and that a missing engine is an error
// that says how to build it.
func TestWasmScriptCarriesTheEngine(t *testing.T) {
	dir := t.TempDir()
	if err := WriteWasmScript(dir); err == nil || !strings.Contains(err.Error(), "make build") {
		t.Fatalf("without an engine: err = %v, want one naming make build", err)
	}
	engines := map[string][]byte{
		WasmFile:       []byte("\x00asm\x01\x00\x00\x00 engine \xff\xfe"),
		StudioWasmFile: []byte("\x00asm\x01\x00\x00\x00 whole engine \xfe"),
	}
	for name, engine := range engines {
		if err := os.WriteFile(filepath.Join(dir, name), engine, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteWasmScript(dir); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ script, global, wasm string }{
		{WasmScript, "spiegelWasm", WasmFile},
		{StudioScript, "spiegelStudioWasm", StudioWasmFile},
	} {
		script, err := os.ReadFile(filepath.Join(dir, c.script))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^globalThis\.` + c.global + ` = "([A-Za-z0-9+/=]*)";\n\z`).
			FindSubmatch(script)
		if m == nil {
			t.Fatalf("%s does not end in one assignment of base64 text:\n%s", c.script, script)
		}
		got, err := base64.StdEncoding.DecodeString(string(m[1]))
		if want := engines[c.wasm]; err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s decodes to %q (%v), want the engine %q", c.script, got, err, want)
		}
	}
}
