package scoring

// Exchange is an exchange of two variants or two tables that a fault
// demonstration offers for a model, as the Fault that makes it. A and B name what
// is exchanged: two levels of Predictor (with their labels), or this model and
// Fault.Model.
type Exchange struct {
	Fault Fault `json:"fault"`
	// Input is the label of the input whose levels are exchanged ("" for models).
	Input  string `json:"input,omitempty"`
	ALabel string `json:"a_label"`
	BLabel string `json:"b_label"`
}

// modelPairs are variants of one model fitted on two populations, where using one
// population's formula for the other is the fault to show: the Rossi fits on the
// men released on parole and those released without it (DOMAIN.md §5), the
// counterpart of OxRec-NL's detained and not-detained variants.
var modelPairs = [][2]string{
	{"rossi-cox-paroled", "rossi-cox-not-paroled"},
}

// Exchanges lists the exchanges a fault demonstration offers for model id:
//
//   - the levels of a two-level input that keys a lookup table together with
//     another input, since such a table holds one column per level (OGRS3's
//     male and female age tables);
//   - the other variant of a pair in modelPairs (paroled ↔ not paroled);
//   - for a member of a group, the member for the other population with the same
//     outcome (OxRec-NL's detained ↔ not detained).
func (c *Catalog) Exchanges(id string) ([]Exchange, error) {
	m, err := c.Model(id)
	if err != nil {
		return nil, err
	}
	out := levelExchanges(m)
	for _, p := range modelPairs {
		if other, ok := pairOf(p, id); ok && c.byID[other] != nil {
			out = append(out, modelExchange(m, c.byID[other]))
		}
	}
	for _, g := range c.Groups() {
		if other := g.counterpart(id); other != "" && c.byID[other] != nil {
			out = append(out, modelExchange(m, c.byID[other]))
		}
	}
	return out, nil
}

// levelExchanges lists the level swaps of m's two-level inputs that key a table
// with other inputs.
func levelExchanges(m *Model) []Exchange {
	var out []Exchange
	seen := map[string]bool{}
	for _, t := range m.def.Terms {
		if t.Kind != "lookup" || len(t.Keys) < 2 {
			continue
		}
		for _, k := range t.Keys {
			p := predictorDef(&m.def, k)
			if p == nil || len(p.Levels) != 2 || seen[k] {
				continue
			}
			seen[k] = true
			a, b := p.Levels[0], p.Levels[1]
			out = append(out, Exchange{Input: p.Label, ALabel: a.Label, BLabel: b.Label,
				Fault: Fault{Kind: FaultSwapLevels, Predictor: k, A: a.ID, B: b.ID}})
		}
	}
	return out
}

// predictorDef returns the definition's input with the given id, or nil.
func predictorDef(d *Definition, id string) *Predictor {
	for i := range d.Predictors {
		if d.Predictors[i].ID == id {
			return &d.Predictors[i]
		}
	}
	return nil
}

// pairOf returns the other model of pair p when id is one of them.
func pairOf(p [2]string, id string) (string, bool) {
	switch id {
	case p[0]:
		return p[1], true
	case p[1]:
		return p[0], true
	}
	return "", false
}

// modelExchange is the swap of m for other, labelled by the models' names.
func modelExchange(m, other *Model) Exchange {
	return Exchange{ALabel: m.def.Name, BLabel: other.def.Name,
		Fault: Fault{Kind: FaultSwapModel, Model: other.ID()}}
}

// counterpart returns the member of g for the other population with the same
// outcome as model id, or "" when id is not a member or has none.
func (g *Group) counterpart(id string) string {
	var mine *Member
	for i := range g.def.Members {
		if g.def.Members[i].Model == id {
			mine = &g.def.Members[i]
		}
	}
	if mine == nil {
		return ""
	}
	for _, mb := range g.def.Members {
		if mb.Outcome == mine.Outcome && mb.Population != mine.Population {
			return mb.Model
		}
	}
	return ""
}
