package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spiegel/scoring"
)

// writeParams writes the synthetic parameter file, changed by mutate when it is not
// nil, to a temporary file and returns its path.
func writeParams(t *testing.T, mutate func(string) string) string {
	t.Helper()
	text := string(scoring.SyntheticOxRecParams)
	if mutate != nil {
		text = mutate(text)
	}
	path := filepath.Join(t.TempDir(), "params.json")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// report decodes the verify report.
func report(t *testing.T, stdout string) scoring.VerifyReport {
	t.Helper()
	var r scoring.VerifyReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("verify output %q: %v", stdout, err)
	}
	return r
}

func TestVerifyPasses(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "verify", "-params", writeParams(t, nil))
	r := report(t, stdout)
	if code != exitOK || !r.Passed || !r.Synthetic || len(r.Models) != 4 || len(r.SHA256) != 64 {
		t.Errorf("spiegel verify = %d %+v (stderr %q), want a pass of 4 synthetic models",
			code, r, stderr)
	}
}

func TestVerifyRefuses(t *testing.T) {
	typo := func(s string) string {
		return strings.Replace(s, `"value": 0.571`, `"value": 0.512`, 1)
	}
	good := report(t, func() string {
		_, out, _ := runCmd(t, "", "verify", "-params", writeParams(t, nil))
		return out
	}())
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"drug parameter typed 0.512", []string{"-params", writeParams(t, typo)},
			"golden[0] (detained-general-1, oxrec-nl-detained-general): 1y probability"},
		{"truncated file", []string{"-params", writeParams(t, func(s string) string {
			return s[:len(s)/2]
		})}, "unexpected EOF"},
		{"pinned to another file", []string{"-params", writeParams(t, nil), "-pin",
			strings.Repeat("0", 64)}, "is not the pinned"},
		{"missing file", []string{"-params", filepath.Join(t.TempDir(), "none.json")},
			"no such file"},
		{"synthetic set relabelled as not synthetic", []string{"-params",
			writeParams(t, func(s string) string {
				return strings.Replace(s, `"synthetic": true`, `"synthetic": false`, 1)
			})}, "made-up numbers cannot pass as OxRec"},
	}
	for _, tt := range tests {
		code, stdout, _ := runCmd(t, "", append([]string{"verify"}, tt.args...)...)
		r := report(t, stdout)
		if code != exitFail || r.Passed || !strings.Contains(r.Error, tt.want) {
			t.Errorf("%s: spiegel verify = %d %+v, want a refusal containing %q", tt.name,
				code, r, tt.want)
		}
	}
	code, _, _ := runCmd(t, "", "verify", "-params", writeParams(t, nil), "-pin", good.SHA256)
	if code != exitOK {
		t.Errorf("spiegel verify with its own pin = %d, want %d", code, exitOK)
	}
}

func TestScoreWithParams(t *testing.T) {
	var file scoring.ParameterFile
	if err := json.Unmarshal(scoring.SyntheticOxRecParams, &file); err != nil {
		t.Fatal(err)
	}
	golden := file.Golden[0]
	line, _ := json.Marshal(golden.Case)
	code, stdout, stderr := runCmd(t, string(line), "score", "-model", golden.Model,
		"-params", writeParams(t, nil))
	if code != exitOK {
		t.Fatalf("spiegel score -params = %d, stderr %q", code, stderr)
	}
	r := records(t, stdout)[0]
	if !r.Synthetic || !strings.Contains(r.Notice, "SYNTHETIC") || len(r.ParamsSHA256) != 64 {
		t.Errorf("record %+v is not marked synthetic with the file's hash", r)
	}
	for h, want := range golden.Expected {
		if d := r.Probabilities[h] - want; d > golden.Tolerance || d < -golden.Tolerance {
			t.Errorf("%s = %v, want golden %v", h, r.Probabilities[h], want)
		}
	}
}

func TestScoreTemplateWithoutParams(t *testing.T) {
	code, _, stderr := runCmd(t, "{}", "score", "-model", "oxrec-nl-detained-general")
	if code != exitUsage || !strings.Contains(stderr, "cannot compute") {
		t.Errorf("spiegel score on a template = %d, stderr %q; want %d and why", code, stderr,
			exitUsage)
	}
}

// TestScoreRefusesTheOtherVariant scores a not-detained golden case (5.9 months)
// with a detained variant: the line is an error record naming the detention length
// and the rule, and the not-detained variant scores it.
func TestScoreRefusesTheOtherVariant(t *testing.T) {
	var file scoring.ParameterFile
	if err := json.Unmarshal(scoring.SyntheticOxRecParams, &file); err != nil {
		t.Fatal(err)
	}
	var line []byte
	for _, gc := range file.Golden {
		if gc.ID == "nondetained-general-1" {
			line, _ = json.Marshal(gc.Case)
		}
	}
	params := writeParams(t, nil)
	for _, explain := range []string{"score", "explain"} {
		_, stdout, _ := runCmd(t, string(line), explain, "-model", "oxrec-nl-detained-general",
			"-params", params)
		r := records(t, stdout)[0]
		if len(r.Errors) != 1 || r.Errors[0].Field != "detention_months" ||
			r.Errors[0].Value != "5.9" || !strings.Contains(r.Errors[0].Message,
			"less than 6: not_detained, but oxrec-nl-detained-general is the detained variant") {
			t.Errorf("spiegel %s -model oxrec-nl-detained-general (5.9 months) = %+v, want "+
				"detention_months refused by the variant rule", explain, r.Errors)
		}
	}
	_, stdout, _ := runCmd(t, string(line), "score", "-model", "oxrec-nl-nondetained-general",
		"-params", params)
	if r := records(t, stdout)[0]; r.Error != "" {
		t.Errorf("spiegel score -model oxrec-nl-nondetained-general (5.9 months): %s", r.Error)
	}
}

// TestPinNeedsParams checks that every command with -pin refuses it without -params,
// since it would check nothing, and that a pin given with its file is taken.
func TestPinNeedsParams(t *testing.T) {
	pin := strings.Repeat("ab", 32)
	tests := [][]string{
		{"score", "-model", "ogrs3", "-pin", "abc"},
		{"explain", "-model", "ogrs3", "-pin", pin},
		{"describe", "-model", "ogrs3", "-pin", pin},
		{"validate", "-model", "rossi-cox", "-in", validateCSV, "-horizon", "52", "-time",
			"week", "-event", "arrest", "-pin", pin},
		{"faults", "-model", "ogrs3", "-synthetic", "5", "-swap", "sex=male,female",
			"-pin", pin},
	}
	for _, args := range tests {
		code, stdout, stderr := runCmd(t, `{"id": "a"}`, args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, "-pin needs -params") {
			t.Errorf("spiegel %v = %d, stdout %q, stderr %q; want %d and \"-pin needs -params\"",
				args, code, stdout, stderr, exitUsage)
		}
	}

	params := writeParams(t, nil)
	_, out, _ := runCmd(t, "", "verify", "-params", params)
	args := []string{"describe", "-model", "oxrec-nl-detained-general", "-params", params,
		"-pin", report(t, out).SHA256}
	code, stdout, stderr := runCmd(t, "", args...)
	if code != exitOK || !strings.Contains(stdout, `"computable": true`) {
		t.Errorf("spiegel %v = %d, stderr %q; want %d and a computable model", args, code,
			stderr, exitOK)
	}
}
