package scoring

// CalibrationGroup is one point of the calibration plot: a tenth of the sample by
// predicted risk (Group 1 the lowest, 10 the highest), with the mean, smallest and
// largest predicted risk in it, the events by the horizon, and the observed risk with
// its 95% interval: 1 − Kaplan–Meier at the horizon (interval on the log scale, as R's
// survfit) for time-to-event data, the proportion (Wilson's interval) for binary
// data. Warning qualifies a group whose follow-up ends before the horizon.
type CalibrationGroup struct {
	Group         int     `json:"group"`
	N             int     `json:"n"`
	Events        int     `json:"events"`
	MeanPredicted float64 `json:"mean_predicted"`
	MinPredicted  float64 `json:"min_predicted"`
	MaxPredicted  float64 `json:"max_predicted"`
	ObservedRisk  float64 `json:"observed_risk"`
	Lower         float64 `json:"lower"`
	Upper         float64 `json:"upper"`
	Warning       string  `json:"warning,omitempty"`
}

// rankGroups cuts x into k groups by rank, keeping ties together: row i goes to group
//
//	g_i = ⌈k · r_i / n⌉
//
// where r_i is the smallest rank among the values equal to x_i (R's rank with
// ties.method = "min"). Groups are numbered 1 to k; a group can be empty when a tie
// spans its place.
func rankGroups(x []float64, k int) []int {
	order := ascending(x)
	g := make([]int, len(x))
	n, r := len(x), 0
	for pos, i := range order {
		if pos == 0 || x[i] != x[order[pos-1]] {
			r = pos + 1
		}
		g[i] = (k*r + n - 1) / n
	}
	return g
}

// members lists the rows of each group 1..k.
func members(groups []int, k int) [][]int {
	out := make([][]int, k+1)
	for i, g := range groups {
		out[g] = append(out[g], i)
	}
	return out[1:]
}

// calibrationTable returns the non-empty tenths of s by predicted risk at horizon t.
func calibrationTable(s *sample, t float64) []CalibrationGroup {
	var out []CalibrationGroup
	for g, idx := range members(rankGroups(s.p, 10), 10) {
		if len(idx) > 0 {
			out = append(out, calibrationGroup(s.subset(idx), g+1, t))
		}
	}
	return out
}

// calibrationGroup describes one group of the calibration table.
func calibrationGroup(s *sample, group int, t float64) CalibrationGroup {
	cg := CalibrationGroup{Group: group, N: len(s.p), MeanPredicted: mean(s.p),
		MinPredicted: s.p[0], MaxPredicted: s.p[0]}
	for _, p := range s.p {
		cg.MinPredicted, cg.MaxPredicted = min(cg.MinPredicted, p), max(cg.MaxPredicted, p)
	}
	if s.kind == OutcomeBinary {
		cg.Events = count(s.y)
		cg.ObservedRisk = float64(cg.Events) / float64(cg.N)
		cg.Lower, cg.Upper = wilson(cg.Events, cg.N, z95)
		return cg
	}
	km := kaplanMeier(s.time, s.event)
	_, dd := truncate(s.time, s.event, t)
	cg.Events = count(dd)
	cg.ObservedRisk, cg.Lower, cg.Upper = km.riskCI(t, z95)
	if km.last < t {
		cg.Warning = sprintf("the longest follow-up in this group is %v, before the "+
			"horizon: the observed risk is the Kaplan–Meier estimate at %v", km.last, km.last)
	}
	return cg
}
