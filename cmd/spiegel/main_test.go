package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"spiegel/scoring"
	"spiegel/wasm"
)

// runCmd runs the command with args and stdin and returns its status and output.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// records decodes JSON-lines output.
func records(t *testing.T, out string) []scoring.Record {
	t.Helper()
	var rs []scoring.Record
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r scoring.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("output line %.80q: %v", line, err)
		}
		rs = append(rs, r)
	}
	return rs
}

// testCase is one case of testdata/ogrs3.jsonl, read without the code under test.
type testCase struct {
	line string
	id   string
	c    scoring.Case
}

// readTestCases reads testdata/ogrs3.jsonl, converting each value to its JSON text.
func readTestCases(t *testing.T) []testCase {
	t.Helper()
	f, err := os.Open("testdata/ogrs3.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []testCase
	for s := bufio.NewScanner(f); s.Scan(); {
		dec := json.NewDecoder(strings.NewReader(s.Text()))
		dec.UseNumber()
		var raw map[string]any
		if err := dec.Decode(&raw); err != nil {
			t.Fatalf("testdata line %d: %v", len(cases)+1, err)
		}
		tc := testCase{line: s.Text(), id: raw["id"].(string), c: scoring.Case{}}
		delete(raw, "id")
		for k, v := range raw {
			tc.c[k] = fmt.Sprint(v)
		}
		cases = append(cases, tc)
	}
	return cases
}

// ogrs3 returns the built-in OGRS3 model.
func ogrs3(t *testing.T) *scoring.Model {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m, err := cat.Model("ogrs3")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// want scores a case with scoring directly, checking that it is a scored case.
func want(t *testing.T, m *scoring.Model, id string, c scoring.Case) scoring.Record {
	t.Helper()
	r := scoring.ScoreRecord(m, id, c)
	if r.Error != "" || len(r.Probabilities) == 0 {
		t.Fatalf("ScoreRecord(%v) = %+v, want a scored case", c, r)
	}
	return r
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout bool
	}{
		{"no command", nil, exitUsage, false},
		{"unknown command", []string{"frobnicate"}, exitUsage, false},
		{"help", []string{"help"}, exitOK, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, "", tt.args...)
			where := map[bool]string{false: stderr, true: stdout}[tt.inStdout]
			if code != tt.code || !strings.Contains(where, "usage: spiegel") {
				t.Errorf("spiegel %v = %d, stdout %q, stderr %q; want %d and the usage",
					tt.args, code, stdout, stderr, tt.code)
			}
		})
	}
}

func TestModelsMatchWASM(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "models")
	if code != exitOK {
		t.Fatalf("spiegel models = %d, stderr %q", code, stderr)
	}
	var got []any
	for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		var v any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("models line %q: %v", line, err)
		}
		got = append(got, v)
	}
	cat, _ := scoring.Builtin()
	var want []any
	if err := json.Unmarshal(wasm.New(cat).Models(), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spiegel models = %v, want the JavaScript models() %v", got, want)
	}
}

func TestDescribe(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "describe", "-model", "ogrs3")
	if code != exitOK {
		t.Fatalf("spiegel describe = %d, stderr %q", code, stderr)
	}
	wantJSON, err := json.Marshal(ogrs3(t).Describe())
	if err != nil {
		t.Fatal(err)
	}
	var got, want any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(wantJSON, &want)
	if !reflect.DeepEqual(got, want) || !strings.Contains(stdout, "\n  \"id\"") {
		t.Errorf("spiegel describe -model ogrs3 = %s, want indented %s", stdout, wantJSON)
	}
}

// TestDescribeTemplate describes a model that cannot compute without a parameter
// file: the command prints what the JavaScript describe() gives, computable false
// with the reason, and exits 0, while score still refuses the model.
func TestDescribeTemplate(t *testing.T) {
	const id = "oxrec-nl-detained-general"
	code, stdout, stderr := runCmd(t, "", "describe", "-model", id)
	if code != exitOK {
		t.Fatalf("spiegel describe -model %s = %d, stderr %q; want %d", id, code, stderr,
			exitOK)
	}
	cat, _ := scoring.Builtin()
	var got, want map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("spiegel describe -model %s: %v in %q", id, err, stdout)
	}
	if err := json.Unmarshal(wasm.New(cat).Describe(id), &want); err != nil {
		t.Fatal(err)
	}
	why, _ := got["parameters"].(string)
	if !reflect.DeepEqual(got, want) || got["computable"] != false ||
		!strings.Contains(why, "parameter file") || len(got["predictors"].([]any)) == 0 {
		t.Errorf("spiegel describe -model %s = %s, want the JavaScript describe() %v with "+
			"computable false and the reason", id, stdout, want)
	}
	if !strings.Contains(stderr, "cannot compute") {
		t.Errorf("spiegel describe -model %s: stderr %q does not say it cannot compute",
			id, stderr)
	}
}

func TestDescribeUnknownModel(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "describe", "-model", "nope")
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, `\"nope\"`) {
		t.Errorf("spiegel describe -model nope = %d, %q, %q; want %d naming the model",
			code, stdout, stderr, exitUsage)
	}
}

// sortedKeys returns the keys of a case in order.
func sortedKeys(c scoring.Case) []string {
	var keys []string
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
