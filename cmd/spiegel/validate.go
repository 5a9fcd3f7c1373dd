package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"spiegel/scoring"
)

// validateFlags are the flags of `spiegel validate`.
type validateFlags struct {
	model, params, pin, in, horizon   string
	time, event, outcome, by, columns string
	compare, recalibrate, date, id    string
	quintiles, slope                  bool
}

// runValidate is `spiegel validate`: it validates a model on a CSV of cases with
// their observed outcomes and prints one JSON object (scoring.Validation, or
// scoring.Comparison with -compare). With -recalibrate it also writes a recalibrated
// definition and its golden cases. Refused rows are listed in the output, not fatal.
func runValidate(e *env, args []string) int {
	f, code, ok := parseValidateFlags(e, args)
	if !ok {
		return code
	}
	m, code, ok := builtinModel(e, f.model, f.params, f.pin)
	if !ok {
		return code
	}
	opt, spec, err := f.options(m)
	if err != nil {
		e.log.Error("validate", "err", err)
		return exitUsage
	}
	c, err := readCohortFile(f.in, e.stdin, spec)
	if err != nil {
		e.log.Error("read data", "file", f.in, "err", err)
		return exitFail
	}
	if f.compare != "" {
		return compareModels(e, f, m, c, opt)
	}
	return validateModel(e, f, m, c, opt)
}

// parseValidateFlags parses the flags and checks the ones that go together.
func parseValidateFlags(e *env, args []string) (*validateFlags, int, bool) {
	f := &validateFlags{}
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.StringVar(&f.model, "model", "", "model `id` (see spiegel models)")
	fs.StringVar(&f.params, "params", "", "bind the verified parameter `file` (OxRec-NL)")
	fs.StringVar(&f.pin, "pin", "", "refuse a parameter file whose SHA-256 is not `hex`")
	fs.StringVar(&f.in, "in", "", "read the cases from the CSV `file` (- for standard input)")
	fs.StringVar(&f.horizon, "horizon", "", "horizon: its length in the model's unit, or its label")
	fs.StringVar(&f.time, "time", "", "`column` of the follow-up time, in the horizon's unit")
	fs.StringVar(&f.event, "event", "", "`column` of the event indicator, 1 or 0")
	fs.StringVar(&f.outcome, "outcome", "", "`column` of the binary outcome at the horizon, "+
		"or H=COLUMN,... for several horizons")
	fs.StringVar(&f.by, "by", "", "also report the measures per level of this `column`")
	fs.BoolVar(&f.quintiles, "quintiles", false, "cut the -by column, a number, into fifths")
	fs.StringVar(&f.columns, "map", "", "read inputs from other columns: `input=column,...`")
	fs.StringVar(&f.compare, "compare", "", "validate this second model `id` on the same rows")
	fs.StringVar(&f.recalibrate, "recalibrate", "", "write a recalibrated definition to `file`"+
		" and its golden cases beside it (.golden.json)")
	fs.StringVar(&f.date, "date", "", "date of the recalibration, `YYYY-MM-DD`, "+
		"not after today")
	fs.StringVar(&f.id, "id", "", "`id` of the recalibrated model (default MODEL-recal-YYYYMMDD)")
	fs.BoolVar(&f.slope, "slope", false, "recalibrate the slope as well as the baseline")
	if code, ok := parseFlags(e, fs, args); !ok {
		return nil, code, false
	}
	if err := f.check(); err != nil {
		e.log.Error("validate", "err", err)
		return nil, exitUsage, false
	}
	return f, exitOK, true
}

// check refuses missing and conflicting flags.
func (f *validateFlags) check() error {
	switch {
	case f.in == "" || f.horizon == "":
		return errors.New("-in and -horizon are required")
	case (f.time != "" || f.event != "") && f.outcome != "":
		return errors.New("give -time and -event, or -outcome, not both")
	case f.outcome == "" && (f.time == "" || f.event == ""):
		return errors.New("give -time and -event for follow-up data, or -outcome")
	case f.quintiles && f.by == "":
		return errors.New("-quintiles needs -by")
	case f.recalibrate != "" && f.compare != "":
		return errors.New("-recalibrate and -compare cannot be combined")
	case f.recalibrate == "" && (f.date != "" || f.id != "" || f.slope):
		return errors.New("-date, -id and -slope go with -recalibrate")
	case f.recalibrate != "" && f.date == "":
		return errors.New("-recalibrate needs -date YYYY-MM-DD")
	case f.date != "":
		return checkDate(f.date, time.Now().Format(time.DateOnly))
	}
	return nil
}

