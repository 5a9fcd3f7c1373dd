package scoring_test

import (
	"fmt"
	"testing"

	"spiegel/scoring"
)

// These tests prove that the suite notices the faults of DOMAIN.md §7: each mutant of
// a built-in definition must fail the reference cases or the comparison with the
// published table.

func TestMutationSwappedSexTablesFailReferenceCases(t *testing.T) {
	cases := ogrs3Reference(t)
	tree := builtinDefinition(t, "ogrs3")
	for _, cell := range cells(tree, "age_sex") {
		key := cell["key"].([]any)
		key[0] = map[string]any{"male": "female", "female": "male"}[key[0].(string)]
	}
	m, err := loadTree(t, tree)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := mismatches(t, m, cases); n == 0 {
		t.Error("male and female tables exchanged, yet every reference case still matches")
	}
}

func TestMutationEveryCoefficientIsGuarded(t *testing.T) {
	cases := ogrs3Reference(t)
	var pub coefficientsFile
	readShared(t, "ogrs3/coefficients.json", &pub)
	tree := builtinDefinition(t, "ogrs3")
	for _, c := range coefficientsOf(tree) {
		name := fmt.Sprint(c["ref"].(map[string]any)["at"])
		orig := c["value"].(float64)
		c["value"] = orig + 1e-6
		m, err := loadTree(t, tree)
		c["value"] = orig
		if err != nil {
			t.Fatalf("mutant %s does not load: %v", name, err)
		}
		n, _ := mismatches(t, m, cases)
		if n == 0 && sameNumbers(ogrs3Numbers(m.Definition()), pub) {
			t.Errorf("coefficient %s changed by 1e-6 and nothing noticed", name)
		}
	}
}

// sameNumbers reports whether the definition's model numbers equal the published
// table's, the check TestOGRS3DefinitionMatchesPublishedTable makes.
func sameNumbers(got map[string]float64, pub coefficientsFile) bool {
	if got["intercept 1y"] != pub.Intercept["year1"] || got["copas"] != pub.Copas {
		return false
	}
	if got["intercept 2y"] != pub.Intercept["year2"] {
		return false
	}
	for sex, row := range pub.AgeSex {
		for g, v := range row {
			if got[fmt.Sprintf("age_sex %s/%d", sex, g)] != v {
				return false
			}
		}
	}
	for _, o := range pub.OffenceGroups {
		if got[fmt.Sprintf("offence %d", o.Code)] != o.Coefficient {
			return false
		}
	}
	for _, k := range []string{"first_sanction", "repeat_offender"} {
		if got["sanctions "+k] != pub.Sanctions[k].(float64) {
			return false
		}
	}
	return true
}

// cells returns the table cells of the named term in a definition tree.
func cells(tree map[string]any, term string) []map[string]any {
	var out []map[string]any
	for _, t := range tree["terms"].([]any) {
		tm := t.(map[string]any)
		if tm["id"] != term {
			continue
		}
		for _, c := range tm["table"].([]any) {
			out = append(out, c.(map[string]any))
		}
	}
	return out
}

// coefficientsOf returns every model coefficient of a definition tree (table cells,
// linear betas and intercepts), as the mutable maps inside the tree.
func coefficientsOf(tree map[string]any) []map[string]any {
	var out []map[string]any
	for _, t := range tree["terms"].([]any) {
		tm := t.(map[string]any)
		if b, ok := tm["beta"].(map[string]any); ok {
			out = append(out, b)
		}
		if tab, ok := tm["table"].([]any); ok {
			for _, c := range tab {
				out = append(out, c.(map[string]any))
			}
		}
	}
	for _, h := range tree["horizons"].([]any) {
		for _, k := range []string{"intercept", "baseline_survival"} {
			if c, ok := h.(map[string]any)[k].(map[string]any); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

func TestMutationSwappedRossiVariantsFailReference(t *testing.T) {
	var ref struct {
		Paroled rossiFit `json:"paroled"`
	}
	readShared(t, "rossi/reference.json", &ref)
	data := rossiData(t)

	// The not-paroled parameter set given the paroled model's id: a swap.
	tree := builtinDefinition(t, "rossi-cox-not-paroled")
	tree["id"] = "rossi-cox-paroled"
	m, err := loadTree(t, tree)
	if err != nil {
		t.Fatal(err)
	}
	moved := 0
	for _, want := range ref.Paroled.Predictions {
		p, err := m.Predict(only(m, data[want.ID]))
		if err != nil {
			t.Fatal(err)
		}
		if d := p.Horizons[1].Probability - want.Risk52; d > rossiTolerance || d < -rossiTolerance {
			moved++
		}
	}
	if moved == 0 {
		t.Error("paroled and not-paroled parameter sets exchanged, yet every prediction matches")
	}
}

func TestMutationEveryRossiNumberIsGuarded(t *testing.T) {
	var ref struct {
		Full       rossiFit `json:"full"`
		Paroled    rossiFit `json:"paroled"`
		NotParoled rossiFit `json:"not_paroled"`
	}
	readShared(t, "rossi/reference.json", &ref)
	data := rossiData(t)
	fits := map[string]rossiFit{"rossi-cox": ref.Full, "rossi-cox-paroled": ref.Paroled,
		"rossi-cox-not-paroled": ref.NotParoled}
	for id, fit := range fits {
		tree := builtinDefinition(t, id)
		for _, c := range append(coefficientsOf(tree), centresOf(tree)...) {
			orig := c["value"].(float64)
			c["value"] = orig + 1e-6
			m, err := loadTree(t, tree)
			c["value"] = orig
			if err != nil {
				t.Fatalf("%s mutant does not load: %v", id, err)
			}
			if !rossiMoved(t, m, fit, data) {
				t.Errorf("%s: %v changed by 1e-6 and every prediction still matches", id,
					c["ref"])
			}
		}
	}
}

// centresOf returns the centring values of a definition tree.
func centresOf(tree map[string]any) []map[string]any {
	var out []map[string]any
	for _, t := range tree["terms"].([]any) {
		if c, ok := t.(map[string]any)["centre"].(map[string]any); ok {
			out = append(out, c)
		}
	}
	return out
}

// rossiMoved reports whether any reference prediction of fit differs from m's by
// more than rossiTolerance.
func rossiMoved(t *testing.T, m *scoring.Model, fit rossiFit, data map[string]scoring.Case) bool {
	t.Helper()
	for _, want := range fit.Predictions {
		p, err := m.Predict(only(m, data[want.ID]))
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range []float64{want.Risk26, want.Risk52} {
			if d := p.Horizons[i].Probability - w; d > rossiTolerance || d < -rossiTolerance {
				return true
			}
		}
	}
	return false
}
