package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFilesCurrent fails when a scoring/json_gen*.go file is not what the
// generator writes for the types as they are now, or is left over: run
// `go generate ./scoring`.
func TestGeneratedFilesCurrent(t *testing.T) {
	want, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range want {
		got, err := os.ReadFile(filepath.Join("../../scoring", name))
		if err != nil || !bytes.Equal(got, src) {
			t.Errorf("scoring/%s is out of date (%v): run go generate ./scoring", name, err)
		}
	}
	present, err := filepath.Glob("../../scoring/json_gen*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range present {
		if _, ok := want[filepath.Base(p)]; !ok {
			t.Errorf("%s is not generated any more: remove it", p)
		}
	}
}
