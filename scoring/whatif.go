package scoring

// WhatIfRecord compares a case with a changed copy of it, both computed by one model,
// for the what-if view and for trainers: Before and After are the two records (an
// error record where a case is refused), Changed the inputs whose values differ, in
// definition order. When both are scored, DifferencePP[h] is 100 × (P_after − P_before)
// for each horizon label h, in percentage points, and BandChanged[h] says whether the
// risk category differs ("total" for an instrument's total).
type WhatIfRecord struct {
	Model        string             `json:"model"`
	Before       Record             `json:"before"`
	After        Record             `json:"after"`
	Changed      []string           `json:"changed"`
	DifferencePP map[string]float64 `json:"difference_pp,omitempty"`
	BandChanged  map[string]bool    `json:"band_changed,omitempty"`
}

// WhatIf scores before and after with m and compares them.
func WhatIf(m *Model, before, after Case) WhatIfRecord {
	r := WhatIfRecord{Model: m.ID(), Before: ScoreRecord(m, "before", before),
		After: ScoreRecord(m, "after", after), Changed: []string{}}
	for _, p := range m.def.Predictors {
		if before[p.ID] != after[p.ID] {
			r.Changed = append(r.Changed, p.ID)
		}
	}
	if r.Before.Error != "" || r.After.Error != "" {
		return r
	}
	r.DifferencePP = make(map[string]float64, len(r.After.Probabilities))
	for h, pa := range r.After.Probabilities {
		r.DifferencePP[h] = 100 * (pa - r.Before.Probabilities[h])
	}
	r.BandChanged = map[string]bool{}
	for h, ba := range r.After.Bands {
		r.BandChanged[h] = ba.ID != r.Before.Bands[h].ID
	}
	if len(r.BandChanged) == 0 {
		r.BandChanged = nil
	}
	return r
}
