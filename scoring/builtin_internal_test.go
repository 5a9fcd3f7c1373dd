package scoring

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuiltinDataCurrent checks that builtin_gen.go holds the JSON files of models/,
// groups/ and params/ and their SHA-256: run `go generate ./scoring` when it fails.
func TestBuiltinDataCurrent(t *testing.T) {
	var paths []string
	for _, dir := range []string{"groups", "models", "params"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) != len(builtinFiles) {
		t.Errorf("%d JSON files on disk, %d in builtin_gen.go: run go generate ./scoring",
			len(paths), len(builtinFiles))
	}
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		held := data
		if !strings.HasPrefix(filepath.ToSlash(p), "params/") {
			var buf bytes.Buffer
			if err := json.Compact(&buf, data); err != nil {
				t.Fatal(err)
			}
			held = buf.Bytes()
		}
		if i >= len(builtinFiles) || builtinFiles[i].path != filepath.ToSlash(p) ||
			builtinFiles[i].data != string(held) ||
			builtinFiles[i].sha256 != hex.EncodeToString(sum[:]) {
			t.Errorf("builtin_gen.go does not hold %s as it is: run go generate ./scoring", p)
		}
	}
}

// TestBuiltinSHA256IsTheFiles checks that a built-in model reports the SHA-256 of its
// file as it is in models/, not of the compacted text the engine holds.
func TestBuiltinSHA256IsTheFiles(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("models", "ogrs3.json"))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m, err := cat.Model("ogrs3")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if want := hex.EncodeToString(sum[:]); m.SHA256() != want {
		t.Errorf("ogrs3 SHA256() = %s, want %s (the file's)", m.SHA256(), want)
	}
}
