package scoring

import (
	"errors"
	"math"
)

// FaultSummary counts, over a population of cases, how a fault moves results: per
// horizon, how many cases change band and how many move by more than MinMove (an
// absolute difference of probability, or of points for an instrument).
type FaultSummary struct {
	Cases    int                 `json:"cases"`
	Scored   int                 `json:"scored"`
	Refused  int                 `json:"refused"`
	MinMove  float64             `json:"min_move"`
	Horizons []FaultHorizonCount `json:"horizons"`
	Moved    []MovedCase         `json:"moved"`
	// Refusals names each refused case and the reason, in population order.
	Refusals []Refusal `json:"refusals,omitempty"`
}

// FaultHorizonCount is the count for one horizon ("total" for an instrument).
// BandChanges is nil when the model has no bands there.
type FaultHorizonCount struct {
	Horizon     string `json:"horizon"`
	BandChanges *int   `json:"band_changes,omitempty"`
	Moved       int    `json:"moved"`
}

// MovedCase is one case that changed band or moved by more than MinMove at a horizon.
// Row is its record number in the population's source, when known.
type MovedCase struct {
	Index      int     `json:"index"`
	Row        int     `json:"row,omitempty"`
	ID         string  `json:"id,omitempty"`
	Horizon    string  `json:"horizon"`
	Before     float64 `json:"before"`
	After      float64 `json:"after"`
	Change     float64 `json:"change"` // After − Before
	BandBefore string  `json:"band_before,omitempty"`
	BandAfter  string  `json:"band_after,omitempty"`
}

// Refusal is a case of a fault demonstration that the correct or the faulty model
// refused, with the first model's reason: in words (Error) and field by field with
// codes (Errors), as a Record gives them.
type Refusal struct {
	Index  int          `json:"index"`
	Row    int          `json:"row,omitempty"`
	ID     string       `json:"id,omitempty"`
	Error  string       `json:"error"`
	Errors []FieldError `json:"errors,omitempty"`
}

// FaultDemo scores every case with the correct model and the faulty one and counts
// what moved. Cases either model refuses are counted as refused and left out. ids,
// when not nil, names the cases in the moved list.
func FaultDemo(correct, faulty *Model, cases []Case, ids []string, minMove float64) FaultSummary {
	r := NewFaultRun(correct, faulty, &Population{Cases: cases, IDs: ids}, minMove)
	r.Step(len(cases))
	return r.Summary()
}

// FaultRun is a fault demonstration done in steps, so that a page can show its
// progress: Step scores the next cases, Summary reports what has been counted.
// Run to the end, it gives exactly FaultDemo's summary.
type FaultRun struct {
	correct, faulty *Model
	pop             *Population
	next            int
	sum             FaultSummary
	eb, ea          evaluator // scratch space, reused from case to case
}

// NewFaultRun prepares a demonstration of faulty against correct over the
// population, counting moves larger than minMove.
func NewFaultRun(correct, faulty *Model, pop *Population, minMove float64) *FaultRun {
	labels := resultLabels(correct)
	counts := make([]FaultHorizonCount, len(labels))
	for i, l := range labels {
		counts[i].Horizon = l
	}
	return &FaultRun{correct: correct, faulty: faulty, pop: pop,
		sum: FaultSummary{Cases: len(pop.Cases), MinMove: minMove, Horizons: counts}}
}

// Step scores up to n more cases and returns how many have been scored or refused
// so far, out of Total.
func (r *FaultRun) Step(n int) int {
	for end := min(r.next+max(n, 0), len(r.pop.Cases)); r.next < end; r.next++ {
		r.one(r.next)
	}
	return r.next
}

// Total is the number of cases in the run.
func (r *FaultRun) Total() int { return len(r.pop.Cases) }

// Done reports whether every case has been scored.
func (r *FaultRun) Done() bool { return r.next == len(r.pop.Cases) }

// Summary returns what has been counted so far; the moved list is shared with the
// run, which only appends to it.
func (r *FaultRun) Summary() FaultSummary { return r.sum }

