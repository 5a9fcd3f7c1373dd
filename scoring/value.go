package scoring

import (
	"math"
	"strconv"
	"strings"
)

// Case is one person's inputs, keyed by predictor id, each value as text (a number, a
// level id or a YYYY-MM-DD date), as it comes from a form field, a CSV cell or a JSON
// value. Parsing happens in Predict, so that every entry point refuses the same way.
type Case map[string]string

// value is a parsed input or derived value. Exactly one of its fields is meaningful,
// given by the variable's type.
type value struct {
	num   float64
	level int
	date  civilDate
}

// civilDate is a calendar date without time zone.
type civilDate struct{ y, m, d int }

// before reports whether c is earlier than o.
func (c civilDate) before(o civilDate) bool {
	if c.y != o.y {
		return c.y < o.y
	}
	if c.m != o.m {
		return c.m < o.m
	}
	return c.d < o.d
}

// Dates outside these years are refused as typing errors (a product rule).
const (
	minYear = 1900
	maxYear = 2100
)

// parseDate reads a strict YYYY-MM-DD date between minYear and maxYear, ignoring
// spaces around it.
func parseDate(s string) (civilDate, error) {
	c, ok := parseCivil(strings.TrimSpace(s))
	if !ok {
		return civilDate{}, ErrNotDate
	}
	if c.y < minYear || c.y > maxYear {
		return civilDate{}, ErrOutOfRange
	}
	return c, nil
}

// ParseNumber reads a finite decimal number as the engine reads a number input, for
// the adapters' own number fields: no infinities, NaN, hexadecimal or underscores.
func ParseNumber(s string) (float64, error) { return parseNumber(s) }

// parseNumber reads a finite decimal number. It accepts what strconv.ParseFloat
// accepts, less infinities, NaN, hexadecimal and underscores.
func parseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "_xXpPiInN") {
		return 0, ErrNotNumber
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, ErrNotNumber
	}
	return f, nil
}

// parseCount reads a whole number.
func parseCount(s string) (float64, error) {
	f, err := parseNumber(s)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) {
		return 0, ErrNotWhole
	}
	return f, nil
}