// checkDate refuses a -date that is not a calendar date written YYYY-MM-DD, or that
// is after today (YYYY-MM-DD): a recalibration is dated the day it is done, and the
// engine, which has no clock, cannot tell.
func checkDate(date, today string) error {
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return fmt.Errorf("-date %q: want a calendar date YYYY-MM-DD", date)
	}
	if date > today {
		return fmt.Errorf("-date %q: after today, %s", date, today)
	}
	return nil
}

// options turns the flags into the validation options and the cohort spec for m.
func (f *validateFlags) options(m *scoring.Model) (scoring.ValidationOptions,
	scoring.CohortSpec, error) {
	length, err := horizonLength(m, f.horizon)
	if err != nil {
		return scoring.ValidationOptions{}, scoring.CohortSpec{}, err
	}
	opt := scoring.ValidationOptions{Horizon: length, By: f.by, Quintiles: f.quintiles}
	spec := scoring.CohortSpec{Time: f.time, Event: f.event}
	if spec.Columns, err = pairs(f.columns, "-map"); err != nil {
		return opt, spec, err
	}
	if f.outcome != "" {
		spec.Outcomes, err = outcomeColumns(m, f.outcome, length)
	}
	return opt, spec, err
}

// horizonLength reads -horizon as a length or as the label of one of m's horizons.
func horizonLength(m *scoring.Model, s string) (float64, error) {
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return x, nil
	}
	var labels []string
	for _, h := range m.Definition().Horizons {
		if h.Label == s {
			return h.Length, nil
		}
		labels = append(labels, h.Label)
	}
	return 0, fmt.Errorf("-horizon %q: not a number nor one of %s", s, strings.Join(labels, ", "))
}

// outcomeColumns reads -outcome: one column for the chosen horizon, or H=COLUMN pairs
// where H is a horizon length or label.
func outcomeColumns(m *scoring.Model, s string, length float64) (map[float64]string, error) {
	if !strings.Contains(s, "=") {
		return map[float64]string{length: s}, nil
	}
	byKey, err := pairs(s, "-outcome")
	if err != nil {
		return nil, err
	}
	out := map[float64]string{}
	for key, col := range byKey {
		l, err := horizonLength(m, key)
		if err != nil {
			return nil, fmt.Errorf("-outcome: %w", err)
		}
		out[l] = col
	}
	return out, nil
}

// pairs reads a list of key=value pairs separated by commas.
func pairs(s, flagName string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	out := map[string]string{}
	for _, p := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(p, "=")
		if k, v = strings.TrimSpace(k), strings.TrimSpace(v); !ok || k == "" || v == "" {
			return nil, fmt.Errorf("%s %q: want key=value pairs separated by commas", flagName, p)
		}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("%s: %q is given twice", flagName, k)
		}
		out[k] = v
	}
	return out, nil
}

// readCohortFile reads the validation data from a file, or from stdin for "-".
func readCohortFile(path string, stdin io.Reader,
	spec scoring.CohortSpec) (*scoring.Cohort, error) {
	in, err := openInput(path, stdin)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	return scoring.ReadCohort(in, spec)
}

// validateModel validates one model, recalibrates it when asked, and prints the result.
func validateModel(e *env, f *validateFlags, m *scoring.Model, c *scoring.Cohort,
	opt scoring.ValidationOptions) int {
	v, err := scoring.Validate(m, c, opt)
	if err != nil {
		e.log.Error("validate", "model", m.ID(), "err", err)
		return exitFail
	}
	out := validateOutput{File: f.in, Validation: v}
	if f.recalibrate != "" {
		if out.Recalibration, err = recalibrate(f, m, c, opt); err != nil {
			e.log.Error("recalibrate", "model", m.ID(), "err", err)
			return exitFail
		}
		e.log.Info("recalibrated", "model", out.Recalibration.Model, "file", f.recalibrate,
			"golden", out.Recalibration.GoldenFile)
	}
	e.log.Info("validated", "model", m.ID(), "horizon", v.Horizon, "rows", v.Data.Rows,
		"used", v.Data.Used, "refused", v.Data.Bad)
	return printJSON(e, out)
}