// one scores case i with both models and counts it. The numbers come from evaluate,
// which allocates nothing; only a refused case is run through Predict, for the reason.
func (r *FaultRun) one(i int) {
	c := r.pop.Cases[i]
	id, row := r.where(i)
	before, okB := r.correct.evaluate(c, &r.eb)
	after, okA := r.faulty.evaluate(c, &r.ea)
	if !okB || !okA {
		r.sum.Refused++
		err := r.refusal(c)
		r.sum.Refusals = append(r.sum.Refusals, Refusal{Index: i, Row: row, ID: id,
			Error: err.Error(), Errors: ErrorRecord("", "", err).Errors})
		return
	}
	r.sum.Scored++
	compareResults(MovedCase{Index: i, Row: row, ID: id}, before, after, r.sum.MinMove,
		r.sum.Horizons, &r.sum.Moved)
}

// refusal is why the correct model, or else the faulty one, refuses c.
func (r *FaultRun) refusal(c Case) error {
	_, errB := r.correct.Predict(modelInputs(r.correct, c))
	_, errA := r.faulty.Predict(modelInputs(r.faulty, c))
	if err := firstError(errB, errA); err != nil {
		return err
	}
	return errors.New("refused") // evaluate refuses exactly where Predict does
}

// where returns case i's id and record number, when the population has them.
func (r *FaultRun) where(i int) (string, int) {
	id, row := "", 0
	if r.pop.IDs != nil {
		id = r.pop.IDs[i]
	}
	if r.pop.Rows != nil {
		row = r.pop.Rows[i]
	}
	return id, row
}

// firstError returns the first non-nil error.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// MinMoveFromPoints converts a minimum move given in percentage points to the
// scale of the model's results: a probability for a model with horizons, points
// (unchanged) for an instrument.
func MinMoveFromPoints(m *Model, pp float64) float64 {
	if m.def.Family == FamilyPoints {
		return pp
	}
	return pp / 100
}

// resultLabels names the results of a model: its horizons, or "total".
func resultLabels(m *Model) []string {
	if m.def.Family == FamilyPoints {
		return []string{"total"}
	}
	out := make([]string, len(m.def.Horizons))
	for i, h := range m.def.Horizons {
		out[i] = h.Label
	}
	return out
}

// outcome is one result of a prediction: a value and its band id.
type outcome struct {
	value float64
	band  string
	bands bool
}

// outcomes lists a prediction's results in resultLabels order.
func outcomes(p *Prediction) []outcome {
	if p.Horizons == nil {
		return []outcome{bandOutcome(p.LinearPredictor, p.Band)}
	}
	out := make([]outcome, len(p.Horizons))
	for i, h := range p.Horizons {
		out[i] = bandOutcome(h.Probability, h.Band)
	}
	return out
}

// bandOutcome pairs a value with its band.
func bandOutcome(v float64, b *BandResult) outcome {
	if b == nil {
		return outcome{value: v}
	}
	return outcome{value: v, band: b.ID, bands: true}
}

// compareResults adds one case's differences to the counts and the moved list; at
// names the case.
func compareResults(at MovedCase, b, a []outcome, minMove float64,
	counts []FaultHorizonCount, moved *[]MovedCase) {
	for h := range counts {
		if h >= len(a) {
			break
		}
		changed := b[h].bands && a[h].bands && b[h].band != a[h].band
		if b[h].bands && a[h].bands {
			if counts[h].BandChanges == nil {
				counts[h].BandChanges = new(int)
			}
			if changed {
				*counts[h].BandChanges++
			}
		}
		far := math.Abs(a[h].value-b[h].value) > minMove
		if far {
			counts[h].Moved++
		}
		if far || changed {
			mc := at
			mc.Horizon, mc.Before, mc.After = counts[h].Horizon, b[h].value, a[h].value
			mc.Change = a[h].value - b[h].value
			mc.BandBefore, mc.BandAfter = b[h].band, a[h].band
			*moved = append(*moved, mc)
		}
	}
}
