// Command sameanswer scores the reference cases and prints every number of every
// result as the exact bits of its float64, so that two builds can be compared
// byte for byte: `make same-answer` runs it natively and as WebAssembly under
// Node (GOOS=js GOARCH=wasm with go_js_wasm_exec) and compares the outputs.
//
//	go run ./internal/sameanswer [-shared ../shared/reference]
//
// It scores the OGRS3 cases of scoring/testdata/ogrs3_hand.json always, and, when
// the shared reference folder is there, every OGRS3 reference case and every
// subject of the Rossi data with each Rossi model. Each line is one number:
//
//	model case-id what value
//
// where what is a horizon label ("p 1y"), "lp" or a term ("term age"), and value
// is strconv's 'x' (hexadecimal, exact) format; a refused case prints its error.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"

	"spiegel/scoring"
)

func main() {
	shared := flag.String("shared", "../shared/reference", "shared reference `folder`")
	flag.Parse()
	out := bufio.NewWriter(os.Stdout)
	n, err := run(out, *shared)
	if flushErr := out.Flush(); err == nil {
		err = flushErr
	}
	if err != nil {
		slog.Error("same answer", "err", err)
		os.Exit(1)
	}
	slog.Info("scored", "cases", n)
}

// run writes the bits of every case to w and returns how many cases it scored.
func run(w io.Writer, shared string) (int, error) {
	cat, err := scoring.Builtin()
	if err != nil {
		return 0, err
	}
	sets := []func(*scoring.Catalog, string) ([]scored, error){handCases, ogrs3Cases, rossiCases}
	n := 0
	for _, set := range sets {
		cases, err := set(cat, shared)
		if errors.Is(err, fs.ErrNotExist) {
			slog.Warn("reference data absent: skipped", "err", err)
			continue
		}
		if err != nil {
			return n, err
		}
		for _, c := range cases {
			writeBits(w, c)
		}
		n += len(cases)
	}
	return n, nil
}

// scored is one case with the model that scored it.
type scored struct {
	m  *scoring.Model
	id string
	c  scoring.Case
}

// writeBits writes the lines of one case.
func writeBits(w io.Writer, s scored) {
	p, err := s.m.Predict(s.c)
	if err != nil {
		fmt.Fprintf(w, "%s %s error %q\n", s.m.ID(), s.id, err.Error())
		return
	}
	bits := func(x float64) string { return strconv.FormatFloat(x, 'x', -1, 64) }
	for _, h := range p.Horizons {
		fmt.Fprintf(w, "%s %s p %s %s\n", s.m.ID(), s.id, h.Label, bits(h.Probability))
	}
	fmt.Fprintf(w, "%s %s lp %s\n", s.m.ID(), s.id, bits(p.LinearPredictor))
	for _, c := range p.Contributions {
		fmt.Fprintf(w, "%s %s term %s %s\n", s.m.ID(), s.id, c.Term, bits(c.Value))
	}
}

// ogrs3Fields are the inputs of an OGRS3 case.
var ogrs3Fields = []string{"sex", "offence_group", "previous_sanctions", "birth_date",
	"first_sanction_date", "conviction_date", "assessment_date"}

// handCases reads the project's hand-derived OGRS3 cases.
func handCases(cat *scoring.Catalog, _ string) ([]scored, error) {
	var doc struct {
		Cases []struct {
			Name string         `json:"name"`
			Case map[string]any `json:"case"`
		} `json:"cases"`
	}
	if err := readJSON("scoring/testdata/ogrs3_hand.json", &doc); err != nil {
		return nil, err
	}
	m, err := cat.Model("ogrs3")
	if err != nil {
		return nil, err
	}
	var out []scored
	for _, h := range doc.Cases {
		_, c, err := scoring.CaseFromMap(h.Case)
		if err != nil {
			return nil, fmt.Errorf("hand case %q: %w", h.Name, err)
		}
		out = append(out, scored{m, strconv.Quote(h.Name), c})
	}
	return out, nil
}

// ogrs3Cases reads every OGRS3 reference case.
func ogrs3Cases(cat *scoring.Catalog, shared string) ([]scored, error) {
	var rows []map[string]any
	if err := readJSON(filepath.Join(shared, "ogrs3", "cases.json"), &rows); err != nil {
		return nil, err
	}
	m, err := cat.Model("ogrs3")
	if err != nil {
		return nil, err
	}
	var out []scored
	for _, r := range rows {
		raw := map[string]any{"id": r["id"]}
		for _, k := range ogrs3Fields {
			raw[k] = r[k]
		}
		id, c, err := scoring.CaseFromMap(raw)
		if err != nil {
			return nil, fmt.Errorf("reference case %v: %w", r["id"], err)
		}
		out = append(out, scored{m, id, c})
	}
	return out, nil
}

// rossiModels are the models fitted to the Rossi data.
var rossiModels = []string{"rossi-cox", "rossi-cox-paroled", "rossi-cox-not-paroled"}

// rossiCases reads every subject of rossi.csv, once per Rossi model, each with
// the columns named after the model's predictors.
func rossiCases(cat *scoring.Catalog, shared string) ([]scored, error) {
	rows, err := readCSV(filepath.Join(shared, "rossi", "rossi.csv"))
	if err != nil {
		return nil, err
	}
	var out []scored
	for _, id := range rossiModels {
		m, err := cat.Model(id)
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			c := scoring.Case{}
			for _, p := range m.Definition().Predictors {
				c[p.ID] = row[p.ID]
			}
			out = append(out, scored{m, row["id"], c})
		}
	}
	return out, nil
}

// readJSON decodes the file at path into v.
func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	return nil
}

// readCSV reads a CSV file with a header row into one map per row.
func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		return nil, fmt.Errorf("read %s: %v (%d rows)", path, err, len(rows))
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, col := range rows[0] {
			m[col] = r[i]
		}
		out = append(out, m)
	}
	return out, nil
}
