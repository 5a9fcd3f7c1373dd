package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"spiegel/scoring"
)

// faultReport is what `spiegel faults` prints: the models and fault compared, the
// population's records left out, and the engine's scoring.FaultSummary. Its members
// are named as the page's window.spiegel.faultResult() names them.
type faultReport struct {
	Model         string        `json:"model"`
	FaultyModel   string        `json:"faulty_model"`
	Fault         scoring.Fault `json:"fault"`
	MinMovePoints float64       `json:"min_move_points"`
	Format        string        `json:"format"`
	Synthetic     bool          `json:"synthetic"`
	// ModelSynthetic marks results computed with synthetic numbers (not a real
	// instrument), in either model.
	ModelSynthetic bool               `json:"model_synthetic"`
	Bad            []scoring.RowError `json:"bad"`
	scoring.FaultSummary
}

// faultFlags are the flags of `spiegel faults`.
type faultFlags struct {
	model, in, format, params, pin string
	swap, replace, swapModel       string
	minMove                        float64
	synthetic                      int
	seed                           uint64
	numbers                        bool
	syntheticSet                   bool // -synthetic was given, even as 0
	seedSet                        bool // -seed was given
}

// runFaults is `spiegel faults`: it shows, over a population, what one fault does
// to a model's results, with the same engine function as the page.
func runFaults(e *env, args []string) int {
	fs := flag.NewFlagSet("faults", flag.ContinueOnError)
	var f faultFlags
	fs.StringVar(&f.model, "model", "", "model `id` (see spiegel models)")
	fs.StringVar(&f.in, "in", "", "read the population from `file` (- for standard input)")
	fs.StringVar(&f.format, "format", "", "population format, csv, jsonl or json "+
		"(default: guessed from the first character)")
	fs.IntVar(&f.synthetic, "synthetic", 0, "instead of -in, draw `n` fictional cases (1 to "+
		strconv.Itoa(scoring.MaxPopulation)+")")
	fs.Uint64Var(&f.seed, "seed", 1, "seed of the synthetic population")
	fs.StringVar(&f.swap, "swap", "", "exchange two levels' tables: `input=a,b` (sex=male,female)")
	fs.StringVar(&f.replace, "replace", "", "replace one number: `path=value` (see -numbers)")
	fs.StringVar(&f.swapModel, "swap-model", "", "compute with model `id` instead")
	fs.Float64Var(&f.minMove, "min-move", 5, "count moves larger than `pp` percentage points")
	fs.StringVar(&f.params, "params", "", "bind the verified parameter `file` (OxRec-NL)")
	fs.StringVar(&f.pin, "pin", "", "refuse a parameter file whose SHA-256 is not `hex`")
	fs.BoolVar(&f.numbers, "numbers", false, "list the model's numbers and their paths, then stop")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	f.syntheticSet, f.seedSet = given(fs, "synthetic"), given(fs, "seed")
	cat, m, code, ok := faultModel(e, f)
	if !ok {
		return code
	}
	if f.numbers {
		return writeJSON(e, m.Numbers())
	}
	fault, err := f.fault()
	if err != nil {
		e.log.Error("choose the fault", "err", err)
		return exitUsage
	}
	faulty, err := m.WithFault(fault, cat)
	if err == nil && !faulty.Computable() {
		err = errors.New("model " + faulty.ID() + " cannot compute without -params")
	}
	if err != nil {
		e.log.Error("apply the fault", "err", err)
		return exitUsage
	}
	if !(f.minMove >= 0) || f.minMove > 100 {
		e.log.Error("-min-move must be from 0 to 100", "value", f.minMove)
		return exitUsage
	}
	if err := f.checkSource(); err != nil {
		e.log.Error("choose the population", "err", err)
		return exitUsage
	}
	pop, err := f.population(e, m)
	if err != nil {
		e.log.Error("read the population", "err", err)
		return exitFail
	}
	e.log.Info("faults", "model", m.ID(), "faulty", faulty.ID(), "cases", len(pop.Cases),
		"left_out", len(pop.Bad))
	r := demo(m, faulty, fault, pop, f.minMove)
	if code := writeJSON(e, r); code != exitOK {
		return code
	}
	if r.Scored == 0 {
		// Counts of nothing would read as "the fault moves nobody".
		e.log.Error("no case was scored by both models, so the counts say nothing about the "+
			"fault", "cases", r.Cases, "refused", r.Refused, "left_out", len(r.Bad))
		return exitRefused
	}
	return exitOK
}

