package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"spiegel/scoring"
	"spiegel/wasm"
)

// decodeReport decodes the command's output.
func decodeReport(t *testing.T, stdout string) faultReport {
	t.Helper()
	var r faultReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("spiegel faults printed %q: %v", stdout, err)
	}
	return r
}

// TestFaultsSameAsEngine runs each kind of fault through the command and checks the
// summary against scoring.FaultDemo on the same cases.
func TestFaultsSameAsEngine(t *testing.T) {
	cat, _ := scoring.Builtin()
	ogrs3Text, err := os.ReadFile("testdata/ogrs3.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		phrase string
		model  string
		fault  scoring.Fault
		args   []string
	}{
		{"male and female tables", "ogrs3",
			scoring.Fault{Kind: scoring.FaultSwapLevels, Predictor: "sex", A: "male", B: "female"},
			[]string{"-swap", "sex=male,female", "-in", "testdata/ogrs3.jsonl", "-min-move", "1"}},
		{"one number typed as another", "ogrs3",
			scoring.Fault{Kind: scoring.FaultReplaceValue, Path: "terms[3].beta", Value: 1.1},
			[]string{"-replace", "terms[3].beta=1.1", "-in", "-", "-format", "jsonl",
				"-min-move", "0.5"}},
		{"paroled and not paroled", "rossi-cox-paroled",
			scoring.Fault{Kind: scoring.FaultSwapModel, Model: "rossi-cox-not-paroled"},
			[]string{"-swap-model", "rossi-cox-not-paroled", "-synthetic", "400", "-seed", "5",
				"-min-move", "2"}},
	}
	for _, tt := range tests {
		args := append([]string{"faults", "-model", tt.model}, tt.args...)
		code, stdout, stderr := runCmd(t, string(ogrs3Text), args...)
		if code != exitOK {
			t.Fatalf("%s: spiegel %v = %d, stderr %q", tt.phrase, args, code, stderr)
		}
		got := decodeReport(t, stdout)

		m, _ := cat.Model(tt.model)
		faulty, err := m.WithFault(tt.fault, cat)
		if err != nil {
			t.Fatal(err)
		}
		var pop *scoring.Population
		if tt.model == "ogrs3" {
			pop, err = scoring.ReadPopulation(ogrs3Text, "jsonl")
		} else {
			pop, err = scoring.SyntheticPopulation(m, 400, 5)
		}
		if err != nil {
			t.Fatal(err)
		}
		minMove := scoring.MinMoveFromPoints(m, got.MinMovePoints)
		want := scoring.FaultDemo(m, faulty, pop.Cases, pop.IDs, minMove)
		for i := range want.Moved {
			want.Moved[i].Row = pop.Rows[want.Moved[i].Index]
		}
		if !reflect.DeepEqual(got.FaultSummary, want) || got.Fault != tt.fault ||
			got.FaultyModel != faulty.ID() || got.Synthetic != pop.Synthetic {
			t.Errorf("%s: spiegel faults = %+v,\nFaultDemo %+v", tt.phrase, got, want)
		}
		if got.Scored == 0 {
			t.Errorf("%s: nothing scored", tt.phrase)
		}
	}
}

// TestFaultsSameAsWASM checks that the command and the page's functions give the
// same summary for the same file.
func TestFaultsSameAsWASM(t *testing.T) {
	cat, _ := scoring.Builtin()
	api := wasm.New(cat)
	text, _ := os.ReadFile("testdata/ogrs3.jsonl")
	fault := scoring.Fault{Kind: scoring.FaultSwapLevels, Predictor: "sex", A: "male", B: "female"}
	api.LoadPopulation(text, "")
	api.FaultStart("ogrs3", fault, 0.5)
	api.FaultStep(2)
	api.FaultStep(10)
	var page faultReport
	if err := json.Unmarshal(api.FaultResult(), &page); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := runCmd(t, "", "faults", "-model", "ogrs3", "-in", "testdata/ogrs3.jsonl",
		"-swap", "sex=male,female", "-min-move", "0.5")
	cmd := decodeReport(t, stdout)
	if len(page.Refusals) == 0 {
		page.Refusals = nil // the page writes [], the command leaves it out
	}
	if !reflect.DeepEqual(cmd, page) {
		t.Errorf("spiegel faults = %+v,\npage %+v", cmd, page)
	}
}

func TestFaultsListsBadRows(t *testing.T) {
	in := "id,sex\nx,male,extra\ny,female\n"
	code, stdout, stderr := runCmd(t, in, "faults", "-model", "ogrs3", "-in", "-",
		"-swap", "sex=male,female")
	if code != exitRefused || !strings.Contains(stderr, "no case was scored") {
		t.Fatalf("spiegel faults = %d, stderr %q; want %d, no case scored", code, stderr,
			exitRefused)
	}
	r := decodeReport(t, stdout)
	if len(r.Bad) != 1 || r.Bad[0].Row != 1 || r.Bad[0].Line != 2 || r.Cases != 1 ||
		r.Refused != 1 || len(r.Refusals) != 1 || r.Refusals[0].ID != "y" {
		t.Errorf("report = %+v; want row 1 (line 2) left out and case y refused", r)
	}
}

