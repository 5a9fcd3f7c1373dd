package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"spiegel/scoring"
)

// validateCSV is a hand-made CSV of 24 rows for the Rossi models; rows 6 and 15
// (lines 7 and 16) are faulty.
const validateCSV = "testdata/validate.csv"

// validateDirect validates with scoring directly, the expected output.
func validateDirect(t *testing.T, id string, spec scoring.CohortSpec,
	opt scoring.ValidationOptions) *scoring.Validation {
	t.Helper()
	f, err := os.Open(validateCSV)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := scoring.ReadCohort(f, spec)
	if err != nil {
		t.Fatal(err)
	}
	cat, _ := scoring.Builtin()
	m, err := cat.Model(id)
	if err != nil {
		t.Fatal(err)
	}
	v, err := scoring.Validate(m, c, opt)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// decodeValidation decodes the command's output.
func decodeValidation(t *testing.T, stdout string) (validateOutput, map[string]any) {
	t.Helper()
	var out validateOutput
	var raw map[string]any
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("validate output %.200q: %v", stdout, err)
	}
	json.Unmarshal([]byte(stdout), &raw)
	return out, raw
}

func TestValidateCommand(t *testing.T) {
	tte := scoring.CohortSpec{Time: "week", Event: "arrest"}
	binary := scoring.CohortSpec{Outcomes: map[float64]string{52: "arrest52"}}
	tests := []struct {
		name string
		args []string
		spec scoring.CohortSpec
		opt  scoring.ValidationOptions
	}{
		{"follow-up data", []string{"-horizon", "52", "-time", "week", "-event", "arrest"},
			tte, scoring.ValidationOptions{Horizon: 52}},
		{"a horizon by label", []string{"-horizon", "26w", "-time", "week", "-event", "arrest"},
			tte, scoring.ValidationOptions{Horizon: 26}},
		{"subgroups", []string{"-horizon", "52", "-time", "week", "-event", "arrest",
			"-by", "fin"}, tte, scoring.ValidationOptions{Horizon: 52, By: "fin"}},
		{"quintiles", []string{"-horizon", "52", "-time", "week", "-event", "arrest",
			"-by", "age", "-quintiles"}, tte,
			scoring.ValidationOptions{Horizon: 52, By: "age", Quintiles: true}},
		{"binary outcome", []string{"-horizon", "52", "-outcome", "arrest52"}, binary,
			scoring.ValidationOptions{Horizon: 52}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"validate", "-model", "rossi-cox", "-in", validateCSV},
				tt.args...)
			code, stdout, stderr := runCmd(t, "", args...)
			if code != exitOK || strings.Count(stdout, "\n") != 1 {
				t.Fatalf("spiegel %v = %d, stderr %q; want one JSON line", args, code, stderr)
			}
			got, raw := decodeValidation(t, stdout)
			want := validateDirect(t, "rossi-cox", tt.spec, tt.opt)
			if !reflect.DeepEqual(got.Validation, want) || got.File != validateCSV {
				t.Errorf("spiegel %v = %+v, want scoring.Validate's %+v", args, got.Validation, want)
			}
			for _, key := range []string{"n", "events", "concordance", "observed_risk",
				"mean_predicted", "calibration_in_the_large", "calibration_slope", "brier"} {
				if _, ok := raw[key].(float64); !ok {
					t.Errorf("spiegel %v: %q = %v, want a number at the top level", args, key, raw[key])
				}
			}
		})
	}
}

func TestValidateCommandListsBadRows(t *testing.T) {
	code, stdout, _ := runCmd(t, "", "validate", "-model", "rossi-cox", "-in", validateCSV,
		"-horizon", "52", "-time", "week", "-event", "arrest")
	got, _ := decodeValidation(t, stdout)
	var lines []int
	for _, b := range got.BadRows {
		lines = append(lines, b.Line)
	}
	if code != exitOK || got.Data.Rows != 24 || got.Data.Used != 22 ||
		!reflect.DeepEqual(lines, []int{7, 16}) {
		t.Errorf("spiegel validate = %d, data %+v, bad lines %v; want 24 read, 22 used, "+
			"lines 7 and 16 refused", code, got.Data, lines)
	}
}

