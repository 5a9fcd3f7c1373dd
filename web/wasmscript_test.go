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

// TestWasmScriptCarriesTheEngine checks that the engine script sets one global to
// the base64 of the engine, byte for byte, and that a missing engine is an error
// that says how to build it.
func TestWasmScriptCarriesTheEngine(t *testing.T) {
	dir := t.TempDir()
	if err := WriteWasmScript(dir); err == nil || !strings.Contains(err.Error(), "make build") {
		t.Fatalf("without an engine: err = %v, want one naming make build", err)
	}
	engine := []byte("\x00asm\x01\x00\x00\x00 engine \xff\xfe")
	if err := os.WriteFile(filepath.Join(dir, WasmFile), engine, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteWasmScript(dir); err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(dir, WasmScript))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^globalThis\.spiegelWasm = "([A-Za-z0-9+/=]*)";\n\z`).
		FindSubmatch(script)
	if m == nil {
		t.Fatalf("script does not end in one assignment of base64 text:\n%s", script)
	}
	got, err := base64.StdEncoding.DecodeString(string(m[1]))
	if err != nil || !bytes.Equal(got, engine) {
		t.Errorf("script decodes to %q (%v), want the engine %q", got, err, engine)
	}
}
