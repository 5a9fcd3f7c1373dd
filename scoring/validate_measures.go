package scoring

import (
	"errors"
	"math"
)

// z95 is the standard normal quantile for two-sided 95% intervals, Φ⁻¹(0.975), as R's
// qnorm(0.975) prints it to 16 digits.
const z95 = 1.959963984540054

// Measures are the performance measures of a model's predicted risk p_i at a horizon
// t on a validation sample; Validate defines each one. Concordance,
// CalibrationInTheLarge and CalibrationSlope are nil where they are undefined, and
// Warnings says why, in English; WarningCodes names each warning, in the same order,
// by one of MeasureWarningCodes, for a page to write it in its own language. All risks
// are probabilities in [0, 1].
type Measures struct {
	N                               int      `json:"n"`
	Events                          int      `json:"events"`
	Concordance                     *float64 `json:"concordance"`
	ObservedRisk                    float64  `json:"observed_risk"`
	ObservedRiskLower               float64  `json:"observed_risk_lower"`
	ObservedRiskUpper               float64  `json:"observed_risk_upper"`
	MeanPredicted                   float64  `json:"mean_predicted"`
	CalibrationInTheLarge           *float64 `json:"calibration_in_the_large"`
	CalibrationInTheLargeDifference float64  `json:"calibration_in_the_large_difference"`
	CalibrationSlope                *float64 `json:"calibration_slope"`
	Brier                           float64  `json:"brier"`
	Warnings                        []string `json:"warnings,omitempty"`
	WarningCodes                    []string `json:"warning_codes,omitempty"`
}

// The codes of the measures' warnings (Measures.WarningCodes).
const (
	warnMeanPredictedZero = "mean_predicted_zero" // no observed/expected ratio
	warnRiskZeroOrOne     = "risk_zero_or_one"    // no calibration slope of a binary outcome
	warnConcordanceFailed = "concordance_failed"  // a time or risk is not finite
	warnNoComparablePairs = "no_comparable_pairs" // no events, or only events
	warnSlopeNotFitted    = "slope_not_fitted"    // the slope's fit did not converge
)

// MeasureWarningCodes returns every code a warning of the measures can have.
func MeasureWarningCodes() []string {
	return []string{warnMeanPredictedZero, warnRiskZeroOrOne, warnConcordanceFailed,
		warnNoComparablePairs, warnSlopeNotFitted}
}

// sample is what the measures read: per row the observed outcome, and the model's
// score s_i (the linear predictor η_i of a Cox model, logit p_i of a logistic one)
// and predicted risk p_i at the horizon. Time and event are set for time-to-event
// data, y for binary data.
type sample struct {
	kind  string
	time  []float64
	event []bool
	y     []bool
	score []float64
	p     []float64
}

// subset returns the rows idx of s.
func (s *sample) subset(idx []int) *sample {
	out := &sample{kind: s.kind}
	for _, i := range idx {
		if s.kind == OutcomeTimeToEvent {
			out.time, out.event = append(out.time, s.time[i]), append(out.event, s.event[i])
		} else {
			out.y = append(out.y, s.y[i])
		}
		out.score, out.p = append(out.score, s.score[i]), append(out.p, s.p[i])
	}
	return out
}

// measure computes every measure of s at horizon t. It refuses an empty sample and,
// for time-to-event data, a horizon beyond the longest follow-up.
func measure(s *sample, t float64) (Measures, error) {
	if len(s.p) == 0 {
		return Measures{}, errors.New("no usable rows")
	}
	m := Measures{N: len(s.p), MeanPredicted: mean(s.p)}
	if s.kind == OutcomeTimeToEvent {
		if err := measureTimeToEvent(s, t, &m); err != nil {
			return Measures{}, err
		}
	} else {
		measureBinary(s, &m)
	}

	// Calibration-in-the-large, as the ratio O/E and as the difference O − E.
	m.CalibrationInTheLargeDifference = m.ObservedRisk - m.MeanPredicted
	if m.MeanPredicted > 0 {
		oe := m.ObservedRisk / m.MeanPredicted
		m.CalibrationInTheLarge = &oe
	} else {
		m.warn(warnMeanPredictedZero, "calibration in the large: the mean predicted risk is 0")
	}
	return m, nil
}

// measureTimeToEvent fills the measures for censored follow-up at horizon t. The
// follow-up is first truncated at t, so that the concordance and the slope judge the
// horizon: T′ = min(T, t), with an event only when it happened by t.
func measureTimeToEvent(s *sample, t float64, m *Measures) error {
	km := kaplanMeier(s.time, s.event)
	if km.last < t {
		return errorf("no follow-up reaches the horizon %v (the longest is %v)", t,
			km.last)
	}
	m.ObservedRisk, m.ObservedRiskLower, m.ObservedRiskUpper = km.riskCI(t, z95)
	tt, dd := truncate(s.time, s.event, t)
	m.Events = count(dd)
	m.setConcordance(HarrellC(tt, dd, s.score))
	b, err := coxSlope(tt, dd, s.score)
	m.setSlope(b, err)
	m.Brier = brierIPCW(s.time, s.event, s.p, t)
	return nil
}