// demo runs the fault over the population and builds the report.
func demo(m, faulty *scoring.Model, fault scoring.Fault, pop *scoring.Population,
	minMove float64) faultReport {
	run := scoring.NewFaultRun(m, faulty, pop, scoring.MinMoveFromPoints(m, minMove))
	run.Step(run.Total())
	return faultReport{Model: m.ID(), FaultyModel: faulty.ID(), Fault: fault,
		MinMovePoints: minMove, Format: pop.Format, Synthetic: pop.Synthetic,
		ModelSynthetic: m.Synthetic() || faulty.Synthetic(),
		Bad:            append([]scoring.RowError{}, pop.Bad...),
		FaultSummary:   run.Summary()}
}

// faultModel returns the catalog (bound to -params when given) and the model. The
// file is verified by builtinModel and again here, for the catalog a swapped model
// comes from; both are cheap.
func faultModel(e *env, f faultFlags) (*scoring.Catalog, *scoring.Model, int, bool) {
	m, code, ok := builtinModel(e, f.model, f.params, f.pin)
	if !ok {
		return nil, nil, code, false
	}
	cat, err := scoring.Builtin()
	if err == nil && f.params != "" {
		var set *scoring.ParamSet
		if set, err = verifyFile(cat, f.params, f.pin); err == nil {
			cat = cat.WithParams(set)
		}
	}
	if err != nil {
		e.log.Error("load models", "err", err)
		return nil, nil, exitFail, false
	}
	return cat, m, exitOK, true
}

// fault builds the fault from exactly one of -swap, -replace and -swap-model.
func (f faultFlags) fault() (scoring.Fault, error) {
	given := 0
	for _, s := range []string{f.swap, f.replace, f.swapModel} {
		if s != "" {
			given++
		}
	}
	if given != 1 {
		return scoring.Fault{}, errors.New("give exactly one of -swap, -replace and -swap-model")
	}
	switch {
	case f.swapModel != "":
		return scoring.Fault{Kind: scoring.FaultSwapModel, Model: f.swapModel}, nil
	case f.swap != "":
		input, levels, ok := strings.Cut(f.swap, "=")
		a, b, ok2 := strings.Cut(levels, ",")
		if !ok || !ok2 || input == "" || a == "" || b == "" {
			return scoring.Fault{}, errors.New("-swap " + strconv.Quote(f.swap) +
				": want input=a,b such as sex=male,female")
		}
		return scoring.Fault{Kind: scoring.FaultSwapLevels, Predictor: input, A: a, B: b}, nil
	}
	path, text, ok := strings.Cut(f.replace, "=")
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if !ok || path == "" || err != nil {
		return scoring.Fault{}, errors.New("-replace " + strconv.Quote(f.replace) +
			": want path=number such as terms[0].table[1]=0.5")
	}
	return scoring.Fault{Kind: scoring.FaultReplaceValue, Path: path, Value: v}, nil
}

// checkSource refuses a command line that does not name exactly one population,
// -in or -synthetic, asks for a number of synthetic cases outside 1 to
// scoring.MaxPopulation, or gives -seed without -synthetic.
func (f faultFlags) checkSource() error {
	switch {
	case f.in != "" && f.syntheticSet:
		return errors.New("-in and -synthetic cannot be used together: give one population")
	case f.in == "" && !f.syntheticSet:
		return errors.New("-in FILE (or -in - for standard input) or -synthetic N is required")
	case f.syntheticSet && (f.synthetic < 1 || f.synthetic > scoring.MaxPopulation):
		return fmt.Errorf("-synthetic %d: want 1 to %d cases", f.synthetic,
			scoring.MaxPopulation)
	case f.seedSet && !f.syntheticSet:
		return errors.New("-seed needs -synthetic N: it seeds the synthetic population")
	}
	return nil
}

// population reads -in, or draws -synthetic cases; checkSource has checked which.
func (f faultFlags) population(e *env, m *scoring.Model) (*scoring.Population, error) {
	if f.syntheticSet {
		return scoring.SyntheticPopulation(m, f.synthetic, f.seed)
	}
	in, err := openInput(f.in, e.stdin)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	data, err := io.ReadAll(io.LimitReader(in, scoring.MaxPopulationBytes+1))
	if err != nil {
		return nil, err
	}
	return scoring.ReadPopulation(data, f.format)
}

// writeJSON prints v as indented JSON, without HTML escaping.
func writeJSON(e *env, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		e.log.Error("write", "err", err)
		return exitFail
	}
	return exitOK
}
