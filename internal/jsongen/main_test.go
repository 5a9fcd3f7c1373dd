package main

import (
	"bytes"
	"os"
	"testing"
)

// TestGeneratedFileCurrent fails when scoring/json_gen.go is not what the generator
// writes for the types as they are now: run `go generate ./scoring`.
func TestGeneratedFileCurrent(t *testing.T) {
	want, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../scoring/json_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("scoring/json_gen.go is out of date: run go generate ./scoring")
	}
}