// validateOutput is the printed result of a validation: the file read, the
// validation, and the recalibration when one was asked for.
type validateOutput struct {
	File string `json:"file"`
	*scoring.Validation
	Recalibration *recalibrationOutput `json:"recalibration,omitempty"`
}

// recalibrationOutput is what a recalibration wrote and how the new model does on
// the same data at the same horizon.
type recalibrationOutput struct {
	scoring.RecalibrationSummary
	File       string           `json:"file"`
	GoldenFile string           `json:"golden_file"`
	Validation scoring.Measures `json:"validation"`
	// ParamsFile and ParamsSHA256 name the new parameter file written for a variant
	// bound to one (-params), see scoring.RecalibratedParams.
	ParamsFile   string `json:"params_file,omitempty"`
	ParamsSHA256 string `json:"params_sha256,omitempty"`
}

// recalibrate recalibrates m, writes the definition and its golden cases (and, for a
// variant bound to a parameter file, the group's new parameter file, NAME.params.json),
// and validates the new model on the same data. It refuses to overwrite a file.
func recalibrate(f *validateFlags, m *scoring.Model, c *scoring.Cohort,
	opt scoring.ValidationOptions) (*recalibrationOutput, error) {
	id := f.id
	if id == "" {
		id = m.ID() + "-recal-" + strings.ReplaceAll(f.date, "-", "")
	}
	r, err := scoring.Recalibrate(m, c, scoring.RecalibrationOptions{ID: id, Date: f.date,
		Horizon: opt.Horizon, Slope: f.slope})
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(f.recalibrate, ".json")
	out := &recalibrationOutput{RecalibrationSummary: r.Summary, File: f.recalibrate,
		GoldenFile: base + ".golden.json"}
	files := map[string][]byte{f.recalibrate: r.Document, out.GoldenFile: r.Golden}
	if m.ParamsSHA256() != "" {
		cat, err := scoring.Builtin()
		if err != nil {
			return nil, err
		}
		doc, set, err := scoring.RecalibratedParams(cat, r)
		if err != nil {
			return nil, err
		}
		out.ParamsFile, out.ParamsSHA256 = base+".params.json", set.SHA256
		files[out.ParamsFile] = doc
	}
	if err := writeAllNew(files); err != nil {
		return nil, err
	}
	v, err := scoring.Validate(r.Model, c, opt)
	if err != nil {
		return nil, fmt.Errorf("validate the recalibrated model: %w", err)
	}
	out.Validation = v.Measures
	return out, nil
}

// writeAllNew writes each file, in name order, after checking that none exists yet.
func writeAllNew(files map[string][]byte) error {
	names := slices.Sorted(maps.Keys(files))
	for _, path := range names {
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("%s exists: choose another name or remove it", path)
		}
	}
	for _, path := range names {
		if err := writeNew(path, files[path]); err != nil {
			return err
		}
	}
	return nil
}

// writeNew writes data to a file that must not exist yet.
func writeNew(path string, data []byte) error {
	file, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := file.Write(data); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// compareModels validates m and the -compare model side by side on the same rows.
func compareModels(e *env, f *validateFlags, m *scoring.Model, c *scoring.Cohort,
	opt scoring.ValidationOptions) int {
	other, code, ok := builtinModel(e, f.compare, f.params, f.pin)
	if !ok {
		return code
	}
	cmp, err := scoring.Compare([]*scoring.Model{m, other}, c, opt)
	if err != nil {
		e.log.Error("compare", "models", m.ID()+","+other.ID(), "err", err)
		return exitFail
	}
	e.log.Info("compared", "models", m.ID()+","+other.ID(), "rows", cmp.Data.Rows,
		"used", cmp.Data.Used, "refused", cmp.Data.Bad)
	return printJSON(e, struct {
		File string `json:"file"`
		*scoring.Comparison
	}{f.in, cmp})
}

// printJSON writes v as one JSON line to standard output.
func printJSON(e *env, v any) int {
	line, err := encodeLine(v)
	if err == nil {
		_, err = e.stdout.Write(line)
	}
	if err != nil {
		e.log.Error("write result", "err", err)
		return exitFail
	}
	return exitOK
}
