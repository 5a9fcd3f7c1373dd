package scoring

import (
	"errors"
	"math"
)

// ErrNotConverged reports an iterative fit that found no finite maximum: too few
// events, predictions that do not vary, or outcomes separated by the predictions.
var ErrNotConverged = errors.New("fit did not converge")

// Newton–Raphson settings of the calibration fits. A fit has converged when a full
// step changes no parameter by more than newtonTolerance × (1 + |parameter|); the
// error left after that step is of the order of its square.
const (
	maxNewtonSteps  = 50
	maxHalvings     = 30
	newtonTolerance = 1e-10
)

// coxTies holds one-covariate time-to-event data for Efron's partial likelihood: the
// subjects by descending time, cut into groups of equal time.
type coxTies struct {
	x      []float64 // centred covariate, in the order below
	event  []bool
	groups []int // start of each group of equal times; a last entry ends the final one
}

// newCoxTies orders the data by descending time and centres x, which leaves the
// slope unchanged and keeps exp(b x) in range.
func newCoxTies(time []float64, event []bool, x []float64) *coxTies {
	order := sortedByTime(time)
	mean := 0.0
	for _, v := range x {
		mean += v / float64(len(x))
	}
	c := &coxTies{x: make([]float64, len(x)), event: make([]bool, len(x))}
	for k := range order {
		i := order[len(order)-1-k]
		c.x[k], c.event[k] = x[i]-mean, event[i]
		if k == 0 || time[i] != time[order[len(order)-k]] {
			c.groups = append(c.groups, k)
		}
	}
	c.groups = append(c.groups, len(x))
	return c
}

// eval returns Efron's log partial likelihood ℓ(b), its score U = ℓ′ and the
// information I = −ℓ″ (see coxSlope for ℓ).
func (c *coxTies) eval(b float64) (ll, u, info float64) {
	var s0, s1, s2 float64 // Σ over the risk set of e^{bx}, x e^{bx}, x² e^{bx}
	for g := 0; g+1 < len(c.groups); g++ {
		var a0, a1, a2, xsum float64 // the same sums over the events, and Σ x
		d := 0
		for k := c.groups[g]; k < c.groups[g+1]; k++ {
			x := c.x[k]
			w := math.Exp(b * x)
			s0, s1, s2 = s0+w, s1+w*x, s2+w*x*x
			if c.event[k] {
				a0, a1, a2, xsum, d = a0+w, a1+w*x, a2+w*x*x, xsum+x, d+1
			}
		}
		ll, u = ll+b*xsum, u+xsum
		for k := 0; k < d; k++ {
			f := float64(k) / float64(d)
			d0, d1, d2 := s0-f*a0, s1-f*a1, s2-f*a2
			m := d1 / d0
			ll, u, info = ll-math.Log(d0), u-m, info+d2/d0-m*m
		}
	}
	return ll, u, info
}

// coxSlope fits the Cox model λ(t | x) = λ₀(t) exp(b x) with one covariate and
// returns b̂. It maximises Efron's approximation to the partial likelihood for tied
// event times [1], the default of R's coxph [2]:
//
//	ℓ(b) = Σ_s [ b Σ_{i∈D_s} x_i
//	             − Σ_{k=0}^{d_s−1} log( Σ_{j∈R_s} e^{b x_j} − (k/d_s) Σ_{j∈D_s} e^{b x_j} ) ]
//
// where D_s are the d_s subjects with an event at time s and R_s those followed at
// least until s. Newton–Raphson starts at b = 0 and halves a step that lowers ℓ, as
// coxph does. The error wraps ErrNotConverged when there are no events, x does not
// vary, or no finite maximum is reached in maxNewtonSteps steps.
//
// [1] Efron B (1977). The efficiency of Cox's likelihood function for censored data.
// Journal of the American Statistical Association 72:557–565.
// [2] Therneau T (2023). survival: coxph (R package).
func coxSlope(time []float64, event []bool, x []float64) (float64, error) {
	c := newCoxTies(time, event, x)
	b := 0.0
	ll, u, info := c.eval(b)
	for step := 0; step < maxNewtonSteps; step++ {
		if !(info > 0) || !finite(u) {
			return 0, errorf("cox fit: %w: information %.3g (no events, or the "+
				"predictions do not vary)", ErrNotConverged, info)
		}
		delta := u / info
		next, nll, nu, ninfo := b+delta, 0.0, 0.0, 0.0
		for h := 0; h <= maxHalvings; h++ {
			if nll, nu, ninfo = c.eval(next); finite(nll) && nll >= ll-1e-10*(1+math.Abs(ll)) {
				break
			}
			delta /= 2
			next = b + delta
		}
		b, ll, u, info = next, nll, nu, ninfo
		if math.Abs(delta) <= newtonTolerance*(1+math.Abs(b)) {
			return b, nil
		}
	}
	return 0, errorf("cox fit: %w after %d Newton–Raphson steps (slope %.6g): the "+
		"events may be separated by the predictions", ErrNotConverged, maxNewtonSteps, b)
}

// logisticData is a binary outcome with a covariate and an offset.
type logisticData struct {
	y         []bool
	x, offset []float64
	slope     bool // fit b; else b stays 0
}

