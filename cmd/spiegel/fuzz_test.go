package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"spiegel/scoring"
)

// The fuzz targets feed arbitrary bytes to the command's two case readers. Their
// seed corpora, in testdata/fuzz/<FuzzName>/, hold the test cases and reference
// cases as JSON lines and CSV, and hostile inputs (huge numbers, deep nesting, NUL
// bytes, invalid UTF-8, HTML, broken quoting). `make fuzz-short` runs each for a
// few seconds; `go test` runs the seeds.

// FuzzScoreJSONL checks that scoreJSONL never fails on input it can read, writes
// one JSON record per non-blank line, and that every record is a result or a
// refusal of the model.
func FuzzScoreJSONL(f *testing.F) {
	f.Add([]byte("{\"id\":\"a\",\"sex\":\"male\"}\n\n{\"id\":\"b\"}\r\n"))
	m := fuzzModel(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := readAll(scoreJSONL, m, data)
		if err != nil {
			t.Fatalf("scoreJSONL(%q) error: %v", data, err)
		}
		recs := checkRecords(t, out)
		if want := nonBlankLines(data); len(recs) != want {
			t.Errorf("scoreJSONL(%q) wrote %d records, want one per non-blank line, %d",
				data, len(recs), want)
		}
	})
}

// FuzzScoreCSV checks that scoreCSV refuses only a bad header, and that every
// record it writes is a result or a refusal of the model.
func FuzzScoreCSV(f *testing.F) {
	f.Add([]byte("id,sex\na,male\n"))
	m := fuzzModel(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := readAll(scoreCSV, m, data)
		if err != nil && !strings.HasPrefix(err.Error(), "header") &&
			!strings.HasPrefix(err.Error(), "read header") {
			t.Fatalf("scoreCSV(%q) error %v, want nil or a header error", data, err)
		}
		checkRecords(t, out)
	})
}

// fuzzModel returns the built-in OGRS3 model.
func fuzzModel(f *testing.F) *scoring.Model {
	cat, err := scoring.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	m, err := cat.Model("ogrs3")
	if err != nil {
		f.Fatal(err)
	}
	return m
}

// readAll runs a case reader over data and returns what it wrote.
func readAll(read caseReader, m *scoring.Model, data []byte) ([]byte, error) {
	var buf bytes.Buffer
	out := &recordWriter{w: bufio.NewWriter(&buf)}
	err := read(m, bytes.NewReader(data), out)
	if flushErr := out.w.Flush(); err == nil {
		err = flushErr
	}
	return buf.Bytes(), err
}

// checkRecords decodes each output line as a record of ogrs3 that has either
// probabilities or an error with its reasons.
func checkRecords(t *testing.T, out []byte) []scoring.Record {
	t.Helper()
	var recs []scoring.Record
	for line := range bytes.Lines(out) {
		var r scoring.Record
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("output line %q is not a record: %v", line, err)
		}
		if r.Model != "ogrs3" || (r.Error == "") == (len(r.Probabilities) == 0) ||
			(r.Error != "" && len(r.Errors) == 0) {
			t.Errorf("record %s is neither a result nor a refusal", line)
		}
		recs = append(recs, r)
	}
	return recs
}

// nonBlankLines counts the lines scoreJSONL scores: lines end at "\n" (a last line
// may lack it), lose one "\r" before it, the first loses a byte order mark, and
// lines of only white space are skipped unless longer than maxLineBytes.
func nonBlankLines(data []byte) int {
	n := 0
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	for i, line := range lines {
		line = bytes.TrimSuffix(line, []byte("\r"))
		long := len(line) > maxLineBytes
		if i == 0 {
			line = bytes.TrimPrefix(line, []byte(bom))
		}
		if long || len(bytes.TrimSpace(line)) > 0 {
			n++
		}
	}
	return n
}
