package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"spiegel/scoring"
	"spiegel/wasm"
)

func TestScoreJSONL(t *testing.T) {
	m := ogrs3(t)
	cases := readTestCases(t)
	code, stdout, stderr := runCmd(t, "", "score", "-model", "ogrs3", "-in",
		"testdata/ogrs3.jsonl")
	if code != exitOK {
		t.Fatalf("spiegel score = %d, stderr %q", code, stderr)
	}
	got := records(t, stdout)
	if len(got) != len(cases) {
		t.Fatalf("spiegel score gave %d records, want %d", len(got), len(cases))
	}
	for i, tc := range cases {
		if want := want(t, m, tc.id, tc.c); !reflect.DeepEqual(got[i], want) {
			t.Errorf("record %d = %+v, want %+v", i, got[i], want)
		}
	}
	if !strings.Contains(stderr, "cases=3 refused=0") {
		t.Errorf("stderr = %q, want the totals", stderr)
	}
}

// TestScoreSameAsWASM checks that a command line and the JavaScript API's result for
// the same case are the same bytes.
func TestScoreSameAsWASM(t *testing.T) {
	cat, _ := scoring.Builtin()
	api := wasm.New(cat)
	for _, tc := range readTestCases(t) {
		_, stdout, _ := runCmd(t, tc.line, "score", "-model", "ogrs3")
		if want := string(api.Score("ogrs3", []byte(tc.line))) + "\n"; stdout != want {
			t.Errorf("spiegel score %s:\n%s\nwant spiegel.score's\n%s", tc.id, stdout, want)
		}
	}
}

func TestScoreCSV(t *testing.T) {
	m := ogrs3(t)
	cases := readTestCases(t)
	header := append([]string{"id", "note"}, sortedKeys(cases[0].c)...)
	var in bytes.Buffer
	w := csv.NewWriter(&in)
	w.Write(header)
	for _, tc := range cases {
		row := []string{tc.id, "seen, twice"}
		for _, k := range header[2:] {
			row = append(row, tc.c[k])
		}
		w.Write(row)
	}
	w.Flush()

	code, stdout, stderr := runCmd(t, in.String(), "score", "-model", "ogrs3", "-format", "csv")
	if code != exitOK {
		t.Fatalf("spiegel score -format csv = %d, stderr %q", code, stderr)
	}
	got := records(t, stdout)
	if len(got) != len(cases) {
		t.Fatalf("spiegel score gave %d records, want %d", len(got), len(cases))
	}
	for i, tc := range cases {
		tc.c["note"] = "seen, twice" // passed through, for the model to warn about
		want := want(t, m, tc.id, tc.c)
		if !reflect.DeepEqual(got[i], want) || len(want.Warnings) == 0 {
			t.Errorf("record %d = %+v, want %+v with a warning about note", i, got[i], want)
		}
	}
}