func TestValidateCommandRefuses(t *testing.T) {
	base := []string{"validate", "-model", "rossi-cox", "-in", validateCSV, "-horizon", "52"}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no outcome", nil, exitUsage, "give -time and -event"},
		{"both kinds of outcome", []string{"-time", "week", "-event", "arrest", "-outcome",
			"arrest52"}, exitUsage, "not both"},
		{"an unknown horizon label", []string{"-horizon", "1y", "-outcome", "arrest52"},
			exitUsage, "not a number nor one of 26w, 52w"},
		{"an absent column", []string{"-time", "weeks", "-event", "arrest"}, exitFail,
			`missing column: \"weeks\"`},
		{"recalibration without a date", []string{"-time", "week", "-event", "arrest",
			"-recalibrate", "x.json"}, exitUsage, "-date"},
		{"recalibration dated after today", []string{"-time", "week", "-event", "arrest",
			"-recalibrate", "x.json", "-date", "2099-02-01"}, exitUsage,
			`-date \"2099-02-01\": after today`},
		{"recalibration on a day that does not exist", []string{"-time", "week", "-event",
			"arrest", "-recalibrate", "x.json", "-date", "2026-02-30"}, exitUsage,
			`-date \"2026-02-30\": want a calendar date`},
		{"an unknown model", []string{"-model", "nope", "-time", "week", "-event", "arrest"},
			exitUsage, "nope"},
		{"a bad mapping", []string{"-time", "week", "-event", "arrest", "-map", "age"},
			exitUsage, "key=value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string(nil), base...), tt.args...)
			code, stdout, stderr := runCmd(t, "", args...)
			if code != tt.code || stdout != "" || !strings.Contains(stderr, tt.want) {
				t.Errorf("spiegel %v = %d, %q, %q; want %d and a message with %q", args, code,
					stdout, stderr, tt.code, tt.want)
			}
		})
	}
}

func TestCheckDate(t *testing.T) {
	const today = "2026-03-01"
	tests := []struct {
		date string
		want string // a word of the error, or "" for none
	}{
		{"2026-03-01", ""},
		{"2024-02-29", ""},
		{"1900-02-01", ""},
		{"2026-03-02", "after today, 2026-03-01"},
		{"2099-02-01", "after today"},
		{"2025-02-29", "calendar date"},
		{"2026-3-1", "calendar date"},
		{"01-03-2026", "calendar date"},
	}
	for _, tt := range tests {
		err := checkDate(tt.date, today)
		if (err == nil) != (tt.want == "") ||
			(err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("checkDate(%q, %q) = %v, want an error with %q", tt.date, today, err,
				tt.want)
		}
	}
}

func TestValidateCommandRecalibrates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rossi-local.json")
	args := []string{"validate", "-model", "rossi-cox", "-in", validateCSV, "-horizon", "52",
		"-time", "week", "-event", "arrest", "-recalibrate", out, "-date", "2026-05-01", "-slope"}
	code, stdout, stderr := runCmd(t, "", args...)
	if code != exitOK {
		t.Fatalf("spiegel %v = %d, stderr %q", args, code, stderr)
	}
	got, _ := decodeValidation(t, stdout)
	r := got.Recalibration
	if r == nil || r.Model != "rossi-cox-recal-20260501" || r.Slope == nil || r.N != 22 ||
		r.GoldenFile != strings.TrimSuffix(out, ".json")+".golden.json" {
		t.Fatalf("spiegel %v: recalibration = %+v", args, r)
	}
	doc, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(r.GoldenFile)
	if err != nil {
		t.Fatal(err)
	}
	m, err := scoring.Load(doc)
	if err != nil || m.SHA256() != r.DefinitionSHA256 {
		t.Fatalf("Load(%s) = %v, SHA-256 %v; want the printed %s", out, err, m, r.DefinitionSHA256)
	}
	if err := scoring.VerifyGolden(m, golden); err != nil {
		t.Errorf("VerifyGolden(written files) = %v", err)
	}
	if d := r.Validation.CalibrationInTheLargeDifference; d > 1e-12 || d < -1e-12 {
		t.Errorf("recalibrated model on its own data: O − E = %v, want 0", d)
	}
	code, _, stderr = runCmd(t, "", args...)
	if code != exitFail || !strings.Contains(stderr, "exists") {
		t.Errorf("spiegel %v again = %d, %q; want a refusal to overwrite", args, code, stderr)
	}
}

func TestValidateCommandCompares(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "validate", "-model", "rossi-cox", "-compare",
		"rossi-cox-paroled", "-in", validateCSV, "-horizon", "52", "-time", "week", "-event",
		"arrest")
	var got scoring.Comparison
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK {
		t.Fatalf("spiegel validate -compare = %d, %v, stderr %q", code, err, stderr)
	}
	if len(got.Models) != 2 || got.Models[0].Model != "rossi-cox" ||
		got.Models[1].Model != "rossi-cox-paroled" || got.Data.Used != 22 {
		t.Errorf("spiegel validate -compare = %+v, want both models on 22 rows", got)
	}
}
