package scoring

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// kmStep is the Kaplan–Meier estimate just after one time with events: the survival
// S(time) and Greenwood's sum Σ d/(n(n−d)) over the event times up to it.
type kmStep struct {
	time      float64
	surv      float64
	greenwood float64
}

// kmCurve is a Kaplan–Meier curve: its steps in time order and the largest follow-up
// time of the data it was estimated from.
type kmCurve struct {
	steps []kmStep
	last  float64
}

// kaplanMeier estimates the survival function from follow-up times and event flags
// by the product-limit estimator [1]:
//
//	S(t) = Π_{s ≤ t} (1 − d_s / n_s)
//
// where d_s is the number of events at time s and n_s the number still followed at
// s (time ≥ s). A subject censored at s counts as at risk at s, so events come before
// censorings at tied times, as in R's survfit [2]. Times must be finite.
//
// [1] Kaplan EL, Meier P (1958). Nonparametric estimation from incomplete
// observations. Journal of the American Statistical Association 53:457–481.
// [2] Therneau T (2023). survival: survfit.formula (R package).
func kaplanMeier(time []float64, event []bool) kmCurve {
	order := sortedByTime(time)
	c := kmCurve{last: math.Inf(-1)}
	s, gw := 1.0, 0.0
	for lo := 0; lo < len(order); {
		at := time[order[lo]]
		hi, d := lo, 0
		for ; hi < len(order) && time[order[hi]] == at; hi++ {
			if event[order[hi]] {
				d++
			}
		}
		if n := float64(len(order) - lo); d > 0 {
			s *= 1 - float64(d)/n
			gw += float64(d) / (n * (n - float64(d)))
			c.steps = append(c.steps, kmStep{time: at, surv: s, greenwood: gw})
		}
		c.last, lo = at, hi
	}
	return c
}

// sortedByTime returns the indices of time in ascending order of time.
func sortedByTime(time []float64) []int { return ascending(time) }

// ascending returns the indices of x in ascending order of x, equal values in index
// order. (A stable merge sort is several times slower on data with many ties.)
func ascending(x []float64) []int {
	order := make([]int, len(x))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(x[a], x[b]); c != 0 {
			return c
		}
		return a - b
	})
	return order
}

// at returns S(t) and Greenwood's sum at t: the last step at or before t.
func (c kmCurve) at(t float64) (surv, greenwood float64) {
	i := sort.Search(len(c.steps), func(i int) bool { return c.steps[i].time > t })
	if i == 0 {
		return 1, 0
	}
	return c.steps[i-1].surv, c.steps[i-1].greenwood
}

// before returns S(t−), the survival just before t: the last step strictly before t.
func (c kmCurve) before(t float64) float64 {
	i := sort.Search(len(c.steps), func(i int) bool { return c.steps[i].time >= t })
	if i == 0 {
		return 1
	}
	return c.steps[i-1].surv
}

// riskCI returns the risk 1 − S(t) and its confidence interval from the interval for
// S(t) on the log scale, R's survfit default (conf.type = "log") [1]:
//
//	S · exp(∓ z · √Σ d/(n(n−d))),  the upper limit capped at 1
//
// The risk interval is [1 − upper, 1 − lower]. When S(t) = 0 Greenwood's sum is
// infinite and the interval collapses to the estimate (R reports NA there).
//
// [1] Therneau T (2023). survival: survfit.formula, argument conf.type (R package).
func (c kmCurve) riskCI(t, z float64) (risk, lower, upper float64) {
	s, gw := c.at(t)
	if s == 0 {
		return 1, 1, 1
	}
	half := z * math.Sqrt(gw)
	lo, hi := s*math.Exp(-half), math.Min(1, s*math.Exp(half))
	return 1 - s, 1 - hi, 1 - lo
}