// TestFaultsNothingScored swaps in a model whose inputs the cases do not have: every
// case is refused, and the command says so and exits 3 rather than report 0 moved.
func TestFaultsNothingScored(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "faults", "-model", "ogrs3", "-synthetic", "20",
		"-swap-model", "rossi-cox")
	r := decodeReport(t, stdout)
	if code != exitRefused || r.Scored != 0 || r.Refused != 20 ||
		!strings.Contains(stderr, "say nothing about the fault") {
		t.Errorf("spiegel faults = %d, scored %d, refused %d, stderr %q; want %d, 0, 20 and "+
			"a reason", code, r.Scored, r.Refused, stderr, exitRefused)
	}
}

func TestFaultsNumbers(t *testing.T) {
	_, stdout, _ := runCmd(t, "", "faults", "-model", "ogrs3", "-numbers")
	var got []scoring.NamedNumber
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	cat, _ := scoring.Builtin()
	m, _ := cat.Model("ogrs3")
	if !reflect.DeepEqual(got, m.Numbers()) {
		t.Errorf("-numbers printed %d numbers, want the model's %d", len(got), len(m.Numbers()))
	}
}

func TestFaultsUsageErrors(t *testing.T) {
	params := filepath.Join(t.TempDir(), "p.json")
	os.WriteFile(params, scoring.SyntheticOxRecParams, 0o644)
	tests := []struct {
		phrase string
		args   []string
		code   int
		want   string
	}{
		{"no fault", []string{"-model", "ogrs3", "-in", "x"}, exitUsage, "exactly one"},
		{"two faults", []string{"-model", "ogrs3", "-swap", "sex=male,female",
			"-swap-model", "rossi-cox"}, exitUsage, "exactly one"},
		{"bad swap", []string{"-model", "ogrs3", "-swap", "sex"}, exitUsage, "input=a,b"},
		{"bad replace", []string{"-model", "ogrs3", "-replace", "x=y"}, exitUsage, "path=number"},
		{"unknown path", []string{"-model", "ogrs3", "-replace", "x=1"}, exitUsage, "no number"},
		{"unknown level", []string{"-model", "ogrs3", "-swap", "sex=a,b"}, exitUsage, "level"},
		{"a level with itself", []string{"-model", "ogrs3", "-swap", "sex=male,male"},
			exitUsage, "changes nothing"},
		{"negative move", []string{"-model", "ogrs3", "-swap", "sex=male,female",
			"-min-move", "-1"}, exitUsage, "min-move"},
		{"no population", []string{"-model", "ogrs3", "-swap", "sex=male,female"}, exitUsage,
			"-in FILE (or -in - for standard input) or -synthetic N is required"},
		{"no synthetic cases", []string{"-model", "ogrs3", "-swap", "sex=male,female",
			"-synthetic", "0"}, exitUsage, "-synthetic 0: want 1 to 200000 cases"},
		{"a negative number of cases", []string{"-model", "ogrs3", "-swap", "sex=male,female",
			"-synthetic", "-5"}, exitUsage, "-synthetic -5: want 1 to 200000 cases"},
		{"too many cases", []string{"-model", "ogrs3", "-swap", "sex=male,female",
			"-synthetic", "200001"}, exitUsage, "-synthetic 200001: want 1 to 200000"},
		{"two populations", []string{"-model", "ogrs3", "-swap", "sex=male,female", "-in",
			"x.csv", "-synthetic", "5"}, exitUsage, "-in and -synthetic cannot be used together"},
		{"a seed without synthetic cases", []string{"-model", "ogrs3", "-swap",
			"sex=male,female", "-in", "x.csv", "-seed", "7"}, exitUsage,
			"-seed needs -synthetic N"},
		{"a model with itself", []string{"-model", "ogrs3", "-synthetic", "5", "-swap-model",
			"ogrs3"}, exitUsage, "ogrs3 swapped with itself changes nothing"},
		{"missing file", []string{"-model", "ogrs3", "-swap", "sex=male,female", "-in",
			"nowhere.csv"}, exitFail, "nowhere.csv"},
		{"template without params", []string{"-model", "oxrec-nl-detained-general",
			"-swap-model", "oxrec-nl-nondetained-general"}, exitUsage, "parameter file"},
		{"swapped-in template", []string{"-model", "ogrs3", "-swap-model",
			"oxrec-nl-detained-general"}, exitUsage, "cannot compute"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "", append([]string{"faults"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tt.phrase, code, stderr,
				tt.code, tt.want)
		}
	}

	// With the parameter file, the OxRec-NL swap runs.
	code, stdout, stderr := runCmd(t, "", "faults", "-model", "oxrec-nl-detained-general",
		"-params", params, "-swap-model", "oxrec-nl-nondetained-general", "-synthetic", "200")
	if r := decodeReport(t, stdout); code != exitOK || r.Scored != 200 || !r.ModelSynthetic {
		t.Errorf("OxRec-NL swap with -params: exit %d, stderr %q", code, stderr)
	}
}
