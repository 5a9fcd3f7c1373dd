package scoring_test

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"spiegel/scoring"
)

// boundCatalog is the built-in catalog with the synthetic OxRec-NL parameters bound,
// so that every model of every population spec can compute.
func boundCatalog(t *testing.T) *scoring.Catalog {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, err := scoring.VerifyParameters(cat, scoring.SyntheticOxRecParams, "")
	if err != nil {
		t.Fatal(err)
	}
	return cat.WithParams(set)
}

// specModels returns every model some spec draws for, from cat.
func specModels(t *testing.T, cat *scoring.Catalog) []*scoring.Model {
	t.Helper()
	var out []*scoring.Model
	for _, s := range scoring.PopulationSpecs() {
		for _, id := range s.Models {
			m, err := cat.Model(id)
			if err != nil {
				t.Fatalf("spec %s names %s: %v", s.ID, id, err)
			}
			out = append(out, m)
		}
	}
	return out
}

func TestSyntheticPopulationIsDeterministic(t *testing.T) {
	m := builtin(t, "ogrs3")
	a, err := scoring.SyntheticPopulation(m, 300, 42)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := scoring.SyntheticPopulation(m, 300, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("SyntheticPopulation(ogrs3, 300, 42) differs between two calls")
	}
	c, _ := scoring.SyntheticPopulation(m, 300, 43)
	if reflect.DeepEqual(a.Cases, c.Cases) {
		t.Error("seeds 42 and 43 drew the same cases")
	}
	// A fixed draw pins the generator: a change to a table, the order of the draws
	// or the PCG stream shows here.
	want := scoring.Case{"sex": "male", "offence_group": "3", "previous_sanctions": "18",
		"birth_date": "2002-06-25", "conviction_date": "2022-02-21",
		"first_sanction_date": "2022-02-21", "assessment_date": "2023-02-21"}
	if got := a.Cases[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("first case with seed 42 = %v, want %v", got, want)
	}
}

func TestSyntheticCasesAreMarked(t *testing.T) {
	p, err := scoring.SyntheticPopulation(builtin(t, "rossi-cox"), 1000, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Synthetic || p.Format != "synthetic" || len(p.Cases) != 1000 {
		t.Fatalf("population: synthetic %v, format %q, %d cases", p.Synthetic, p.Format,
			len(p.Cases))
	}
	seen := map[string]bool{}
	for i, id := range p.IDs {
		if !strings.HasPrefix(id, scoring.SyntheticPrefix+"rossi-") || seen[id] {
			t.Fatalf("case %d has id %q: want a unique id starting %q", i, id,
				scoring.SyntheticPrefix)
		}
		seen[id] = true
		if p.Rows[i] != i+1 {
			t.Fatalf("case %d has row %d", i, p.Rows[i])
		}
	}
	if p.IDs[0] != "SYNTHETIC-rossi-0001" {
		t.Errorf("first id = %q, want SYNTHETIC-rossi-0001", p.IDs[0])
	}
}

func TestSyntheticPopulationSize(t *testing.T) {
	m := builtin(t, "ogrs3")
	for _, n := range []int{0, -1, scoring.MaxPopulation + 1} {
		if _, err := scoring.SyntheticPopulation(m, n, 1); err == nil {
			t.Errorf("SyntheticPopulation(n = %d) accepted", n)
		}
	}
	template := builtin(t, "oxrec-nl-detained-general")
	if _, err := scoring.SyntheticPopulation(template, 1, 1); err != nil {
		t.Errorf("template without parameters: %v (the draws need no parameters)", err)
	}
}

func TestEveryDrawnCaseIsAccepted(t *testing.T) {
	cat := boundCatalog(t)
	for _, m := range specModels(t, cat) {
		p, err := scoring.SyntheticPopulation(m, 3000, 7)
		if err != nil {
			t.Fatalf("%s: %v", m.ID(), err)
		}
		for i, c := range p.Cases {
			in := scoring.Case{}
			for _, pd := range m.Describe().Predictors {
				if _, ok := c[pd.ID]; !ok {
					t.Fatalf("%s: case %s lacks input %s", m.ID(), p.IDs[i], pd.ID)
				}
				in[pd.ID] = c[pd.ID]
			}
			pr, err := m.Predict(in)
			if err != nil {
				t.Fatalf("%s: Predict(%v) refused: %v", m.ID(), in, err)
			}
			if len(pr.Warnings) > 0 {
				t.Fatalf("%s: Predict(%v) warns: %v", m.ID(), in, pr.Warnings)
			}
		}
	}
}

func TestPopulationSpecsAreDocumented(t *testing.T) {
	for _, s := range scoring.PopulationSpecs() {
		if s.Note == "" || len(s.Models) == 0 {
			t.Errorf("spec %s: no note or no models", s.ID)
		}
		for _, d := range s.Distributions {
			if (d.Source == "") != d.Assumption {
				t.Errorf("spec %s, %s: source %q, assumption %v; want exactly one", s.ID,
					d.Name, d.Source, d.Assumption)
			}
			if (len(d.Levels) == 0) == (len(d.Bands) == 0) {
				t.Errorf("spec %s, %s: want levels or bands", s.ID, d.Name)
			}
			for _, l := range d.Levels {
				if l.ID == "" || !(l.Weight > 0) {
					t.Errorf("spec %s, %s: level %+v", s.ID, d.Name, l)
				}
			}
			for i, b := range d.Bands {
				if b.Lo > b.Hi || !(b.Weight > 0) || (i > 0 && b.Lo <= d.Bands[i-1].Hi) {
					t.Errorf("spec %s, %s: band %+v out of order or empty", s.ID, d.Name, b)
				}
			}
		}
	}
}

// slot returns the level or band of d that holds the value v, or -1.
func slot(d scoring.Distribution, v string) int {
	for i, l := range d.Levels {
		if l.ID == v {
			return i
		}
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return -1
	}
	for i, b := range d.Bands {
		if n >= b.Lo && n <= b.Hi {
			return i
		}
	}
	return -1
}

// observed returns, for each case, the value the distribution named name was drawn
// as: the input itself, or for OGRS3's age the model's own derived age.
func observed(t *testing.T, m *scoring.Model, c scoring.Case, name string) (string, bool) {
	if v, ok := c[name]; ok {
		return v, true
	}
	if name != "age" {
		return "", false
	}
	p, err := m.Predict(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range p.Derived {
		if d.ID == "age" {
			return d.Value, true
		}
	}
	return "", false
}

func TestDrawsFollowTheirTables(t *testing.T) {
	const n, tolerance = 20000, 0.015 // about 5 standard errors of a share near 0.5
	cat := boundCatalog(t)
	for _, s := range scoring.PopulationSpecs() {
		m, _ := cat.Model(s.Models[0])
		p, err := scoring.SyntheticPopulation(m, n, 2026)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range s.Distributions {
			want := d.Shares()
			got := make([]float64, len(want))
			checked := false
			for i, c := range p.Cases {
				v, ok := observed(t, m, c, d.Name)
				if !ok {
					break
				}
				k := slot(d, v)
				if k < 0 {
					t.Fatalf("spec %s: case %s has %s = %q, outside the table", s.ID, p.IDs[i],
						d.Name, v)
				}
				got[k] += 1.0 / n
				checked = true
			}
			for k := range want {
				if checked && math.Abs(got[k]-want[k]) > tolerance {
					t.Errorf("spec %s, %s: slot %d drawn %.4f of the time, stated %.4f", s.ID,
						d.Name, k, got[k], want[k])
				}
			}
		}
	}
}
