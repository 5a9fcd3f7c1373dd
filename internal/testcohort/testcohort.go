// Package testcohort makes made-up follow-up data for tests of validation and
// recalibration: the inputs of the synthetic OxRec-NL parameter file's golden cases,
// repeated, with a follow-up time and an event per row. The numbers describe nobody.
package testcohort

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"spiegel/scoring"
)

// Outcome gives row i, whose inputs are c, its follow-up time in years and its event
// ("0" or "1").
type Outcome func(i int, c scoring.Case) (years, event string)

// Varied gives times from 0.25 to 2.25 years and an event in every third row,
// whatever the inputs.
func Varied(i int, _ scoring.Case) (string, string) {
	return strconv.FormatFloat(0.25+float64(i%9)*0.25, 'f', -1, 64), strconv.Itoa(i % 3 / 2)
}

// OxRec returns a CSV (header years, event and the inputs, sorted) of n rows whose
// inputs cycle through the golden cases of the variants keep accepts (by model id;
// nil keeps all), with outcome's times and events.
func OxRec(n int, keep func(model string) bool, outcome Outcome) (string, error) {
	var f scoring.ParameterFile
	if err := json.Unmarshal(scoring.SyntheticOxRecParams, &f); err != nil {
		return "", err
	}
	var cases []scoring.Case
	var cols []string
	for _, g := range f.Golden {
		if keep != nil && !keep(g.Model) {
			continue
		}
		cases = append(cases, g.Case)
		for k := range g.Case {
			if !slices.Contains(cols, k) {
				cols = append(cols, k)
			}
		}
	}
	slices.Sort(cols)
	var b strings.Builder
	b.WriteString("years,event," + strings.Join(cols, ",") + "\n")
	for i := range n {
		c := cases[i%len(cases)]
		years, event := outcome(i, c)
		b.WriteString(years + "," + event)
		for _, k := range cols {
			b.WriteString("," + c[k])
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}

// Detained keeps the detained variants.
func Detained(model string) bool { return strings.HasPrefix(model, "oxrec-nl-detained-") }
