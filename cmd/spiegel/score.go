package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"spiegel/scoring"
)

// maxLineBytes is the longest input line or CSV row read (1 MiB); a longer one becomes
// an error record and the run goes on.
const maxLineBytes = 1 << 20

// runScore is `spiegel score`: it scores every case of the input with one model.
func runScore(e *env, args []string) int {
	return runCases(e, "score", args, false)
}

// runCases is `spiegel score` and, with explain set, `spiegel explain`: the same
// flags and input, one Record or ExplainRecord per case.
func runCases(e *env, name string, args []string, explain bool) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	model := fs.String("model", "", "model `id` (see spiegel models)")
	params := fs.String("params", "", "bind the verified parameter `file` (OxRec-NL)")
	pin := fs.String("pin", "", "refuse a parameter file whose SHA-256 is not `hex`")
	in := fs.String("in", "", "read cases from `file` (default or -: standard input)")
	format := fs.String("format", "", "input format, jsonl or csv (default: csv for a "+
		".csv file, else jsonl); jsonl input that starts with \"[\" is read as one JSON "+
		"array of cases")
	today := fs.String("today", time.Now().Format(time.DateOnly), "refuse a date input "+
		"after this `YYYY-MM-DD` (default: today's date on this computer)")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	if _, err := time.Parse(time.DateOnly, *today); err != nil {
		e.log.Error("-today: want a date YYYY-MM-DD", "today", *today)
		return exitUsage
	}
	read, err := reader(*format, *in)
	if err != nil {
		e.log.Error("choose input format", "err", err)
		return exitUsage
	}
	m, code, ok := builtinModel(e, *model, *params, *pin)
	if !ok {
		return code
	}
	return score(e, m, *in, read, &recordWriter{explain: explain, today: *today})
}

// score opens the input, scores (or explains) it with read into out and logs the
// totals. Input without a case (empty, blank lines, "[]", a CSV header alone) is
// exitRefused: nothing was scored.
func score(e *env, m *scoring.Model, path string, read caseReader, out *recordWriter) int {
	in, err := openInput(path, e.stdin)
	if err != nil {
		e.log.Error("open input", "err", err)
		return exitFail
	}
	defer in.Close()

	out.w = bufio.NewWriter(e.stdout)
	out.dates = dateInputs(m)
	err = read(m, in, out)
	if flushErr := out.w.Flush(); err == nil {
		err = flushErr
	}
	if err != nil {
		e.log.Error("score", "model", m.ID(), "after", out.n, "err", err)
		return exitFail
	}
	done := "scored"
	if out.explain {
		done = "explained"
	}
	e.log.Info(done, "model", m.ID(), "cases", out.n, "refused", out.refused)
	if out.n == 0 {
		// A truncated or empty file would otherwise pass for a clean run.
		e.log.Error("no cases in the input, so none was "+done, "model", m.ID(),
			"input", inputName(path))
		return exitRefused
	}
	if out.refused > 0 {
		e.log.Error("some cases were refused; their lines hold the reasons", "model", m.ID(),
			"refused", out.refused, "of", out.n)
		return exitRefused
	}
	return exitOK
}

// caseReader reads every case from in and writes one record per case to out. It
// returns an error only when reading or writing cannot go on.
type caseReader func(m *scoring.Model, in io.Reader, out *recordWriter) error

// reader picks the case reader for -format, or for the file's extension when -format
// is empty.
func reader(format, path string) (caseReader, error) {
	if format == "" {
		format = "jsonl"
		if strings.EqualFold(filepath.Ext(path), ".csv") {
			format = "csv"
		}
	}
	switch format {
	case "jsonl":
		return scoreJSONL, nil
	case "csv":
		return scoreCSV, nil
	}
	return nil, fmt.Errorf("-format %q: want jsonl or csv", format)
}

// openInput opens the file at path, or returns stdin for "" and "-".
func openInput(path string, stdin io.Reader) (io.ReadCloser, error) {
	if path == "" || path == "-" {
		return io.NopCloser(stdin), nil
	}
	return os.Open(path)
}

// inputName names the input at path for messages: the file, or standard input for
// "" and "-".
func inputName(path string) string {
	if path == "" || path == "-" {
		return "standard input"
	}
	return path
}

// recordWriter writes records as JSON lines and counts them. With explain set, a
// case's line is its scoring.ExplainRecord instead of its scoring.Record. A case
// with a date input (dates) after today is refused.
type recordWriter struct {
	w          *bufio.Writer
	n, refused int
	explain    bool
	today      string   // YYYY-MM-DD
	dates      []string // the model's date inputs
}

// result computes one decoded case's line: its Record or its ExplainRecord.
func (o *recordWriter) result(m *scoring.Model, id string, c scoring.Case) any {
	if err := o.futureDates(c); err != nil {
		r := scoring.ErrorRecord(m.ID(), id, err)
		if o.explain {
			return scoring.ExplainRecord{Record: r}
		}
		return r
	}
	if o.explain {
		return scoring.ExplainCase(m, id, c)
	}
	return scoring.ScoreRecord(m, id, c)
}

// dateInputs returns the ids of the model's date inputs.
func dateInputs(m *scoring.Model) []string {
	var out []string
	for _, p := range m.Definition().Predictors {
		if p.Type == scoring.TypeDate {
			out = append(out, p.ID)
		}
	}
	return out
}

// futureDates refuses the case's dates after o.today: no birth, conviction or
// assessment lies in the future. The engine has no clock, so the command checks this,
// as the page does. A value that is not a date is left to the engine to refuse; an
// empty o.today checks nothing.
func (o *recordWriter) futureDates(c scoring.Case) error {
	var errs scoring.InputErrors
	for _, id := range o.dates {
		v := strings.TrimSpace(c[id]) // as the engine reads it
		if _, err := time.Parse(time.DateOnly, v); err != nil || o.today == "" || v <= o.today {
			continue
		}
		errs = append(errs, &scoring.InputError{Predictor: id, Value: c[id],
			Err: fmt.Errorf("%w: after today, %s", scoring.ErrOutOfRange, o.today)})
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// write writes one line, a scoring.Record or scoring.ExplainRecord. A line that
// cannot be encoded (a non-finite number) is replaced by an error record for the
// same case.
func (o *recordWriter) write(v any) error {
	r, ok := v.(scoring.Record)
	if x, isExplain := v.(scoring.ExplainRecord); isExplain {
		r, ok = x.Record, true
	}
	if !ok {
		return fmt.Errorf("internal error: cannot write a %T", v)
	}
	line, err := encodeLine(v)
	if err != nil {
		r = scoring.ErrorRecord(r.Model, r.ID, fmt.Errorf("encode result: %w", err))
		line, _ = encodeLine(r) // an error record holds only strings
	}
	o.n++
	if r.Error != "" {
		o.refused++
	}
	_, err = o.w.Write(line)
	return err
}

// encodeLine encodes v as one JSON line, without HTML escaping (as package wasm does).
func encodeLine(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return buf.Bytes(), err
}
