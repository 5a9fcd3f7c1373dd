package scoring

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"sort"
)

// Concordance is Harrell's concordance index for time-to-event data, with its counts.
type Concordance struct {
	// C = (Concordant + Tied/2) / (Concordant + Discordant + Tied), in [0, 1].
	C          float64
	Concordant float64
	Discordant float64
	Tied       float64 // comparable pairs with equal risk scores
}

// HarrellC computes Harrell's concordance between risk scores (higher = earlier event
// expected) and censored follow-up times, as R's survival::concordance does for a Cox
// model's linear predictor [1]. A pair (i, j) is comparable when i had the event and
// j was followed longer (t_j > t_i), or as long without the event (t_j = t_i, j
// censored); two events at the same time are not compared. A comparable pair is
// concordant when risk_i > risk_j, discordant when risk_i < risk_j, and tied when
// equal. It runs in O(n log n) with a Fenwick tree over the ranks of the scores.
//
// [1] Harrell FE, Lee KL, Mark DB (1996). Multivariable prognostic models. Statistics
// in Medicine 15:361–387; Therneau T (2023). survival: concordance (R package).
func HarrellC(time []float64, event []bool, risk []float64) (Concordance, error) {
	if len(time) != len(event) || len(time) != len(risk) {
		return Concordance{}, errors.New("time, event and risk differ in length")
	}
	for i := range time {
		if !finite(time[i]) || !finite(risk[i]) {
			return Concordance{}, errorf("row %d: time %v or risk %v is not finite", i,
				time[i], risk[i])
		}
	}
	rank, nranks := denseRanks(risk)
	order := make([]int, len(time))
	for i := range order {
		order[i] = i
	}
	// slices.SortFunc rather than sort.Slice: the latter swaps through reflection,
	// which is many times slower in WebAssembly. The order within a tie of times
	// does not matter (countGroup treats a tie as one group).
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(time[b], time[a]) })
	var c Concordance
	tree := newFenwick(nranks)
	for lo := 0; lo < len(order); {
		hi := lo
		for hi < len(order) && time[order[hi]] == time[order[lo]] {
			hi++
		}
		countGroup(order[lo:hi], event, rank, tree, &c)
		lo = hi
	}
	if n := c.Concordant + c.Discordant + c.Tied; n > 0 {
		c.C = (c.Concordant + c.Tied/2) / n
	}
	return c, nil
}

// countGroup handles subjects with one follow-up time: the censored join the set at
// risk first, then each event is compared with everyone in the set, then the events
// join it.
func countGroup(group []int, event []bool, rank []int, tree *fenwick, c *Concordance) {
	for _, i := range group {
		if !event[i] {
			tree.add(rank[i])
		}
	}
	for _, i := range group {
		if !event[i] {
			continue
		}
		below, same := tree.prefix(rank[i]-1), tree.at(rank[i])
		c.Concordant += float64(below)
		c.Tied += float64(same)
		c.Discordant += float64(tree.total - below - same)
	}
	for _, i := range group {
		if event[i] {
			tree.add(rank[i])
		}
	}
}

// denseRanks maps values to ranks 1..k, equal values sharing a rank.
func denseRanks(x []float64) ([]int, int) {
	sorted := append([]float64(nil), x...)
	sort.Float64s(sorted)
	uniq := sorted[:0]
	for i, v := range sorted {
		if i == 0 || v != sorted[i-1] {
			uniq = append(uniq, v)
		}
	}
	rank := make([]int, len(x))
	for i, v := range x {
		rank[i] = sort.SearchFloat64s(uniq, v) + 1
	}
	return rank, len(uniq)
}

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// fenwick counts values by rank with O(log n) updates and prefix sums.
type fenwick struct {
	tree  []int
	total int
}

// newFenwick returns a tree for ranks 1..n.
func newFenwick(n int) *fenwick { return &fenwick{tree: make([]int, n+1)} }

// add counts one more value of rank r.
func (f *fenwick) add(r int) {
	f.total++
	for ; r < len(f.tree); r += r & -r {
		f.tree[r]++
	}
}

// prefix returns how many values have rank ≤ r.
func (f *fenwick) prefix(r int) int {
	n := 0
	for ; r > 0; r -= r & -r {
		n += f.tree[r]
	}
	return n
}

// at returns how many values have rank r.
func (f *fenwick) at(r int) int { return f.prefix(r) - f.prefix(r-1) }
