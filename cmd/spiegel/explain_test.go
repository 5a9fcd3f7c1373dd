package main

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"spiegel/scoring"
	"spiegel/wasm"
)

// explainRecords decodes the JSON lines of spiegel explain.
func explainRecords(t *testing.T, out string) []scoring.ExplainRecord {
	t.Helper()
	var rs []scoring.ExplainRecord
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r scoring.ExplainRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("output line %.80q: %v", line, err)
		}
		rs = append(rs, r)
	}
	return rs
}

// TestExplainSameAsWASM checks that spiegel explain and the JavaScript explain()
// give the same bytes for each case, and that the record carries what issue 4 asks:
// the linear predictor, the intercepts, one contribution per term summing to it, and
// the probability changes from the reference profile.
func TestExplainSameAsWASM(t *testing.T) {
	cat, _ := scoring.Builtin()
	api := wasm.New(cat)
	m := ogrs3(t)
	for _, tc := range readTestCases(t) {
		code, stdout, stderr := runCmd(t, tc.line, "explain", "-model", "ogrs3")
		if code != exitOK {
			t.Fatalf("spiegel explain = %d, stderr %q", code, stderr)
		}
		if want := string(api.Explain("ogrs3", []byte(tc.line))) + "\n"; stdout != want {
			t.Errorf("spiegel explain %s:\n%s\nwant spiegel.explain's\n%s", tc.id, stdout, want)
		}
		r := explainRecords(t, stdout)[0]
		if r.LinearPredictor == nil || len(r.Intercepts) != 2 || r.Reference == nil ||
			len(r.Steps) != len(m.Definition().Terms) {
			t.Fatalf("spiegel explain %s = %+v, want lp, intercepts, reference, steps", tc.id, r)
		}
		sum, change := 0.0, map[string]float64{}
		for _, s := range r.Steps {
			sum += s.Value
			for h, d := range s.ProbabilityDelta {
				change[h] += d
			}
		}
		if math.Abs(sum-*r.LinearPredictor) > 1e-12 {
			t.Errorf("%s: contributions sum to %v, linear predictor %v", tc.id, sum,
				*r.LinearPredictor)
		}
		for h, p := range r.Probabilities {
			if math.Abs(r.Reference.Probabilities[h]+change[h]-p) > 1e-12 {
				t.Errorf("%s %s: reference %v + changes %v, want %v", tc.id, h,
					r.Reference.Probabilities[h], change[h], p)
			}
		}
		if !strings.Contains(stderr, "explained") {
			t.Errorf("stderr = %q, want the totals", stderr)
		}
	}
}

func TestExplainBadLinesAndCSV(t *testing.T) {
	cases := readTestCases(t)
	in := cases[0].line + "\n{not json\n" + `{"id": "r", "sex": "x"}` + "\n" + cases[1].line
	code, stdout, stderr := runCmd(t, in, "explain", "-model", "ogrs3")
	if code != exitRefused || !strings.Contains(stderr, "cases=4 refused=2") {
		t.Fatalf("spiegel explain = %d, stderr %q; want %d and the totals", code, stderr,
			exitRefused)
	}
	got := explainRecords(t, stdout)
	m := ogrs3(t)
	wantFirst := scoring.ExplainCase(m, cases[0].id, cases[0].c)
	if len(got) != 4 || !reflect.DeepEqual(got[0].Steps, wantFirst.Steps) {
		t.Fatalf("spiegel explain gave %+v, want 4 records, the first %+v", got, wantFirst)
	}
	for i, prefix := range map[int]string{1: "line 2: ", 2: "sex"} {
		if !strings.Contains(got[i].Error, prefix) || got[i].Reference != nil ||
			len(got[i].Steps) != 0 {
			t.Errorf("record %d = %+v, want an error record mentioning %q", i, got[i], prefix)
		}
	}
	if got[3].ID != cases[1].id || len(got[3].Steps) == 0 {
		t.Errorf("record 3 = %+v, want case %s explained after the bad lines", got[3], cases[1].id)
	}

	csvIn := "id,sex\nx1,male\n"
	_, stdout, _ = runCmd(t, csvIn, "explain", "-model", "ogrs3", "-format", "csv")
	if r := explainRecords(t, stdout); len(r) != 1 || r[0].ID != "x1" || r[0].Error == "" {
		t.Errorf("spiegel explain -format csv = %+v, want one refused case x1", r)
	}
}

func TestExplainUsage(t *testing.T) {
	code, _, stderr := runCmd(t, "", "explain")
	if code != exitUsage || !strings.Contains(stderr, "-model is required") {
		t.Errorf("spiegel explain without -model = %d, %q; want usage", code, stderr)
	}
	_, stdout, _ := runCmd(t, "", "help")
	if !strings.Contains(stdout, "explain -model ID") {
		t.Errorf("usage lacks explain:\n%s", stdout)
	}
}
