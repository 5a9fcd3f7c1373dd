package scoring_test

import (
	"fmt"
	"math"
	"testing"

	"spiegel/scoring"
)

// ogrs3Tolerance is the agreement required with the reference probabilities, which
// were computed in double precision (issue 2: 1e-9 or better).
const ogrs3Tolerance = 1e-9

// ogrs3Case is one row of ../shared/reference/ogrs3/cases.json.
type ogrs3Case struct {
	ID                string  `json:"id"`
	Sex               string  `json:"sex"`
	OffenceGroup      int     `json:"offence_group"`
	PreviousSanctions int     `json:"previous_sanctions"`
	BirthDate         string  `json:"birth_date"`
	ConvictionDate    string  `json:"conviction_date"`
	FirstSanctionDate string  `json:"first_sanction_date"`
	AssessmentDate    string  `json:"assessment_date"`
	ExpectedYear1     float64 `json:"expected_year1"`
	ExpectedYear2     float64 `json:"expected_year2"`
}

// input returns the reference row as an engine case.
func (c ogrs3Case) input() scoring.Case {
	return scoring.Case{
		"sex": c.Sex, "offence_group": fmt.Sprint(c.OffenceGroup),
		"previous_sanctions": fmt.Sprint(c.PreviousSanctions),
		"birth_date":         c.BirthDate, "conviction_date": c.ConvictionDate,
		"first_sanction_date": c.FirstSanctionDate, "assessment_date": c.AssessmentDate,
	}
}

// ogrs3Reference reads the 575 reference cases, or skips.
func ogrs3Reference(t testing.TB) []ogrs3Case {
	var cases []ogrs3Case
	readShared(t, "ogrs3/cases.json", &cases)
	if len(cases) == 0 {
		t.Fatal("ogrs3/cases.json holds no cases")
	}
	return cases
}

// mismatches scores every reference case with m and returns how many differ from the
// expected probabilities by more than ogrs3Tolerance, with the first few described.
func mismatches(t testing.TB, m *scoring.Model, cases []ogrs3Case) (int, []string) {
	n, first := 0, []string{}
	for _, c := range cases {
		got, err := m.Predict(c.input())
		if err != nil {
			n++
			first = append(first, fmt.Sprintf("%s: %v", c.ID, err))
			continue
		}
		want := []float64{c.ExpectedYear1, c.ExpectedYear2}
		for i, h := range got.Horizons {
			if d := math.Abs(h.Probability - want[i]); !(d <= ogrs3Tolerance) {
				n++
				first = append(first, fmt.Sprintf("%s %s: got %.17g, want %.17g (diff %.2g)",
					c.ID, h.Label, h.Probability, want[i], d))
			}
		}
	}
	if len(first) > 5 {
		first = first[:5]
	}
	return n, first
}

func TestOGRS3ReferenceCases(t *testing.T) {
	cases := ogrs3Reference(t)
	if n, first := mismatches(t, builtin(t, "ogrs3"), cases); n > 0 {
		t.Errorf("%d of %d reference probabilities off by more than %g: %v",
			n, 2*len(cases), ogrs3Tolerance, first)
	}
}

// handCase is one row of testdata/ogrs3_hand.json.
type handCase struct {
	Name     string             `json:"name"`
	Case     scoring.Case       `json:"case"`
	AgeGroup int                `json:"age_group"`
	Career   int                `json:"career_years"`
	Terms    map[string]float64 `json:"terms"`
	Expected map[string]float64 `json:"expected"`
}

func TestOGRS3HandDerivedCases(t *testing.T) {
	var doc struct{ Cases []handCase }
	readTestdata(t, "ogrs3_hand.json", &doc)
	m := builtin(t, "ogrs3")
	for _, hc := range doc.Cases {
		p, err := m.Predict(hc.Case)
		if err != nil {
			t.Fatalf("%s: Predict error: %v", hc.Name, err)
		}
		for _, h := range p.Horizons {
			if d := math.Abs(h.Probability - hc.Expected[h.Label]); d > ogrs3Tolerance {
				t.Errorf("%s: Predict(%v) %s = %.17g, want %.17g", hc.Name, hc.Case, h.Label,
					h.Probability, hc.Expected[h.Label])
			}
		}
		for _, c := range p.Contributions {
			if d := math.Abs(c.Value - hc.Terms[c.Term]); d > 1e-12 {
				t.Errorf("%s: term %s = %.17g, want %.17g", hc.Name, c.Term, c.Value,
					hc.Terms[c.Term])
			}
		}
	}
}

// coefficientsFile is ../shared/reference/ogrs3/coefficients.json.
type coefficientsFile struct {
	Intercept     map[string]float64   `json:"intercept"`
	AgeBounds     []float64            `json:"age_groups_upper_bounds_inclusive"`
	AgeSex        map[string][]float64 `json:"age_sex"`
	OffenceGroups []struct {
		Code        int     `json:"code"`
		Coefficient float64 `json:"coefficient"`
	} `json:"offence_groups"`
	Sanctions map[string]any `json:"sanctions_history"`
	Copas     float64        `json:"copas"`
}

// TestOGRS3DefinitionMatchesPublishedTable compares every number of the built-in
// definition with the independent copy of the published coefficients, so that a
// mistyped, swapped or missing value fails here even where no reference case hits it.
func TestOGRS3DefinitionMatchesPublishedTable(t *testing.T) {
	var pub coefficientsFile
	readShared(t, "ogrs3/coefficients.json", &pub)
	def := builtin(t, "ogrs3").Definition()
	want := map[string]float64{
		"intercept 1y": pub.Intercept["year1"], "intercept 2y": pub.Intercept["year2"],
		"copas":                     pub.Copas,
		"sanctions first_sanction":  pub.Sanctions["first_sanction"].(float64),
		"sanctions repeat_offender": pub.Sanctions["repeat_offender"].(float64),
	}
	for sex, row := range pub.AgeSex {
		for g, v := range row {
			want[fmt.Sprintf("age_sex %s/%d", sex, g)] = v
		}
	}
	for _, o := range pub.OffenceGroups {
		want[fmt.Sprintf("offence %d", o.Code)] = o.Coefficient
	}
	for i, b := range pub.AgeBounds {
		want[fmt.Sprintf("age bound %d", i)] = b
	}
	got := ogrs3Numbers(def)
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("definition %s = %v (present %v), want %v", k, g, ok, v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("definition has %d model numbers, published table %d", len(got), len(want))
	}
}

// ogrs3Numbers collects the model numbers of the OGRS3 definition under the names
// TestOGRS3DefinitionMatchesPublishedTable uses.
func ogrs3Numbers(def scoring.Definition) map[string]float64 {
	got := map[string]float64{}
	for _, h := range def.Horizons {
		got["intercept "+h.Label] = h.Intercept.Value
	}
	for _, term := range def.Terms {
		if term.Kind == "linear" {
			got[term.ID] = term.Beta.Value
		}
		for _, c := range term.Table {
			key := c.Key[0]
			if len(c.Key) == 2 {
				key += "/" + c.Key[1]
			}
			got[term.ID+" "+key] = c.Value
		}
	}
	for _, d := range def.Derived {
		for i, b := range d.Bounds {
			got[fmt.Sprintf("age bound %d", i)] = b.Value
		}
	}
	return got
}