// eval returns the log-likelihood at (a, b), the score and the information matrix
// [[iaa, iab], [iab, ibb]].
func (d *logisticData) eval(a, b float64) (ll, ua, ub, iaa, iab, ibb float64) {
	for i, y := range d.y {
		eta := a + d.offset[i]
		if d.slope {
			eta += b * d.x[i]
		}
		p := logistic(eta)
		r, w := -p, p*(1-p)
		if y {
			r = 1 - p
			ll -= softplus(-eta)
		} else {
			ll -= softplus(eta)
		}
		ua, iaa = ua+r, iaa+w
		if d.slope {
			x := d.x[i]
			ub, iab, ibb = ub+r*x, iab+w*x, ibb+w*x*x
		}
	}
	return ll, ua, ub, iaa, iab, ibb
}

// softplus is log(1 + e^z), computed without overflow.
func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

// newtonStep solves I Δ = U for the step (Δa, Δb); ok is false for a singular I.
func (d *logisticData) newtonStep(ua, ub, iaa, iab, ibb float64) (da, db float64, ok bool) {
	if !d.slope {
		return ua / iaa, 0, iaa > 0
	}
	det := iaa*ibb - iab*iab
	if !(det > 1e-12*iaa*ibb) {
		return 0, 0, false
	}
	return (ibb*ua - iab*ub) / det, (iaa*ub - iab*ua) / det, true
}

// fitLogistic fits the logistic regression [1]
//
//	logit P(y_i = 1) = a + b x_i + o_i
//
// by maximum likelihood with Newton–Raphson (for this canonical link the same as
// iteratively reweighted least squares, R's glm), and returns (â, b̂). With slope
// false, b is held at 0 and x is not read: the intercept is fitted with the offset o
// alone. The error wraps ErrNotConverged when every outcome is the same, x does not
// vary, or the outcomes are separated.
//
// [1] McCullagh P, Nelder JA (1989). Generalized Linear Models, 2nd ed., §4.4.
// London: Chapman and Hall.
func fitLogistic(y []bool, x, offset []float64, slope bool) (a, b float64, err error) {
	d := &logisticData{y: y, x: x, offset: offset, slope: slope}
	events, meanOffset := 0, 0.0
	for i, v := range y {
		if v {
			events++
		}
		meanOffset += offset[i] / float64(len(y))
	}
	if events == 0 || events == len(y) {
		return 0, 0, errorf("logistic fit: %w: %d of %d outcomes are events, so the "+
			"likelihood has no finite maximum", ErrNotConverged, events, len(y))
	}
	a = math.Log(float64(events)/float64(len(y)-events)) - meanOffset
	return d.newton(a)
}

// newton runs Newton–Raphson from (a, 0), halving a step that lowers the likelihood.
func (d *logisticData) newton(a float64) (float64, float64, error) {
	b := 0.0
	ll, ua, ub, iaa, iab, ibb := d.eval(a, b)
	for step := 0; step < maxNewtonSteps; step++ {
		da, db, ok := d.newtonStep(ua, ub, iaa, iab, ibb)
		if !ok {
			return 0, 0, errorf("logistic fit: %w: singular information (the "+
				"predictions do not vary)", ErrNotConverged)
		}
		var nll float64
		for h := 0; h <= maxHalvings; h++ {
			nll, ua, ub, iaa, iab, ibb = d.eval(a+da, b+db)
			if finite(nll) && nll >= ll-1e-10*(1+math.Abs(ll)) {
				break
			}
			da, db = da/2, db/2
		}
		a, b, ll = a+da, b+db, nll
		if math.Abs(da) <= newtonTolerance*(1+math.Abs(a)) &&
			math.Abs(db) <= newtonTolerance*(1+math.Abs(b)) {
			return a, b, nil
		}
	}
	return 0, 0, errorf("logistic fit: %w after %d Newton–Raphson steps (a %.6g, "+
		"b %.6g): the outcomes may be separated by the predictions", ErrNotConverged,
		maxNewtonSteps, a, b)
}

// solveBaseline returns S0 in (0, 1) with (1/n) Σ [1 − S0^exp(η_i)] = observed. With
// u = ln(−ln S0) the mean risk f(u) = (1/n) Σ −expm1(−exp(u + η_i)) rises from 0 to 1;
// Newton steps on u are kept inside a shrinking bracket, bisecting when they leave it,
// until the step is at the last bits of u.
func solveBaseline(eta []float64, observed float64) (float64, error) {
	if !(observed > 0 && observed < 1) {
		return 0, errorf("observed risk %v: want a value strictly between 0 and 1",
			observed)
	}
	lo, hi, u := -60.0, 20.0, math.Log(-math.Log1p(-observed))-mean(eta)
	for iter := 0; iter < 200; iter++ {
		f, df := meanRisk(eta, u)
		if f -= observed; f == 0 {
			return math.Exp(-math.Exp(u)), nil
		} else if f < 0 {
			lo = u
		} else {
			hi = u
		}
		next := u - f/df
		if !(next > lo && next < hi) {
			next = lo + (hi-lo)/2
		}
		if math.Abs(next-u) <= 1e-15*(1+math.Abs(u)) {
			return math.Exp(-math.Exp(next)), nil
		}
		u = next
	}
	return 0, errorf("baseline survival: %w in 200 steps", ErrNotConverged)
}

// meanRisk returns f(u) = (1/n) Σ −expm1(−exp(u + η_i)) and its derivative
// f′(u) = (1/n) Σ exp(u + η_i) exp(−exp(u + η_i)).
func meanRisk(eta []float64, u float64) (f, df float64) {
	for _, e := range eta {
		h := math.Exp(u + e)
		f, df = f-math.Expm1(-h), df+h*math.Exp(-h)
	}
	n := float64(len(eta))
	return f / n, df / n
}