// measureBinary fills the measures for a binary outcome. The concordance is the
// c-statistic (area under the ROC curve) of p: the share of (event, non-event) pairs
// in which the event has the higher predicted risk, ties counting ½; it is Harrell's
// C with the events at time 0 and the others censored at time 1.
func measureBinary(s *sample, m *Measures) {
	m.Events = count(s.y)
	m.ObservedRisk = float64(m.Events) / float64(len(s.y))
	m.ObservedRiskLower, m.ObservedRiskUpper = wilson(m.Events, len(s.y), z95)
	time := make([]float64, len(s.y))
	logits := make([]float64, len(s.y))
	for i, y := range s.y {
		if !y {
			time[i] = 1
		}
		logits[i] = math.Log(s.p[i] / (1 - s.p[i]))
	}
	m.setConcordance(HarrellC(time, s.y, s.p))
	if !allFinite(logits) {
		m.warn(warnRiskZeroOrOne, "calibration slope: a predicted risk is 0 or 1")
	} else {
		_, b, err := fitLogistic(s.y, logits, make([]float64, len(s.y)), true)
		m.setSlope(b, err)
	}
	m.Brier = brierBinary(s.y, s.p)
}

// setConcordance keeps a concordance, or a warning when no pair was comparable.
func (m *Measures) setConcordance(c Concordance, err error) {
	switch {
	case err != nil:
		m.warn(warnConcordanceFailed, "concordance: "+err.Error())
	case c.Concordant+c.Discordant+c.Tied == 0:
		m.warn(warnNoComparablePairs,
			"concordance: no comparable pairs (no events, or only events)")
	default:
		m.Concordance = &c.C
	}
}

// setSlope keeps a calibration slope, or the fit's error as a warning.
func (m *Measures) setSlope(b float64, err error) {
	if err != nil {
		m.warn(warnSlopeNotFitted, "calibration slope: "+err.Error())
		return
	}
	m.CalibrationSlope = &b
}

// warn adds a warning, its code and its English words.
func (m *Measures) warn(code, msg string) {
	m.Warnings, m.WarningCodes = append(m.Warnings, msg), append(m.WarningCodes, code)
}

// truncate censors follow-up at t: T′ = min(T, t) and δ′ = δ · 1{T ≤ t}.
func truncate(time []float64, event []bool, t float64) ([]float64, []bool) {
	tt, dd := make([]float64, len(time)), make([]bool, len(time))
	for i := range time {
		tt[i], dd[i] = math.Min(time[i], t), event[i] && time[i] <= t
	}
	return tt, dd
}

// brierIPCW is the Brier score at t for censored data with inverse probability of
// censoring weights [1], in the form of Gerds and Schumacher [2]:
//
//	BS(t) = (1/n) Σ_i [ 1{T_i ≤ t, δ_i = 1} (1 − p_i)² / Ĝ(T_i−)
//	                  + 1{T_i ≥ t, not an event by t} p_i² / Ĝ(t−) ]
//
// where Ĝ is the Kaplan–Meier estimate of the censoring distribution (censoring as
// the event, the events counted at risk at tied times) and Ĝ(s−) its value just
// before s. A subject censored exactly at t was followed through t without an event
// and counts as event-free at t; those censored before t weigh 0. Without censoring
// before t every weight is 1 and BS(t) is the mean squared error.
//
// [1] Graf E, Schmoor C, Sauerbrei W, Schumacher M (1999). Assessment and comparison
// of prognostic classification schemes for survival data. Statistics in Medicine
// 18:2529–2545.
// [2] Gerds TA, Schumacher M (2006). Consistent estimation of the expected Brier score
// in general survival models with right-censored event times. Biometrical Journal
// 48:1029–1040.
func brierIPCW(time []float64, event []bool, p []float64, t float64) float64 {
	censored := make([]bool, len(event))
	for i, e := range event {
		censored[i] = !e
	}
	g := kaplanMeier(time, censored)
	gt := g.before(t)
	sum := 0.0
	for i := range p {
		switch {
		case event[i] && time[i] <= t:
			sum += (1 - p[i]) * (1 - p[i]) / g.before(time[i])
		case time[i] >= t:
			sum += p[i] * p[i] / gt
		}
	}
	return sum / float64(len(p))
}

// brierBinary is the Brier score of a binary outcome [1]: (1/n) Σ (y_i − p_i)².
//
// [1] Brier GW (1950). Verification of forecasts expressed in terms of probability.
// Monthly Weather Review 78:1–3.
func brierBinary(y []bool, p []float64) float64 {
	sum := 0.0
	for i := range p {
		r := p[i]
		if y[i] {
			r = 1 - p[i]
		}
		sum += r * r
	}
	return sum / float64(len(p))
}

// wilson returns Wilson's score interval for a proportion of k events in n [1]:
//
//	( p̂ + z²/2n ± z √( p̂(1 − p̂)/n + z²/4n² ) ) / (1 + z²/n)
//
// with the limit at 0 for k = 0 and at 1 for k = n exactly, as R's prop.test without
// continuity correction gives it.
//
// [1] Wilson EB (1927). Probable inference, the law of succession, and statistical
// inference. Journal of the American Statistical Association 22:209–212.
func wilson(k, n int, z float64) (lower, upper float64) {
	p, nf := float64(k)/float64(n), float64(n)
	z22n := z * z / (2 * nf)
	half := z * math.Sqrt(p*(1-p)/nf+z22n/(2*nf))
	lower, upper = (p+z22n-half)/(1+2*z22n), (p+z22n+half)/(1+2*z22n)
	if k == 0 {
		lower = 0
	}
	if k == n {
		upper = 1
	}
	return lower, upper
}

// mean returns the arithmetic mean of x, which must not be empty.
func mean(x []float64) float64 {
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	return sum / float64(len(x))
}

// count returns how many of b are true.
func count(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}

// allFinite reports whether every value of x is finite.
func allFinite(x []float64) bool {
	for _, v := range x {
		if !finite(v) {
			return false
		}
	}
	return true
}
