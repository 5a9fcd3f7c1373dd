package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestBatchPathVerdict reads a benchmark line as go test prints it and requires the
// batch path's row to pass only without allocations, and to say when it did not run.
func TestBatchPathVerdict(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"BenchmarkEvaluate-2  100  633 ns/op  49 B/op  0 allocs/op", "ok"},
		{"BenchmarkEvaluate-2  100  700 ns/op  96 B/op  2 allocs/op", "OVER BUDGET"},
		{"BenchmarkSweep-2  100  700 ns/op", "-"},
	} {
		path := filepath.Join(t.TempDir(), "native.txt")
		if err := os.WriteFile(path, []byte(tc.line+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := results{}
		if err := r.read("native", path); err != nil {
			t.Fatal(err)
		}
		if got := batchPath(r); got.verdict != tc.want {
			t.Errorf("%q: verdict %q (%+v), want %q", tc.line, got.verdict, got, tc.want)
		}
	}
}
