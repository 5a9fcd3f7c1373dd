package scoring

import (
	"slices"
	"strings"
)

// WhatIfRecord compares a case with a changed copy of it, both computed by one model
// (or, in a group of variants, each by the variant the group's rule chooses for it),
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
	// AfterVariant is set when the after case was scored with another variant of the
	// model's group than the before case (see WhatIfIn): which one, and why.
	AfterVariant *VariantRecord `json:"after_variant,omitempty"`
}

// WhatIf scores before and after with m and compares them.
func WhatIf(m *Model, before, after Case) WhatIfRecord {
	return whatIf(m, m, before, after)
}

// WhatIfIn is WhatIf for a model of cat that may be a variant of a group (OxRec-NL):
// when the group's rule puts the after case in another population than m's, the
// after case is scored with that population's variant for the same outcome, as the
// page would choose it, and AfterVariant says which and why. Otherwise it is WhatIf.
func WhatIfIn(cat *Catalog, m *Model, before, after Case) WhatIfRecord {
	g := m.variantGroup()
	if g == nil {
		return WhatIf(m, before, after)
	}
	mb, ok := g.member(m.ID())
	sel, err := g.Select(after, mb.Outcome)
	if !ok || err != nil || sel.Model == m.ID() {
		return WhatIf(m, before, after)
	}
	other, err := cat.Model(sel.Model)
	if err != nil {
		return WhatIf(m, before, after)
	}
	r := whatIf(m, other, before, after)
	v := g.ChooseVariant(after)
	r.AfterVariant = &v
	return r
}

// whatIf scores before with m and after with am (m, or the variant the group's rule
// chooses for after) and compares them.
func whatIf(m, am *Model, before, after Case) WhatIfRecord {
	r := WhatIfRecord{Model: m.ID(), Before: ScoreRecord(m, "before", before),
		After: ScoreRecord(am, "after", after), Changed: []string{}}
	for _, mod := range []*Model{m, am} {
		for _, p := range mod.def.Predictors {
			if !mod.sameInput(p.ID, before[p.ID], after[p.ID]) &&
				!slices.Contains(r.Changed, p.ID) {
				r.Changed = append(r.Changed, p.ID)
			}
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

// sameInput reports whether a and b are the same value of input id as the model reads
// them ("6" and " 6.0", "male" and "male "); values it refuses are compared as text,
// less surrounding spaces.
func (m *Model) sameInput(id, a, b string) bool {
	if a == b {
		return true
	}
	if i, ok := m.index[id]; ok && i < m.nInputs {
		x, errA := m.vars[i].parse(a)
		y, errB := m.vars[i].parse(b)
		if errA == nil && errB == nil {
			return x == y
		}
	}
	return strings.TrimSpace(a) == strings.TrimSpace(b)
}
