//go:build !js

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// heavy are the standard packages the engine's WebAssembly build does without, each
// replaced by a small part of scoring (fmt by errorf and sprintf, encoding/json by
// json_gen.go, encoding/csv by csvReader, time by civil dates, crypto/sha256 by its
// own SHA-256, regexp by hand-written id forms), with reflect and os that they pull
// in: together about 2 MB of wasm.
var heavy = []string{"fmt", "encoding/json", "encoding/csv", "encoding/binary", "time",
	"regexp", "crypto/sha256", "reflect", "os", "embed"}

// TestEngineDependencies fails when the js/wasm build of either engine, the
// calculator's (this command) or the whole one (spiegel-studio-wasm), links one of
// the heavy packages again.
func TestEngineDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	for _, pkg := range []string{".", "../spiegel-studio-wasm"} {
		cmd := exec.Command("go", "list", "-deps", pkg)
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		deps := map[string]bool{}
		for _, p := range strings.Fields(string(out)) {
			deps[p] = true
		}
		if !deps["spiegel/scoring"] {
			t.Fatalf("go list -deps %s does not list spiegel/scoring:\n%s", pkg, out)
		}
		for _, p := range heavy {
			if deps[p] {
				t.Errorf("the wasm engine %s depends on %s", pkg, p)
			}
		}
	}
}
