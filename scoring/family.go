package scoring

import (
	"math"
	"sort"
)

// finish turns the linear predictor into the family's outputs: probabilities and
// bands per horizon, or the points total's band.
func (m *Model) finish(p *Prediction) {
	if m.def.Family == FamilyPoints {
		p.Band = bandOf(m.def.Bands, p.LinearPredictor)
		return
	}
	p.Horizons = make([]HorizonResult, len(m.def.Horizons))
	for i := range m.def.Horizons {
		h := &m.def.Horizons[i]
		r := HorizonResult{Label: h.Label, Probability: m.probability(i, p.LinearPredictor)}
		if h.Intercept != nil {
			a := h.Intercept.Value
			r.Intercept = &a
		}
		r.Band = bandOf(h.Bands, r.Probability)
		p.Horizons[i] = r
	}
}

// probability is the family's probability at horizon i for linear predictor eta.
func (m *Model) probability(i int, eta float64) float64 {
	h := &m.def.Horizons[i]
	if m.def.Family == FamilyLogistic {
		return logistic(h.Intercept.Value + eta)
	}
	return coxRisk(h.BaselineSurvival.Value, eta)
}

// logistic is the inverse logit, p = 1 / (1 + exp(−η)) (DOMAIN.md §2, family 2).
// For η < 0 it uses the algebraically equal exp(η) / (1 + exp(η)), which does not
// overflow; both are in [0, 1] for every finite η.
func logistic(eta float64) float64 {
	if eta >= 0 {
		return 1 / (1 + exp(-eta))
	}
	e := exp(eta)
	return e / (1 + e)
}

// coxRisk is the risk within a horizon under proportional hazards (DOMAIN.md §2,
// family 1): p(t) = 1 − S0(t)^exp(η), with η the linear predictor centred at the
// profile S0 belongs to. Written as −expm1(exp(η) ln S0) to keep precision for small
// risks.
func coxRisk(s0, eta float64) float64 {
	return -math.Expm1(exp(eta) * log(s0))
}

// bandOf returns the band containing x: the last band whose From is ≤ x (see Band).
// It returns nil when there are no bands or x is below the first.
func bandOf(bands []Band, x float64) *BandResult {
	i := sort.Search(len(bands), func(i int) bool { return bands[i].From.Value > x }) - 1
	if i < 0 {
		return nil
	}
	return &BandResult{ID: bands[i].ID, Label: bands[i].Label}
}
