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

// FuzzScoreJSONL checks that scoreJSONL never fails on JSON lines, writes one JSON
// record per non-blank line, and that every record is a result or a refusal of the
// model. Input that starts with "[" is one JSON array: it gives one record per
// element, or, when it is not a well-formed array, one error and no record.
func FuzzScoreJSONL(f *testing.F) {
	f.Add([]byte("{\"id\":\"a\",\"sex\":\"male\"}\n\n{\"id\":\"b\"}\r\n"))
	f.Add([]byte("[{\"id\":\"a\",\"sex\":\"male\"},\n 7, {\"id\":\"b\"}]"))
	f.Add([]byte("\ufeff [{\"id\":\"a\","))
	m := fuzzModel(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := readAll(scoreJSONL, m, data)
		if startsArray(data) {
			checkArray(t, data, out, err)
			return
		}
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

// startsArray reports whether scoreJSONL reads data as one JSON array: its first
// 64 KiB hold, after a byte order mark and white space, a "[".
func startsArray(data []byte) bool {
	head := data[:min(len(data), 64<<10)]
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte(bom)), " \t\r\n")
	return len(head) > 0 && head[0] == '['
}

// checkArray checks scoreJSONL's answer to a JSON array: a record per element of a
// well-formed array, or an error naming the array and no record.
func checkArray(t *testing.T, data, out []byte, err error) {
	t.Helper()
	elems, splitErr := scoring.SplitCases(bytes.TrimPrefix(data, []byte(bom)), maxArrayCases)
	switch {
	case splitErr != nil && (err == nil || len(out) > 0 ||
		!strings.HasPrefix(err.Error(), "read the input as one JSON array")):
		t.Errorf("scoreJSONL(%q) = %d bytes, error %v; want one error for the malformed "+
			"array (%v)", data, len(out), err, splitErr)
	case splitErr == nil && err != nil:
		t.Errorf("scoreJSONL(%q) error: %v", data, err)
	case splitErr == nil && len(checkRecords(t, out)) != len(elems):
		t.Errorf("scoreJSONL(%q) wrote %d records, want one per element, %d", data,
			len(checkRecords(t, out)), len(elems))
	}
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
