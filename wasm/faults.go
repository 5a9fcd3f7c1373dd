package wasm

import (
	"errors"
	"math"
	"strconv"
	"strings"
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
	a.demo.mu.Lock()
	a.demo.pop, a.demo.run = nil, nil
	a.demo.mu.Unlock()
	return []byte(`{"cleared":true}`)
}

// keepPopulation stores p, dropping any run over the previous population, and
// describes it.
func (a *API) keepPopulation(p *scoring.Population, spec *scoring.PopulationSpec) []byte {
	a.demo.mu.Lock()
	a.demo.pop, a.demo.run = p, nil
	a.demo.mu.Unlock()
	w := &jsonWriter{}
	w.open('{')
	w.field("format", p.Format)
	w.key("synthetic")
	w.bool(p.Synthetic)
	w.intField("cases", len(p.Cases))
	writeRowErrors(w, "bad", p.Bad)
	if spec != nil {
		w.key("spec")
		writeSpec(w, spec)
	}
	w.close('}')
	return w.b
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
	w := &jsonWriter{}
	w.open('[')
	for _, x := range xs {
		w.open('{')
		w.key("fault")
		writeFault(w, x.Fault)
		if x.Input != "" {
			w.field("input", x.Input)
		}
		w.field("a_label", x.ALabel)
		w.field("b_label", x.BLabel)
		w.close('}')
	}
	w.close(']')
	return w.b
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
	d := &a.demo
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
	d := &a.demo
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

// FaultResult answers what the run has counted (see writeSummary).
func (a *API) FaultResult() (out []byte) {
	defer recoverInto(&out, errorObject, "")
	d := &a.demo
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.run == nil {
		return errorObject("", errNoRun)
	}
	w := &jsonWriter{}
	w.open('{')
	w.field("model", d.model)
	w.field("faulty_model", d.faulty)
	w.key("fault")
	writeFault(w, d.fault)
	w.key("min_move_points")
	w.num(d.minMove)
	w.key("done")
	w.bool(d.run.Done())
	w.field("format", d.pop.Format)
	w.key("synthetic")
	w.bool(d.pop.Synthetic)
	w.key("model_synthetic")
	w.bool(d.fake)
	writeRowErrors(w, "bad", d.pop.Bad)
	writeSummary(w, d.run.Summary())
	w.close('}')
	return w.b
}

// writeSummary writes the members of a scoring.FaultSummary, named as its JSON tags
// name them, into the open object.
func writeSummary(w *jsonWriter, s scoring.FaultSummary) {
	w.intField("cases", s.Cases)
	w.intField("scored", s.Scored)
	w.intField("refused", s.Refused)
	w.key("min_move")
	w.num(s.MinMove)
	w.key("horizons")
	w.open('[')
	for _, h := range s.Horizons {
		w.open('{')
		w.field("horizon", h.Horizon)
		if h.BandChanges != nil {
			w.intField("band_changes", *h.BandChanges)
		}
		w.intField("moved", h.Moved)
		w.close('}')
	}
	w.close(']')
	w.key("moved")
	w.open('[')
	for _, mc := range s.Moved {
		writeMoved(w, mc)
	}
	w.close(']')
	w.key("refusals")
	w.open('[')
	for _, r := range s.Refusals {
		w.open('{')
		w.intField("index", r.Index)
		w.intField("row", r.Row)
		w.field("id", r.ID)
		w.field("error", r.Error)
		w.close('}')
	}
	w.close(']')
}

// writeMoved writes one moved case.
func writeMoved(w *jsonWriter, mc scoring.MovedCase) {
	w.open('{')
	w.intField("index", mc.Index)
	w.intField("row", mc.Row)
	w.field("id", mc.ID)
	w.field("horizon", mc.Horizon)
	w.key("before")
	w.num(mc.Before)
	w.key("after")
	w.num(mc.After)
	w.key("change")
	w.num(mc.Change)
	if mc.BandBefore != "" || mc.BandAfter != "" {
		w.field("band_before", mc.BandBefore)
		w.field("band_after", mc.BandAfter)
	}
	w.close('}')
}

// writeRowErrors writes the member k: a list of records left out.
func writeRowErrors(w *jsonWriter, k string, rows []scoring.RowError) {
	w.key(k)
	w.open('[')
	for _, r := range rows {
		w.open('{')
		w.intField("row", r.Row)
		w.intField("line", r.Line)
		w.field("id", r.ID)
		w.field("message", r.Message)
		w.close('}')
	}
	w.close(']')
}

// writeFault writes a scoring.Fault with the members its kind uses.
func writeFault(w *jsonWriter, f scoring.Fault) {
	w.open('{')
	w.field("kind", f.Kind)
	switch f.Kind {
	case scoring.FaultSwapLevels:
		w.field("predictor", f.Predictor)
		w.field("a", f.A)
		w.field("b", f.B)
	case scoring.FaultReplaceValue:
		w.field("path", f.Path)
		w.key("value")
		w.num(f.Value)
	case scoring.FaultSwapModel:
		w.field("model", f.Model)
	}
	w.close('}')
}

// writeSpec writes a population spec: its id, note and distributions.
func writeSpec(w *jsonWriter, s *scoring.PopulationSpec) {
	w.open('{')
	w.field("id", s.ID)
	w.field("note", s.Note)
	w.key("distributions")
	w.open('[')
	for _, d := range s.Distributions {
		w.open('{')
		w.field("name", d.Name)
		w.field("unit", d.Unit)
		w.field("source", d.Source)
		w.key("assumption")
		w.bool(d.Assumption)
		w.field("note", d.Note)
		w.key("values")
		w.open('[')
		shares := d.Shares()
		for i, l := range d.Levels {
			writeWeight(w, l.ID, l.Weight, shares[i])
		}
		for i, b := range d.Bands {
			writeWeight(w, bandText(b), b.Weight, shares[len(d.Levels)+i])
		}
		w.close(']')
		w.close('}')
	}
	w.close(']')
	w.close('}')
}

// writeWeight writes {"value", "weight", "share"}.
func writeWeight(w *jsonWriter, value string, weight, share float64) {
	w.open('{')
	w.field("value", value)
	w.key("weight")
	w.num(weight)
	w.key("share")
	w.num(share)
	w.close('}')
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
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, errors.New(field + " " + strconv.Quote(s) +
			": not a number (write it with a decimal point, such as 0.512)")
	}
	return f, nil
}
