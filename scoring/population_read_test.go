package scoring_test

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"spiegel/scoring"
)

// readCase is what a read case should be: its id, inputs, record number and line.
type readCase struct {
	id         string
	c          scoring.Case
	row, line  int
	wantFormat string
}

func TestReadPopulationFormats(t *testing.T) {
	tests := []struct {
		phrase, format, text string
		want                 []readCase
		bad                  []scoring.RowError
	}{
		{"CSV with BOM, CRLF, quotes and an empty cell", "",
			"\ufeffid,sex, offence_group\r\n" +
				"a,male,3\r\n" +
				"\r\n" +
				"\"b, c\",\"fe\"\"male\",\r\n",
			[]readCase{
				{"a", scoring.Case{"sex": "male", "offence_group": "3"}, 1, 2, "csv"},
				{"b, c", scoring.Case{"sex": "fe\"male"}, 2, 4, "csv"},
			}, nil},
		{"CSV bad rows are listed and skipped", "csv",
			"sex,age\nmale,30\nmale\nfe\"male,3\n\"multi\nline\",4\nfemale,40,9\nmale,\"50",
			[]readCase{
				{"", scoring.Case{"sex": "male", "age": "30"}, 1, 2, "csv"},
				{"", scoring.Case{"sex": "multi\nline", "age": "4"}, 4, 5, "csv"},
			},
			[]scoring.RowError{
				{Row: 2, Line: 3, Message: "row has 1 fields, the header 2", Code: "field_count",
					Limit: "2", RelatedValue: "1"},
				{Row: 3, Line: 4, Message: "a quote inside an unquoted field (column 3)",
					Code: "csv_syntax"},
				{Row: 5, Line: 7, Message: "row has 3 fields, the header 2", Code: "field_count",
					Limit: "2", RelatedValue: "3"},
				{Row: 6, Line: 8, Message: "a quoted field is not closed before the end of the file",
					Code: "csv_syntax"},
			}},
		{"JSON lines with a blank and a bad line", "",
			"{\"id\": \"x\", \"age\": 30}\n\n[1]\n{\"age\": \"41\"}\r\n",
			[]readCase{
				{"x", scoring.Case{"age": "30"}, 1, 1, "jsonl"},
				{"", scoring.Case{"age": "41"}, 3, 4, "jsonl"},
			},
			[]scoring.RowError{{Row: 2, Line: 3, Message: "case: not a JSON object",
				Code: "not_object"}}},
		{"JSON array, pretty, with a bad element", "",
			"[\n {\n  \"id\": \"p\",\n  \"note\": \"a ] and } in text\",\n  \"age\": 30\n },\n" +
				" \"text\",\n {\"id\": \"q\", \"age\": 31}\n]\n",
			[]readCase{
				{"p", scoring.Case{"note": "a ] and } in text", "age": "30"}, 1, 2, "json"},
				{"q", scoring.Case{"age": "31"}, 3, 8, "json"},
			},
			[]scoring.RowError{{Row: 2, Line: 7, Message: "case: not a JSON object",
				Code: "not_object"}}},
		{"empty JSON array", "", " [ ] ", nil, nil},
		{"JSON array cut short", "", "[{\"age\": 3}, {\"age\": ",
			[]readCase{{"", scoring.Case{"age": "3"}, 1, 1, "json"}},
			[]scoring.RowError{{Row: 2, Line: 1, Message: "an object or array is not closed",
				Code: "not_json"}}},
	}
	for _, tt := range tests {
		p, err := scoring.ReadPopulation([]byte(tt.text), tt.format)
		if err != nil {
			t.Errorf("%s: ReadPopulation error: %v", tt.phrase, err)
			continue
		}
		if len(p.Cases) != len(tt.want) {
			t.Errorf("%s: %d cases %v, want %d", tt.phrase, len(p.Cases), p.Cases, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if p.IDs[i] != w.id || !reflect.DeepEqual(p.Cases[i], w.c) || p.Rows[i] != w.row ||
				p.Lines[i] != w.line || p.Format != w.wantFormat {
				t.Errorf("%s: case %d = %q %v row %d line %d (%s), want %+v", tt.phrase, i,
					p.IDs[i], p.Cases[i], p.Rows[i], p.Lines[i], p.Format, w)
			}
		}
		if !reflect.DeepEqual(p.Bad, tt.bad) {
			t.Errorf("%s: bad rows = %+v, want %+v", tt.phrase, p.Bad, tt.bad)
		}
	}
}

func TestReadPopulationRefusesFiles(t *testing.T) {
	tests := []struct {
		phrase, format, text, want string
	}{
		{"empty CSV", "csv", "", "empty"},
		{"repeated column", "csv", "age,sex,age\n1,2,3\n", "column 3"},
		{"empty column name", "", "age,,sex\n", "column 2"},
		{"unknown format", "xml", "<a/>", "xml"},
		{"text after the array", "json", "[{}] x", "after the array"},
		{"missing comma", "json", "[{} {}]", "after element 1"},
		{"not an array", "json", "{}", "not a JSON array"},
	}
	for _, tt := range tests {
		_, err := scoring.ReadPopulation([]byte(tt.text), tt.format)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: ReadPopulation error = %v, want one naming %q", tt.phrase, err, tt.want)
		}
	}
}

func TestReadPopulationLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("age\n")
	for range scoring.MaxPopulation + 1 {
		b.WriteString("1\n")
	}
	if _, err := scoring.ReadPopulation([]byte(b.String()), "csv"); err == nil {
		t.Errorf("a file of %d cases was read", scoring.MaxPopulation+1)
	}
}

// FuzzReadPopulation checks, for any text in any format, that the reader returns a
// population or an error without panicking, that every record is either a case or
// a bad row, numbered upwards from 1, and that no case is read twice.
func FuzzReadPopulation(f *testing.F) {
	for _, seed := range []string{
		"id,sex\na,male\n", "\ufeffsex,age\r\n\"m,\"\"x\",3\r\n", "a,b\n1\n\"open",
		"{\"age\": 1}\n[2]\n", "[{\"a\": \"]\"}, 3, {\"b\": {\"c\": [1]}}]", "[", "[1,]", "",
	} {
		f.Add([]byte(seed), "")
		f.Add([]byte(seed), "csv")
	}
	f.Fuzz(func(t *testing.T, data []byte, format string) {
		p, err := scoring.ReadPopulation(data, format)
		if err != nil {
			return
		}
		n := len(p.Cases)
		if len(p.IDs) != n || len(p.Rows) != n || len(p.Lines) != n {
			t.Fatalf("parallel slices differ: %d cases, %d ids, %d rows, %d lines",
				len(p.Cases), len(p.IDs), len(p.Rows), len(p.Lines))
		}
		seen := map[int]bool{}
		for _, r := range p.Rows {
			if r < 1 || seen[r] {
				t.Fatalf("row %d given twice or below 1", r)
			}
			seen[r] = true
		}
		for _, b := range p.Bad {
			if b.Row < 1 || seen[b.Row] || b.Line < 1 || b.Message == "" {
				t.Fatalf("bad row %+v: numbered wrongly or also read as a case", b)
			}
			seen[b.Row] = true
		}
	})
}

// TestPopulationRowCodes checks the codes of JSON records that cannot be read, beyond
// those of TestReadPopulationFormats, so that a page can word them in its language.
func TestPopulationRowCodes(t *testing.T) {
	big := `{"age": "` + strings.Repeat("9", scoring.MaxCaseBytes) + `"}`
	data := "{\"age\": 30}\n{\"age\": [1]}\n{\"age\": \n" + big + "\n"
	p, err := scoring.ReadPopulation([]byte(data), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ code, limit, related string }{
		{"not_text", "", "age"}, {"not_json", "", ""},
		{"case_too_large", strconv.Itoa(scoring.MaxCaseBytes), ""},
	}
	if len(p.Bad) != len(want) {
		t.Fatalf("bad rows %+v, want %d", p.Bad, len(want))
	}
	for i, w := range want {
		b := p.Bad[i]
		if b.Code != w.code || b.Limit != w.limit || b.Related != w.related || b.Message == "" {
			t.Errorf("row %d: %+v, want code %s, limit %q, related %q and a message", b.Row, b,
				w.code, w.limit, w.related)
		}
	}
}
