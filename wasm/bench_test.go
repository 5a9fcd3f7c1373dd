package wasm

import (
	"strconv"
	"testing"
	"time"

	"spiegel/scoring"
)

// BenchmarkScoreMany scores 1,000 OGRS3 cases per iteration through the JavaScript
// API's batch call (JSON in, JSON out), as the page does. `make bench` runs it
// natively and as WebAssembly under Node in the same run and compares the two
// throughputs (the budget: WebAssembly at least a quarter of native). It reports
// cases/s.
func BenchmarkScoreMany(b *testing.B) {
	cat, err := scoring.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	a := New(cat)
	const n = 1000
	buf := []byte{'['}
	for i := 0; i < n; i++ {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `{"id":"c`+strconv.Itoa(i)+`","sex":"male","offence_group":"8",`+
			`"previous_sanctions":"`+strconv.Itoa(i%60)+`","birth_date":"1984-02-29",`+
			`"first_sanction_date":"1999-07-01","conviction_date":"2024-11-20",`+
			`"assessment_date":"2025-01-15"}`...)
	}
	buf = append(buf, ']')
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		if out := a.ScoreMany("ogrs3", buf); len(out) < n {
			b.Fatalf("ScoreMany returned %d bytes", len(out))
		}
	}
	b.ReportMetric(float64(b.N*n)/time.Since(start).Seconds(), "cases/s")
}
