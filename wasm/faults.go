package wasm

import (
	"errors"
	"math"
	"strconv"
	"sync"

	"spiegel/scoring"
)

// demoState is the fault demonstration's state between calls: the population
// loaded or drawn, and the run in progress. The population stays in the engine's
// memory, never in the page's storage, and goes with the page.
type demoState struct {
	mu      sync.Mutex
	pop     *scoring.Population
	run     *scoring.FaultRun
	model   string
	fault   scoring.Fault
	faulty  string
	fake    bool    // either model computes with synthetic numbers
	minMove float64 // as given, in percentage points (points for an instrument)
}

// faults returns the fault demonstration's state, made on first use.
func (a *API) faults() *demoState {
	a.demoOnce.Do(func() { a.demo = &demoState{} })
	return a.demo
}

// errNoPopulation and errNoRun report calls made out of order.
var (
	errNoPopulation = errors.New("fault demonstration: load or draw a population first")
	errNoRun        = errors.New("fault demonstration: start a run first")
)

// LoadPopulation reads a population file's text (see scoring.ReadPopulation; format
// "" guesses it) and keeps it for the next runs. The answer is the population's
// summary: format, number of cases and the records left out, with their rows.
func (a *API) LoadPopulation(data []byte, format string) (out []byte) {
	defer recoverInto(&out, errorObject, "")
	if a.err != nil {
		return errorObject("", a.err)
	}
	p, err := scoring.ReadPopulation(data, format)
	if err != nil {
		return errorObject("", err)
	}
	return a.keepPopulation(p, nil)
}

// SyntheticPopulation draws n fictional cases for model id with the seed (see
// scoring.SyntheticPopulation) and keeps them. The answer is the population's
// summary with the distributions they were drawn from.
func (a *API) SyntheticPopulation(id string, n int, seed uint64) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	m, err := a.model(id)
	if err != nil {
		return errorObject(id, err)
	}
	p, err := scoring.SyntheticPopulation(m, n, seed)
	if err != nil {
		return errorObject(id, err)
	}
	spec, _ := scoring.PopulationSpecFor(m) // found, or the draw would have failed
	return a.keepPopulation(p, spec)
}

// ClearPopulation forgets the population and any run.
func (a *API) ClearPopulation() []byte {
	d := a.faults()
	d.mu.Lock()
	d.pop, d.run = nil, nil
	d.mu.Unlock()
	return []byte(`{"cleared":true}`)
}

// keepPopulation stores p, dropping any run over the previous population, and
// describes it.
func (a *API) keepPopulation(p *scoring.Population, spec *scoring.PopulationSpec) []byte {
	d := a.faults()
	d.mu.Lock()
	d.pop, d.run = p, nil
	d.mu.Unlock()
	rep := scoring.PopulationReport{Format: p.Format, Synthetic: p.Synthetic,
		Cases: len(p.Cases), Bad: rowErrors(p.Bad)}
	if spec != nil {
		rep.Spec = specReport(spec)
	}
	res, err := scoring.PopulationReportJSON.Encode(rep)
	return orError(res, err, "")
}

// Exchanges lists the variant and table exchanges offered for model id (see
// Catalog.Exchanges): [{fault, a_label, b_label}].
func (a *API) Exchanges(id string) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	if a.err != nil {
		return errorObject(id, a.err)
	}
	xs, err := a.catalog().Exchanges(id)
	if err != nil {
		return errorObject(id, err)
	}
	if xs == nil {
		xs = []scoring.Exchange{}
	}
	res, err := scoring.SliceExchangeJSON.Encode(xs)
	return orError(res, err, id)
}

// FaultStart prepares a run of the fault over the kept population: model id against
// the model with the fault, counting moves above minMove percentage points (points
// for an instrument). Both models must be able to compute. The answer is
// {"total": cases}.
func (a *API) FaultStart(id string, f scoring.Fault, minMove float64) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	m, err := a.model(id)
	if err != nil {
		return errorObject(id, err)
	}
	if math.IsNaN(minMove) || math.IsInf(minMove, 0) || minMove < 0 {
		return errorObject(id, errors.New("minimum move "+
			strconv.FormatFloat(minMove, 'g', -1, 64)+": want a number of 0 or more"))
	}
	faulty, err := m.WithFault(f, a.catalog())
	if err != nil {
		return errorObject(id, err)
	}
	for _, x := range []*scoring.Model{m, faulty} {
		if !x.Computable() {
			return errorObject(id, errors.New("model "+x.ID()+" cannot compute: "+
				x.Definition().Parameters))
		}
	}
	d := a.faults()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.pop == nil {
		return errorObject(id, errNoPopulation)
	}
	d.run = scoring.NewFaultRun(m, faulty, d.pop, scoring.MinMoveFromPoints(m, minMove))
	d.model, d.fault, d.faulty, d.minMove = id, f, faulty.ID(), minMove
	d.fake = m.Synthetic() || faulty.Synthetic()
	return progress(d.run)
}

