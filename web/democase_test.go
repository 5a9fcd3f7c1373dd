package web

import (
	"maps"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"spiegel/scoring"
)

// demoCatalog returns the built-in catalog with the synthetic OxRec-NL parameters
// bound, as a trainer's page has it after loading them.
func demoCatalog(t *testing.T) *scoring.Catalog {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, err := scoring.VerifyParameters(cat, scoring.SyntheticOxRecParams, "")
	if err != nil {
		t.Fatalf("VerifyParameters(synthetic): %v", err)
	}
	return cat.WithParams(set)
}

// TestDemoCases checks the library: ids unique, names marked fictional in both
// languages, a note in both, every control named exists in its model's form on
// the page, and every case scores without an error (group cases through the
// group's rule, with the synthetic parameters they ask for). Every model or group
// of the page has at least one case.
func TestDemoCases(t *testing.T) {
	cases, err := DemoCases()
	if err != nil {
		t.Fatal(err)
	}
	page := parse(t, render(t, Index(builtinPage(t))))
	cat := demoCatalog(t)
	seen, covered := map[string]bool{}, map[string]bool{}
	for _, d := range cases {
		if seen[d.ID] {
			t.Errorf("demo case id %q twice", d.ID)
		}
		seen[d.ID], covered[d.Model] = true, true
		if !strings.HasPrefix(d.Name["en"], "Fictional: ") ||
			!strings.HasPrefix(d.Name["nl"], "Fictief: ") {
			t.Errorf("%s: name %q not marked fictional in both languages", d.ID, d.Name)
		}
		if d.Note["en"] == "" || d.Note["nl"] == "" {
			t.Errorf("%s: note missing in a language", d.ID)
		}
		checkDemoControls(t, page, d)
		if rec := scoreDemo(t, cat, d); rec.Error != "" {
			t.Errorf("%s: scoring the demo case: %s", d.ID, rec.Error)
		}
	}
	for _, c := range builtinPage(t).Choices {
		if !covered[c.ID] {
			t.Errorf("no demo case for %s", c.ID)
		}
	}
}

// checkDemoControls checks that each value of d names a control of its form.
func checkDemoControls(t *testing.T, page *html.Node, d DemoCase) {
	t.Helper()
	form := find(page, func(n *html.Node) bool {
		return n.Data == "form" && (attr(n, "data-model") == d.Model || attr(n, "data-group") == d.Model)
	})
	if form == nil {
		t.Errorf("%s: no form for %q on the page", d.ID, d.Model)
		return
	}
	for name := range d.Case {
		if find(form, func(n *html.Node) bool { return attr(n, "name") == name }) == nil {
			t.Errorf("%s: form %s has no control %q", d.ID, d.Model, name)
		}
	}
}

// scoreDemo scores a demo case as the page would: a model's case as it is; a
// group's case through the group's rule (the rule's input is 0 when the answer to
// "<input>-asked" is no), in the variant of its outcome.
func scoreDemo(t *testing.T, cat *scoring.Catalog, d DemoCase) scoring.Record {
	t.Helper()
	c := scoring.Case(maps.Clone(d.Case))
	g, err := cat.Group(d.Model)
	if err != nil {
		m, err := cat.Model(d.Model)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		return scoring.ScoreRecord(m, d.ID, c)
	}
	input := g.Definition().Rule.Input
	outcome := c["outcome"]
	if c[input+"-asked"] == "no" {
		c[input] = "0"
	}
	delete(c, "outcome")
	delete(c, input+"-asked")
	sel, err := g.Select(c, outcome)
	if err != nil {
		t.Fatalf("%s: Select: %v", d.ID, err)
	}
	m, err := cat.Model(sel.Model)
	if err != nil {
		t.Fatal(err)
	}
	m0 := scoring.ScoreRecord(m, d.ID, c)
	if !m0.Synthetic {
		t.Errorf("%s: computed without the synthetic parameters", d.ID)
	}
	return m0
}

// TestDemoCaseNotes checks what two notes claim: OGRS3 counts 62 previous
// sanctions as 50, and detention under 6 months chooses the not-detained variant.
func TestDemoCaseNotes(t *testing.T) {
	cat := demoCatalog(t)
	byID := map[string]DemoCase{}
	cases, _ := DemoCases()
	for _, d := range cases {
		byID[d.ID] = d
	}
	long := byID["ogrs3-long-record"]
	capped := long
	capped.Case = maps.Clone(long.Case)
	capped.Case["previous_sanctions"] = "50"
	a, b := scoreDemo(t, cat, long), scoreDemo(t, cat, capped)
	if a.Probabilities["2y"] != b.Probabilities["2y"] || a.Probabilities["2y"] == 0 {
		t.Errorf("62 and 50 previous sanctions give %v and %v, want equal", a.Probabilities, b.Probabilities)
	}
	for id, want := range map[string]string{"oxrec-detained-8": "oxrec-nl-detained-general",
		"oxrec-detained-4": "oxrec-nl-nondetained-general"} {
		if got := scoreDemo(t, cat, byID[id]).Model; got != want {
			t.Errorf("%s computed with %s, want %s", id, got, want)
		}
	}
}
