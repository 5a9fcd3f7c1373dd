package scoring

import (
	"sort"
)

// blankLevel names the subgroup of rows whose subgroup column is empty.
const blankLevel = "(blank)"

// Subgroups are the measures per level of one column of the data, or per fifth of a
// numeric column (Quintiles).
type Subgroups struct {
	Column    string     `json:"column"`
	Quintiles bool       `json:"quintiles,omitempty"`
	Groups    []Subgroup `json:"groups"`
}

// Subgroup is the measures on the rows with one level of the subgroup column. For
// quintiles, Level is "Q1" (lowest) to "Q5" and Min and Max are the smallest and
// largest value in the group; rows with an empty cell form the level "(blank)". Error
// says why a group's measures could not be computed (for example, no follow-up in it
// reaches the horizon); its other measures are then zero.
type Subgroup struct {
	Level string   `json:"level"`
	Min   *float64 `json:"min,omitempty"`
	Max   *float64 `json:"max,omitempty"`
	Measures
	Error string `json:"error,omitempty"`
}

// subgroupsOf computes the measures per level of values (one per row of s): levels in
// byte order, or with quintiles the fifths of the numbers in values (see rankGroups),
// then the blank level.
func subgroupsOf(s *sample, column string, values []string, quintiles bool, t float64) *Subgroups {
	out := &Subgroups{Column: column, Quintiles: quintiles}
	var groups []Subgroup
	var idx [][]int
	if quintiles {
		groups, idx = quintileGroups(values)
	} else {
		groups, idx = levelGroups(values)
	}
	for k := range groups {
		m, err := measure(s.subset(idx[k]), t)
		if err != nil {
			m, groups[k].Error = Measures{N: len(idx[k])}, err.Error()
		}
		groups[k].Measures = m
	}
	out.Groups = groups
	return out
}

// levelGroups groups the rows by value, in byte order of the values.
func levelGroups(values []string) ([]Subgroup, [][]int) {
	byLevel := map[string][]int{}
	for i, v := range values {
		if v == "" {
			v = blankLevel
		}
		byLevel[v] = append(byLevel[v], i)
	}
	levels := make([]string, 0, len(byLevel))
	for v := range byLevel {
		levels = append(levels, v)
	}
	sort.Strings(levels)
	groups, idx := make([]Subgroup, len(levels)), make([][]int, len(levels))
	for k, v := range levels {
		groups[k], idx[k] = Subgroup{Level: v}, byLevel[v]
	}
	return groups, idx
}

// quintileGroups cuts the numeric values into fifths by rank, ties kept together;
// empty values form a last group. Every non-empty value must be a number, which
// Validate has checked.
func quintileGroups(values []string) ([]Subgroup, [][]int) {
	var nums []float64
	var rows, blank []int
	for i, v := range values {
		if v == "" {
			blank = append(blank, i)
			continue
		}
		x, _ := parseNumber(v)
		nums, rows = append(nums, x), append(rows, i)
	}
	var groups []Subgroup
	var idx [][]int
	for q, group := range members(rankGroups(nums, 5), 5) {
		if len(group) == 0 {
			continue
		}
		g := Subgroup{Level: sprintf("Q%d", q+1)}
		lo, hi := nums[group[0]], nums[group[0]]
		var in []int
		for _, j := range group {
			lo, hi = min(lo, nums[j]), max(hi, nums[j])
			in = append(in, rows[j])
		}
		g.Min, g.Max = &lo, &hi
		groups, idx = append(groups, g), append(idx, in)
	}
	if len(blank) > 0 {
		groups, idx = append(groups, Subgroup{Level: blankLevel}), append(idx, blank)
	}
	return groups, idx
}