// FaultStep scores up to n more cases of the run and answers {"done", "total"}.
func (a *API) FaultStep(n int) (out []byte) {
	defer recoverInto(&out, errorObject, "")
	d := a.faults()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.run == nil {
		return errorObject("", errNoRun)
	}
	d.run.Step(n)
	return progress(d.run)
}

// progress is {"done": k, "total": n} for a run.
func progress(r *scoring.FaultRun) []byte {
	done := r.Step(0)
	return []byte(`{"done":` + strconv.Itoa(done) + `,"total":` + strconv.Itoa(r.Total()) + `}`)
}

// FaultResult answers what the run has counted (a scoring.FaultRunResult).
func (a *API) FaultResult() (out []byte) {
	defer recoverInto(&out, errorObject, "")
	d := a.faults()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.run == nil {
		return errorObject("", errNoRun)
	}
	res, err := scoring.FaultRunResultJSON.Encode(runResult(d))
	return orError(res, err, d.model)
}

// runResult is what the run in d has counted, every list present.
func runResult(d *demoState) scoring.FaultRunResult {
	s := d.run.Summary()
	r := scoring.FaultRunResult{Model: d.model, FaultyModel: d.faulty, Fault: d.fault,
		MinMovePoints: d.minMove, Done: d.run.Done(), Format: d.pop.Format,
		Synthetic: d.pop.Synthetic, ModelSynthetic: d.fake, Bad: rowErrors(d.pop.Bad),
		Cases: s.Cases, Scored: s.Scored, Refused: s.Refused, MinMove: s.MinMove,
		Horizons: s.Horizons, Moved: make([]scoring.MovedRow, len(s.Moved)),
		Refusals: make([]scoring.RefusalRow, len(s.Refusals))}
	if r.Horizons == nil {
		r.Horizons = []scoring.FaultHorizonCount{}
	}
	for i, m := range s.Moved {
		r.Moved[i] = scoring.MovedRow{Index: m.Index, Row: m.Row, ID: m.ID, Horizon: m.Horizon,
			Before: m.Before, After: m.After, Change: m.Change, BandBefore: m.BandBefore,
			BandAfter: m.BandAfter}
	}
	for i, x := range s.Refusals {
		r.Refusals[i] = scoring.RefusalRow{Index: x.Index, Row: x.Row, ID: x.ID, Error: x.Error,
			Errors: x.Errors}
	}
	return r
}

// rowErrors is rows, or an empty list for none.
func rowErrors(rows []scoring.RowError) []scoring.RowError {
	if rows == nil {
		return []scoring.RowError{}
	}
	return rows
}

// specReport is a population spec as the page shows it: each distribution's levels
// and bands with their weights and shares.
func specReport(s *scoring.PopulationSpec) *scoring.SpecReport {
	r := &scoring.SpecReport{ID: s.ID, Note: s.Note,
		Distributions: make([]scoring.DistributionReport, len(s.Distributions))}
	for i, d := range s.Distributions {
		shares := d.Shares()
		vs := make([]scoring.WeightShare, 0, len(d.Levels)+len(d.Bands))
		for j, l := range d.Levels {
			vs = append(vs, scoring.WeightShare{Value: l.ID, Weight: l.Weight, Share: shares[j]})
		}
		for j, b := range d.Bands {
			vs = append(vs, scoring.WeightShare{Value: bandText(b), Weight: b.Weight,
				Share: shares[len(d.Levels)+j]})
		}
		r.Distributions[i] = scoring.DistributionReport{Name: d.Name, Unit: d.Unit,
			Source: d.Source, Assumption: d.Assumption, Note: d.Note, Values: vs}
	}
	return r
}

// bandText is "lo" or "lo–hi".
func bandText(b scoring.BandWeight) string {
	if b.Lo == b.Hi {
		return strconv.Itoa(b.Lo)
	}
	return strconv.Itoa(b.Lo) + "–" + strconv.Itoa(b.Hi)
}

// parseTyped reads a number typed in the page, naming the field when it is not one.
func parseTyped(field, s string) (float64, error) {
	f, err := scoring.ParseNumber(s)
	if err != nil {
		return 0, errors.New(field + " " + strconv.Quote(scoring.Clip(s)) +
			": not a number (write it with a decimal point, such as 0.512)")
	}
	return f, nil
}
