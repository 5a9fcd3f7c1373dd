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
// groups/ and params/, packed, and their SHA-256: run `go generate ./scoring` when it
// fails.
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
		if i >= len(builtinFiles) {
			t.Errorf("builtin_gen.go does not hold %s: run go generate ./scoring", p)
			continue
		}
		f := builtinFiles[i]
		text, err := f.data()
		if err != nil || f.path != filepath.ToSlash(p) || text != string(held) ||
			f.sha256 != hex.EncodeToString(sum[:]) {
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

// TestUnpackRefusesDamage checks that unpack refuses packed data cut short, a copy
// from before the start, a run longer than the stated size and a wrong size, and
// unpacks an overlapping copy (a run of one byte) as LZ77 does.
func TestUnpackRefusesDamage(t *testing.T) {
	// "ab", then 6 bytes from 2 back, then "!": "abababab!".
	good := "\x02ab\x06\x02\x01!"
	if got, err := unpack(good, 9); err != nil || got != "abababab!" {
		t.Errorf("unpack(good) = %q, %v, want abababab!", got, err)
	}
	if got, err := unpack("\x01a\x04\x01", 5); err != nil || got != "aaaaa" {
		t.Errorf("unpack(run) = %q, %v, want aaaaa", got, err)
	}
	for _, c := range []struct {
		what, src string
		size      int
	}{
		{"cut in a literal", "\x05ab", 5},
		{"cut in a copy", "\x02ab\x06", 8},
		{"a varint that does not end", "\x80\x80\x80\x80\x80", 5},
		{"a copy from before the start", "\x02ab\x02\x03", 4},
		{"a copy from zero back", "\x02ab\x02\x00", 4},
		{"longer than the size", good, 8},
		{"shorter than the size", good, 10},
	} {
		if got, err := unpack(c.src, c.size); err == nil {
			t.Errorf("unpack(%s) = %q, want an error", c.what, got)
		}
	}
}
