package scoring_test

import (
	"os"
	"runtime"
	"strconv"
	"testing"

	"spiegel/scoring"
)

// The benchmarks below time one case per iteration (ns/op is ns per case) for each
// model family, with allocations; `make bench` prints them beside their budgets.

// familyCases are one case per family: OGRS3 (logistic, with dates and derived
// values), the Rossi Cox model, and the made-up points instrument of the tests.
var familyCases = []struct {
	name, model string
	c           scoring.Case
}{
	{"logistic/ogrs3", "ogrs3", scoring.Case{"sex": "female", "offence_group": "8",
		"previous_sanctions": "12", "birth_date": "1984-02-29",
		"first_sanction_date": "1999-07-01", "conviction_date": "2024-11-20",
		"assessment_date": "2025-01-15"}},
	{"cox/rossi-cox", "rossi-cox", scoring.Case{"fin": "yes", "age": "27", "wexp": "no",
		"mar": "not married", "paro": "yes", "prio": "3"}},
	{"points/synthetic", "", scoring.Case{"age_band": "young", "priors": "3",
		"stranger": "no"}},
}

// familyModel returns the model of a family case.
func familyModel(b *testing.B, id string) *scoring.Model {
	if id != "" {
		return builtin(b, id)
	}
	data, err := os.ReadFile("testdata/points-synthetic.json")
	if err != nil {
		b.Fatal(err)
	}
	m, err := scoring.Load(data)
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkPredict is Model.Predict, the whole result with contributions.
func BenchmarkPredict(b *testing.B) {
	for _, fc := range familyCases {
		b.Run(fc.name, func(b *testing.B) {
			m := familyModel(b, fc.model)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Predict(fc.c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScoreRecord is a case as the command and the JavaScript API return it:
// Predict, the Record, and its JSON.
func BenchmarkScoreRecord(b *testing.B) {
	for _, fc := range familyCases {
		b.Run(fc.name, func(b *testing.B) {
			m := familyModel(b, fc.model)
			b.ReportAllocs()
			var buf []byte
			for b.Loop() {
				var err error
				buf, err = scoring.AppendJSON(buf[:0], scoring.ScoreRecord(m, "x", fc.c))
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSweep is a sensitivity curve: OGRS3 over 100 values of the previous
// sanctions, from 1 (the case has a first sanction before its conviction, so 0 would
// be refused). ns/op is per point.
func BenchmarkSweep(b *testing.B) {
	m := builtin(b, "ogrs3")
	c := familyCases[0].c
	values, xs := make([]string, 100), make([]float64, 100)
	for i := range values {
		values[i], xs[i] = strconv.Itoa(i+1), float64(i+1)
	}
	b.ReportAllocs()
	start := mallocs()
	for b.Loop() {
		m.Sweep(c, "previous_sanctions", values, xs)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(values)), "ns/point")
	b.ReportMetric(float64(mallocs()-start)/float64(b.N*len(values)), "allocs/point")
}

// BenchmarkFaultDemo counts a fault over 1,000 OGRS3 cases; ns/op is per case.
func BenchmarkFaultDemo(b *testing.B) {
	cat, err := scoring.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	m := builtin(b, "ogrs3")
	faulty, err := m.WithFault(scoring.Fault{Kind: scoring.FaultSwapLevels,
		Predictor: "sex", A: "male", B: "female"}, cat)
	if err != nil {
		b.Fatal(err)
	}
	cases := make([]scoring.Case, 1000)
	for i := range cases {
		c := scoring.Case{}
		for k, v := range familyCases[0].c {
			c[k] = v
		}
		c["previous_sanctions"] = strconv.Itoa(1 + i%60) // 0 would contradict the dates
		if i%2 == 0 {
			c["sex"] = "male"
		}
		cases[i] = c
	}
	b.ReportAllocs()
	start := mallocs()
	for b.Loop() {
		scoring.FaultDemo(m, faulty, cases, nil, 0.01)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cases)), "ns/case")
	b.ReportMetric(float64(mallocs()-start)/float64(b.N*len(cases)), "allocs/case")
}

// mallocs returns the number of heap objects allocated so far, for allocations per
// case (allocs/op counts them per call).
func mallocs() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}
