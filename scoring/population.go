package scoring

import (
	"errors"
	"math/rand/v2"
	"strconv"
)

// Population is a set of cases for a fault demonstration, in the order they were
// read or drawn. IDs, Rows and Lines run parallel to Cases.
type Population struct {
	Cases []Case   `json:"-"`
	IDs   []string `json:"-"`
	// Rows is each case's record number in its source, from 1: the data row of a
	// CSV file (header excluded), the non-blank line of JSON lines, the element of a
	// JSON array, or the draw of a synthetic population.
	Rows []int `json:"-"`
	// Lines is the line of the file where each case starts (0 for a drawn case).
	Lines []int `json:"-"`
	// Bad lists the records that could not be read; they are left out of Cases.
	Bad []RowError `json:"bad"`
	// Format is "csv", "jsonl", "json" or "synthetic".
	Format string `json:"format"`
	// Synthetic is true for a drawn population: every case is fictional.
	Synthetic bool `json:"synthetic"`
}

// RowError is a record of a population file that was left out, and why.
type RowError struct {
	Row     int    `json:"row"`
	Line    int    `json:"line"`
	ID      string `json:"id,omitempty"`
	Message string `json:"message"`
	// Code names the reason (one of ErrorCodes), with its arguments, for a page to
	// word it in its own language; Message is the engine's words.
	Code         string `json:"code,omitempty"`
	Limit        string `json:"limit,omitempty"`
	Related      string `json:"related,omitempty"`
	RelatedValue string `json:"related_value,omitempty"`
}

// add appends one case with where it came from.
func (p *Population) add(id string, c Case, row, line int) {
	p.Cases, p.IDs = append(p.Cases, c), append(p.IDs, id)
	p.Rows, p.Lines = append(p.Rows, row), append(p.Lines, line)
}

// MaxPopulation is the largest population read or drawn for one demonstration.
const MaxPopulation = 200_000

// SyntheticPrefix starts the id of every drawn case, so that a fictional case is
// recognisable wherever its id appears.
const SyntheticPrefix = "SYNTHETIC-"

// errPopulationSize reports a requested population size outside 1..MaxPopulation.
var errPopulationSize = errors.New("population size: want 1 to " +
	strconv.Itoa(MaxPopulation) + " cases")

// SyntheticPopulation draws n fictional cases for the model from the distributions
// of its PopulationSpec (see PopulationSpecFor), with a PCG generator seeded by seed:
// the same model, n and seed give the same cases on every platform. Each case's id
// is SyntheticPrefix, the spec id and its draw number. The cases are meant for
// classroom demonstrations only; they describe no real population.
func SyntheticPopulation(m *Model, n int, seed uint64) (*Population, error) {
	if n < 1 || n > MaxPopulation {
		return nil, errPopulationSize
	}
	spec, err := PopulationSpecFor(m)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(seed, spec.stream))
	p := &Population{Format: "synthetic", Synthetic: true}
	width := len(strconv.Itoa(n))
	for i := 1; i <= n; i++ {
		draws := spec.draw(r)
		p.add(syntheticID(spec.ID, i, width), spec.caseOf(draws), i, 0)
	}
	return p, nil
}

// syntheticID is SYNTHETIC-<spec>-<i>, i padded with zeros to width digits.
func syntheticID(spec string, i, width int) string {
	s := strconv.Itoa(i)
	for len(s) < width {
		s = "0" + s
	}
	return SyntheticPrefix + spec + "-" + s
}

// draw takes one value from every distribution of the spec, in table order.
func (s *PopulationSpec) draw(r *rand.Rand) map[string]Draw {
	out := make(map[string]Draw, len(s.Distributions))
	for i := range s.Distributions {
		d := &s.Distributions[i]
		out[d.Name] = d.sample(r)
	}
	return out
}

// Draw is one value drawn from a Distribution: a level, or a whole number.
type Draw struct {
	Level string
	N     int
}

// Text is the drawn value as a case holds it.
func (d Draw) Text() string {
	if d.Level != "" {
		return d.Level
	}
	return strconv.Itoa(d.N)
}

// sample draws from the distribution: a level or a band by weight, then a whole
// number uniformly within the band.
func (d *Distribution) sample(r *rand.Rand) Draw {
	if len(d.Levels) > 0 {
		return Draw{Level: d.Levels[pick(r, d.Levels)].ID}
	}
	b := d.Bands[pick(r, d.Bands)]
	return Draw{N: b.Lo + r.IntN(b.Hi-b.Lo+1)}
}

// weighted is a level or band with a relative weight.
type weighted interface{ weight() float64 }

// pick chooses an index with probability proportional to its weight: a uniform
// number in [0, total) falls into one weight's stretch of the cumulative sum.
func pick[W weighted](r *rand.Rand, items []W) int {
	total := 0.0
	for _, it := range items {
		total += it.weight()
	}
	u := r.Float64() * total
	for i, it := range items {
		if u < it.weight() {
			return i
		}
		u -= it.weight()
	}
	return len(items) - 1 // rounding left u at the very end
}

// addYears is the day number of the same month and day y years after day z; 29
// February becomes 28 February in a year without it.
func addYears(z, years int) int {
	c := civilFromDays(z)
	y := c.y + years
	if c.m == 2 && c.d == 29 && !leapYear(y) {
		return daysFromCivil(y, 2, 28)
	}
	return daysFromCivil(y, c.m, c.d)
}

// leapYear reports whether y has 29 February.
func leapYear(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}
