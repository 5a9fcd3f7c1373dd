package scoring

import "math"

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
}

// FaultHorizonCount is the count for one horizon ("total" for an instrument).
// BandChanges is nil when the model has no bands there.
type FaultHorizonCount struct {
	Horizon     string `json:"horizon"`
	BandChanges *int   `json:"band_changes,omitempty"`
	Moved       int    `json:"moved"`
}

// MovedCase is one case that changed band or moved by more than MinMove at a horizon.
type MovedCase struct {
	Index      int     `json:"index"`
	ID         string  `json:"id,omitempty"`
	Horizon    string  `json:"horizon"`
	Before     float64 `json:"before"`
	After      float64 `json:"after"`
	BandBefore string  `json:"band_before,omitempty"`
	BandAfter  string  `json:"band_after,omitempty"`
}

// FaultDemo scores every case with the correct model and the faulty one and counts
// what moved. Cases either model refuses are counted as refused and left out. ids,
// when not nil, names the cases in the moved list.
func FaultDemo(correct, faulty *Model, cases []Case, ids []string, minMove float64) FaultSummary {
	s := FaultSummary{Cases: len(cases), MinMove: minMove}
	labels := resultLabels(correct)
	counts := make([]FaultHorizonCount, len(labels))
	for i, l := range labels {
		counts[i].Horizon = l
	}
	var eb, ea evaluator
	for i, c := range cases {
		before, okB := correct.evaluate(c, &eb)
		after, okA := faulty.evaluate(c, &ea)
		if !okB || !okA {
			s.Refused++
			continue
		}
		s.Scored++
		id := ""
		if ids != nil {
			id = ids[i]
		}
		compareResults(i, id, before, after, minMove, counts, &s.Moved)
	}
	s.Horizons = counts
	return s
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

// compareResults adds one case's differences to the counts and the moved list.
func compareResults(i int, id string, b, a []outcome, minMove float64,
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
			*moved = append(*moved, MovedCase{Index: i, ID: id, Horizon: counts[h].Horizon,
				Before: b[h].value, After: a[h].value, BandBefore: b[h].band, BandAfter: a[h].band})
		}
	}
}