func TestScoreCSVByExtension(t *testing.T) {
	path := t.TempDir() + "/cases.CSV"
	if err := os.WriteFile(path, []byte("id,sex\nx1,male\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := runCmd(t, "", "score", "-model", "ogrs3", "-in", path)
	got := records(t, stdout)
	if len(got) != 1 || got[0].ID != "x1" || !strings.Contains(got[0].Error, "birth_date") {
		t.Errorf("spiegel score -in cases.CSV = %+v, want one refused case x1", got)
	}
}

func TestScoreBadLines(t *testing.T) {
	cases := readTestCases(t)
	tooLong := `{"id": "` + strings.Repeat("x", maxLineBytes) + `"}`
	in := cases[0].line + "\n{not json\n\n  \r\n[1]\r\n" + tooLong + "\n" + cases[1].line
	code, stdout, stderr := runCmd(t, in, "score", "-model", "ogrs3")
	if code != exitRefused || !strings.Contains(stderr, "refused=3 of=5") {
		t.Fatalf("spiegel score = %d, stderr %q; want %d and the count", code, stderr,
			exitRefused)
	}
	got := records(t, stdout)
	if len(got) != 5 {
		t.Fatalf("spiegel score gave %d records, want 5", len(got))
	}
	m := ogrs3(t)
	if want := want(t, m, cases[0].id, cases[0].c); !reflect.DeepEqual(got[0], want) {
		t.Errorf("record 0 = %+v, want %+v", got[0], want)
	}
	checkRefused(t, got[1], "line 2: ")
	checkRefused(t, got[2], "line 5: case: not a JSON object")
	checkRefused(t, got[3], "line 6: longer than 1048576 bytes")
	if want := want(t, m, cases[1].id, cases[1].c); !reflect.DeepEqual(got[4], want) {
		t.Errorf("record 4 = %+v, want %+v", got[4], want)
	}
}

func TestScoreCSVBadRows(t *testing.T) {
	in := "id,sex\n" +
		"a,male\n" +
		"b,male,extra\n" +
		"c,\"ma\"le\n" +
		"d\n" +
		"e,female\n"
	_, stdout, stderr := runCmd(t, in, "score", "-model", "ogrs3", "-format", "csv")
	got := records(t, stdout)
	if len(got) != 5 {
		t.Fatalf("spiegel score gave %d records, want 5; stderr %q", len(got), stderr)
	}
	checkRefused(t, got[1], "line 3: wrong number of fields: 3, header has 2")
	checkRefused(t, got[2], "line 4: ")
	checkRefused(t, got[3], "line 5: wrong number of fields: 1, header has 2")
	for _, i := range []int{0, 4} {
		if got[i].ID == "" || !strings.Contains(got[i].Error, "birth_date: missing") {
			t.Errorf("record %d = %+v, want a case refused for its missing dates", i, got[i])
		}
	}
}

func TestScoreMissingField(t *testing.T) {
	tc := readTestCases(t)[0]
	line := strings.Replace(tc.line, `"birth_date": "1990-05-17", `, "", 1)
	if line == tc.line {
		t.Fatal("testdata case 1 has no birth_date to remove")
	}
	code, stdout, _ := runCmd(t, line, "score", "-model", "ogrs3")
	got := records(t, stdout)
	if code != exitRefused || len(got) != 1 {
		t.Fatalf("spiegel score = %d with %d records, want %d with 1", code, len(got),
			exitRefused)
	}
	want := []scoring.FieldError{{Field: "birth_date", Message: "missing", Code: "missing"}}
	if got[0].ID != tc.id || !reflect.DeepEqual(got[0].Errors, want) {
		t.Errorf("record = %+v, want %s refused with errors %+v", got[0], tc.id, want)
	}
}

func TestScoreRunFails(t *testing.T) {
	dup := t.TempDir() + "/dup.csv"
	if err := os.WriteFile(dup, []byte("sex,age,sex\nmale,30,male\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown model", []string{"-model", "nope"}, exitUsage, `\"nope\"`},
		{"no model", nil, exitUsage, "-model is required"},
		{"unknown format", []string{"-model", "ogrs3", "-format", "xml"}, exitUsage, "xml"},
		{"unknown flag", []string{"-model", "ogrs3", "-colour"}, exitUsage, "colour"},
		{"stray argument", []string{"-model", "ogrs3", "cases.jsonl"}, exitUsage, "cases.jsonl"},
		{"missing file", []string{"-model", "ogrs3", "-in", "testdata/none.jsonl"}, exitFail,
			"none.jsonl"},
		{"header twice", []string{"-model", "ogrs3", "-in", dup}, exitFail, "appears twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"score"}, tt.args...)
			code, stdout, stderr := runCmd(t, "", args...)
			if code != tt.code || stdout != "" || !strings.Contains(stderr, tt.want) {
				t.Errorf("spiegel %v = %d, stdout %q, stderr %q; want %d and %q", args, code,
					stdout, stderr, tt.code, tt.want)
			}
		})
	}
}

func TestLineReader(t *testing.T) {
	full := strings.Repeat("x", maxLineBytes)
	tests := []struct {
		name, in string
		long     []bool
	}{
		{"empty", "", nil},
		{"no final newline", "a\nb", []bool{false, false}},
		{"CRLF", "a\r\nb\r\n", []bool{false, false}},
		{"exactly the limit", full + "\r\n" + full, []bool{false, false}},
		{"one byte over", full + "x\n" + full + "x", []bool{true, true}},
		{"far over", full + full + full + "\nb", []bool{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &lineReader{r: bufio.NewReader(strings.NewReader(tt.in))}
			var long []bool
			for {
				line, err := l.next()
				if err != nil {
					break
				}
				if !l.long && strings.ContainsAny(string(line), "\r\n") {
					t.Errorf("line %d keeps its line ending", l.n)
				}
				long = append(long, l.long)
			}
			if !reflect.DeepEqual(long, tt.long) {
				t.Errorf("long lines = %v, want %v", long, tt.long)
			}
		})
	}
}

// checkRefused checks that r is an error record whose error contains want.
func checkRefused(t *testing.T, r scoring.Record, want string) {
	t.Helper()
	if r.Model != "ogrs3" || !strings.Contains(r.Error, want) || r.Probabilities != nil {
		t.Errorf("record = %+v, want an error record containing %q", r, want)
	}
}

// TestScoreExitStatus pins the exit status of score: 0 when every case is scored, 3
// (exitRefused) when any case is refused, even when every line was written, and 3
// when every case is refused.
func TestScoreExitStatus(t *testing.T) {
	cases := readTestCases(t)
	tests := []struct {
		name, in string
		want     int
		lines    int
	}{
		{"all scored", cases[0].line + "\n" + cases[1].line, exitOK, 2},
		{"one refused", cases[0].line + "\n" + `{"id": "r", "sex": "x"}`, exitRefused, 2},
		{"all refused", `{"id": "r1"}` + "\n" + `{"id": "r2"}`, exitRefused, 2},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCmd(t, tt.in, "score", "-model", "ogrs3")
		if code != tt.want || len(records(t, stdout)) != tt.lines {
			t.Errorf("%s: spiegel score = %d with %d lines (stderr %q), want %d with %d",
				tt.name, code, len(records(t, stdout)), stderr, tt.want, tt.lines)
		}
	}
}

// TestScoreEmptyInput checks that input without a case, from standard input or a
// file, is exitRefused with a message naming the input, never a clean run of zero
// cases: a truncated file must not pass for a complete one.
func TestScoreEmptyInput(t *testing.T) {
	header := filepath.Join(t.TempDir(), "header.csv")
	if err := os.WriteFile(header, []byte("id,sex\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, stdin string
		args        []string
		input       string // how the message names the input
	}{
		{"empty", "", nil, "standard input"},
		{"blank lines", "\n \r\n\n", []string{"-in", "-"}, "standard input"},
		{"empty array", " [ ]\n", nil, "standard input"},
		{"CSV header alone", "", []string{"-in", header}, header},
		{"CSV header alone on stdin", "id,sex\n", []string{"-format", "csv"},
			"standard input"},
	}
	for _, tt := range tests {
		for _, cmd := range []string{"score", "explain"} {
			args := append([]string{cmd, "-model", "ogrs3"}, tt.args...)
			code, stdout, stderr := runCmd(t, tt.stdin, args...)
			if code != exitRefused || stdout != "" ||
				!strings.Contains(stderr, "no cases in the input") ||
				!strings.Contains(stderr, tt.input) {
				t.Errorf("%s: spiegel %v = %d, stdout %q, stderr %q; want %d, no output and "+
					"\"no cases in the input\" naming %s", tt.name, args, code, stdout, stderr,
					exitRefused, tt.input)
			}
		}
	}
}

// TestScoreJSONArray checks that input given as one JSON array of cases, rather than
// JSON lines, is scored element by element, the same as the lines would be, and
// that a malformed array stops the run with one error rather than one per line.
func TestScoreJSONArray(t *testing.T) {
	cases := readTestCases(t)
	lines := cases[0].line + "\n" + cases[1].line + "\n"
	_, want, _ := runCmd(t, lines, "score", "-model", "ogrs3")
	array := "\ufeff \n[" + cases[0].line + ",\n" + cases[1].line + "]\n"
	code, got, stderr := runCmd(t, array, "score", "-model", "ogrs3")
	if code != exitOK || got != want {
		t.Errorf("spiegel score of a JSON array = %d, stderr %q:\n%s\nwant the JSON lines' "+
			"records:\n%s", code, stderr, got, want)
	}

	code, stdout, _ := runCmd(t, `[{"id": "a"}, 7]`, "score", "-model", "ogrs3")
	got2 := records(t, stdout)
	if code != exitRefused || len(got2) != 2 || got2[0].ID != "a" ||
		!strings.Contains(got2[1].Error, "cases[1]: case: not a JSON object") {
		t.Errorf("spiegel score [{a}, 7] = %d %+v, want two refused records", code, got2)
	}

	pretty := "[\n  {\"id\": \"a\",\n   \"sex\": \"male\"},\n  {\"id\": \"b\"\n"
	code, stdout, stderr = runCmd(t, pretty, "score", "-model", "ogrs3")
	if code != exitFail || stdout != "" || strings.Count(stderr, "\n") != 1 ||
		!strings.Contains(stderr, "read the input as one JSON array") {
		t.Errorf("spiegel score of a malformed array = %d, stdout %q, stderr %q; want %d, "+
			"no records and one error", code, stdout, stderr, exitFail)
	}
}

// TestScoreRefusesFutureDates checks that a date after -today (by default the
// computer's date) is refused, naming the field and value, in score and explain.
func TestScoreRefusesFutureDates(t *testing.T) {
	tc := readTestCases(t)[0]
	for _, cmd := range []string{"score", "explain"} {
		code, stdout, _ := runCmd(t, tc.line, cmd, "-model", "ogrs3", "-today", "2024-01-15")
		if code != exitOK {
			t.Errorf("spiegel %s -today 2024-01-15 (the assessment date) = %d, want %d", cmd, code, exitOK)
		}
		future := strings.Replace(tc.line, `"assessment_date": "2024-01-15"`,
			`"assessment_date": "2031-03-31"`, 1)
		if future == tc.line {
			t.Fatal("testdata case 1 has no assessment_date 2024-01-15")
		}
		code, stdout, _ = runCmd(t, future, cmd, "-model", "ogrs3", "-today", "2026-12-04")
		r := records(t, stdout)[0]
		if code != exitRefused || len(r.Errors) != 1 || r.Errors[0].Field != "assessment_date" ||
			r.Errors[0].Value != "2031-03-31" ||
			r.Errors[0].Message != "outside the accepted range: after today, 2026-12-04" {
			t.Errorf("spiegel %s, assessment 2031-03-31 = %d %+v, want assessment_date "+
				"refused as after today", cmd, code, r.Errors)
		}
		// The engine ignores spaces around a date, so the check does too.
		padded := strings.Replace(future, `"2031-03-31"`, `" 2031-03-31 "`, 1)
		code, stdout, _ = runCmd(t, padded, cmd, "-model", "ogrs3", "-today", "2026-12-04")
		if code != exitRefused || !strings.Contains(stdout, "after today") {
			t.Errorf("spiegel %s, assessment \" 2031-03-31 \" = %d %s, want it refused as "+
				"after today", cmd, code, stdout)
		}
		code, stdout, _ = runCmd(t, future, cmd, "-model", "ogrs3")
		if code != exitRefused || !strings.Contains(stdout, "after today") {
			t.Errorf("spiegel %s without -today, assessment 2031-03-31 = %d %s, want it "+
				"refused as after the computer's date", cmd, code, stdout)
		}
	}
	if code, _, _ := runCmd(t, tc.line, "score", "-model", "ogrs3", "-today", "soon"); code != exitUsage {
		t.Errorf("spiegel score -today soon = %d, want %d", code, exitUsage)
	}
}

// TestScoreRefusesBytesThatAreNotText scores a valid case whose id holds a byte that
// is not UTF-8, as JSON lines, a JSON array and CSV: each is refused, not scored under
// an id with U+FFFD in it.
func TestScoreRefusesBytesThatAreNotText(t *testing.T) {
	c := readTestCases(t)[0]
	line := strings.Replace(c.line, `"`+c.id+`"`, `"`+c.id+"\xff\"", 1)
	if line == c.line {
		t.Fatalf("test case line %q has no id to change", c.line)
	}
	csvIn := "id,sex\nx\xff,male\n"
	for _, tc := range []struct{ name, in, format, want string }{
		{"JSON lines", line + "\n", "jsonl", "line 1: not valid UTF-8"},
		{"JSON array", "[" + line + "]", "jsonl", "cases[0]: not valid UTF-8"},
		{"CSV", csvIn, "csv", "line 2: not valid UTF-8"},
	} {
		code, stdout, _ := runCmd(t, tc.in, "score", "-model", "ogrs3", "-format", tc.format)
		got := records(t, stdout)
		if code != exitRefused || len(got) != 1 {
			t.Errorf("%s: exit %d, %d records; want %d and one", tc.name, code, len(got),
				exitRefused)
			continue
		}
		checkRefused(t, got[0], tc.want)
		if got[0].ID != "" {
			t.Errorf("%s: refused record has id %q, want none", tc.name, got[0].ID)
		}
	}
	code, _, stderr := runCmd(t, "i\xffd,sex\nx,male\n", "score", "-model", "ogrs3",
		"-format", "csv")
	if code != exitFail || !strings.Contains(stderr, "column 1: not valid UTF-8") {
		t.Errorf("a header with a byte that is not UTF-8: exit %d, %q", code, stderr)
	}
}
