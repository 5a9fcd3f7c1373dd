package scoring

import (
	"os"
	"path/filepath"
	"testing"
)

// TestBuiltinDataCurrent checks that builtin_gen.go holds exactly the JSON files of
// models/, groups/ and params/: run `go generate ./scoring` when it fails.
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
		if i >= len(builtinFiles) || builtinFiles[i].path != filepath.ToSlash(p) ||
			builtinFiles[i].data != string(data) {
			t.Errorf("builtin_gen.go does not hold %s as it is: run go generate ./scoring", p)
		}
	}
}
