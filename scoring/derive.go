package scoring

import (
	"math"
)

// deriveFunc computes a derived value from its input values, in Derived.Inputs order.
type deriveFunc func(in []value) (value, error)

// derivation is a named, tested transformation that a definition may refer to. In
// lists the input types, Out the output type and Params the numbers it needs.
type derivation struct {
	Name   string
	In     []string
	Out    string
	Params []string
	build  func(d *Derived) deriveFunc
}

// derivations is the closed set of transformations a definition can name. A model that
// needs another adds one here, with a test, rather than an expression language. It is
// a list, not a map, so that it is static data rather than code run at start-up.
var derivations = []derivation{
	{Name: "whole_years", In: []string{TypeDate, TypeDate}, Out: TypeNumber,
		build: buildWholeYears},
	{Name: "difference", In: []string{TypeNumber, TypeNumber}, Out: TypeNumber,
		build: buildDifference},
	{Name: "group", In: []string{TypeNumber}, Out: TypeLevel, build: buildGroup},
	{Name: "threshold", In: []string{TypeNumber}, Out: TypeLevel, Params: []string{"at"},
		build: buildThreshold},
	{Name: "copas_rate", In: []string{TypeNumber, TypeNumber}, Out: TypeNumber,
		Params: []string{"cap", "offset"}, build: buildCopasRate},
	{Name: "z_score", In: []string{TypeNumber}, Out: TypeNumber, Params: []string{"mean", "sd"},
		build: buildZScore},
}

// derivationNamed returns the derivation called name.
func derivationNamed(name string) (derivation, bool) {
	for _, d := range derivations {
		if d.Name == name {
			return d, true
		}
	}
	return derivation{}, false
}

// wholeYears is the number of whole years from one date to a later one: a year is
// complete on the anniversary of from (a 29 February anniversary counts on 1 March in
// common years). It is negative when to is before from.
func wholeYears(from, to civilDate) int {
	n := to.y - from.y
	if to.m < from.m || (to.m == from.m && to.d < from.d) {
		n--
	}
	return n
}

// buildWholeYears: age = whole years from Inputs[0] to Inputs[1].
func buildWholeYears(*Derived) deriveFunc {
	return func(in []value) (value, error) {
		return value{num: float64(wholeYears(in[0].date, in[1].date))}, nil
	}
}

// buildDifference: Inputs[0] − Inputs[1].
func buildDifference(*Derived) deriveFunc {
	return func(in []value) (value, error) {
		return value{num: in[0].num - in[1].num}, nil
	}
}

// buildGroup: the level index of the first inclusive upper bound that is ≥ x, or the
// last level (len(Bounds)) when x is above every bound.
func buildGroup(d *Derived) deriveFunc {
	bounds := make([]float64, len(d.Bounds))
	for i, b := range d.Bounds {
		bounds[i] = b.Value
	}
	return func(in []value) (value, error) {
		for i, b := range bounds {
			if in[0].num <= b {
				return value{level: i}, nil
			}
		}
		return value{level: len(bounds)}, nil
	}
}

// buildThreshold: level 0 when x ≤ at, level 1 when x > at.
func buildThreshold(d *Derived) deriveFunc {
	at := d.Params["at"].Value
	return func(in []value) (value, error) {
		if in[0].num > at {
			return value{level: 1}, nil
		}
		return value{level: 0}, nil
	}
}

// buildCopasRate is the Copas rate of offending of OGRS3 (Howard et al. 2009):
//
//	rate = ln( (min(n, cap) + 1) / (offset + career) )
//
// where n is the number of previous sanctions (the +1 counts the current one) and
// career is the years from the first sanction to the current conviction.
//
// TODO(ogrs3-cap): the cap (50 in ogrs3.json) is as DOMAIN.md §4 states it, but no
// reference case has more than 49 previous sanctions, so the cap itself is not checked
// against an independent result; the definition warns above 49 until one is.
func buildCopasRate(d *Derived) deriveFunc {
	limit, offset := d.Params["cap"].Value, d.Params["offset"].Value
	return func(in []value) (value, error) {
		n, career := in[0].num, in[1].num
		if n < 0 || offset+career <= 0 {
			return value{}, errorf("rate of %v sanctions over %v years is undefined", n, career)
		}
		return value{num: log((math.Min(n, limit) + 1) / (offset + career))}, nil
	}
}

// buildZScore standardises a number against its derivation sample:
//
//	z = (x − mean) / sd
//
// as OxRec enters the neighbourhood deprivation decile (Fazel et al. 2016). A standard
// deviation that is not positive makes the value undefined.
func buildZScore(d *Derived) deriveFunc {
	mean, sd := d.Params["mean"].Value, d.Params["sd"].Value
	return func(in []value) (value, error) {
		if !(sd > 0) {
			return value{}, errorf("standard deviation %v is not positive", sd)
		}
		return value{num: (in[0].num - mean) / sd}, nil
	}
}
