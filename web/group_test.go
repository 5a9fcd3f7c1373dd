package web

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"spiegel/scoring"
)

// TestGroupFoldsItsMembers checks that the members of a group have no form or picker
// entry of their own, and that the group has one of each, in the place of its first
// member.
func TestGroupFoldsItsMembers(t *testing.T) {
	p := builtinPage(t)
	ids := map[string]bool{}
	for _, c := range p.Choices {
		ids[c.ID] = true
	}
	for _, f := range p.Forms {
		if f.Group != "" {
			t.Errorf("model %s of group %s has a form of its own", f.ID, f.Group)
		}
	}
	if len(p.Groups) == 0 {
		t.Fatal("page has no group sections")
	}
	for _, g := range p.Groups {
		if !ids[g.ID] {
			t.Errorf("group %s has no picker entry", g.ID)
		}
		for _, m := range g.Members {
			if ids[m.ID] {
				t.Errorf("member %s of %s has a picker entry of its own", m.ID, g.ID)
			}
		}
	}
	if got := len(p.Forms) + len(p.Groups); got != len(p.Choices) {
		t.Errorf("%d forms and groups, %d picker entries", got, len(p.Choices))
	}
	if !p.Choices[0].Selected || slices.ContainsFunc(p.Choices[1:], func(c Choice) bool {
		return c.Selected
	}) {
		t.Errorf("want exactly the first picker entry selected: %+v", p.Choices)
	}
}

// TestGroupPredictorsAgree checks that a predictor several members ask for is
// described the same way by each, so that one control can serve them all.
func TestGroupPredictorsAgree(t *testing.T) {
	for _, g := range builtinPage(t).Groups {
		seen := map[string]scoring.PredictorDescription{}
		for _, m := range g.Members {
			for _, p := range m.Predictors {
				if first, ok := seen[p.ID]; ok && !reflect.DeepEqual(first, p) {
					t.Errorf("%s: %s describes %s as %+v, an earlier member as %+v", g.ID, m.ID,
						p.ID, p, first)
				}
				seen[p.ID] = p
			}
		}
		if len(g.Fields)+1 != len(seen) || g.Gate.ID != g.Rule.Input {
			t.Errorf("%s: %d fields and gate %q for %d predictors", g.ID, len(g.Fields),
				g.Gate.ID, len(seen))
		}
	}
}

// TestGroupSectionControls checks the group section's controls: the labelled file
// input, pin and buttons of the parameter panel, the polite live regions, the
// yes/no question with its length field, the outcome choice, the rule with its
// source, the hidden synthetic banner and each member's reason for not computing.
func TestGroupSectionControls(t *testing.T) {
	p := builtinPage(t)
	page := parse(t, render(t, Index(p)))
	for _, g := range p.Groups {
		sec := find(page, func(n *html.Node) bool {
			return n.Data == "section" && attr(n, "data-group") == g.ID
		})
		if sec == nil {
			t.Fatalf("no section for group %s", g.ID)
		}
		checkParamsPanel(t, page, sec)
		checkGate(t, page, sec, g)
		checkLive(t, sec, "variant", "params-report", "params-status")

		byTest := func(id string) *html.Node { return findTestID(sec, id) }
		if got := textOf(byTest("variant-rule")); got != g.RuleText(English) ||
			!strings.Contains(got, "6 months") {
			t.Errorf("variant rule reads %q, want %q", got, g.RuleText(English))
		}
		if got := textOf(byTest("variant-source")); !strings.Contains(got, g.Rule.Source) ||
			!strings.Contains(g.Rule.Source, "Inspectie") {
			t.Errorf("variant source reads %q, want %q", got, g.Rule.Source)
		}
		banner := byTest("section-synthetic")
		if banner == nil || !hasAttr(banner, "hidden") ||
			!strings.Contains(textOf(banner), English.JS.SyntheticBanner) {
			t.Errorf("no hidden synthetic banner reading %q", English.JS.SyntheticBanner)
		}
		checkOutcomes(t, sec, g)
		checkReasons(t, sec, g)
	}
}

// checkParamsPanel checks the file input, pin field and buttons.
func checkParamsPanel(t *testing.T, page, sec *html.Node) {
	t.Helper()
	file := findTestID(sec, "params-file")
	const accept = ".json,application/json"
	if file == nil || attr(file, "type") != "file" || attr(file, "accept") != accept {
		t.Errorf("no file input accepting .json,application/json")
	} else {
		checkLabel(t, page, file, English.ParamsFile)
	}
	if pin := findTestID(sec, "params-pin"); pin == nil {
		t.Errorf("no pin field")
	} else {
		checkLabel(t, page, pin, English.ParamsPin)
	}
	for id, want := range map[string]string{"params-synthetic": English.LoadSynthetic,
		"params-clear": English.ClearParams} {
		b := findTestID(sec, id)
		if b == nil || b.Data != "button" || attr(b, "type") != "button" ||
			strings.TrimSpace(textOf(b)) != want {
			t.Errorf("no button %q (data-testid %s)", want, id)
		}
	}
}

// checkGate checks the yes/no question, its shared error element and the hidden
// length field that follows it.
func checkGate(t *testing.T, page, sec *html.Node, g GroupSection) {
	t.Helper()
	fs := find(sec, func(n *html.Node) bool {
		return n.Data == "fieldset" && attr(n, "id") == g.GateFieldID()
	})
	if fs == nil {
		t.Fatalf("no fieldset %s", g.GateFieldID())
	}
	legend := find(fs, func(n *html.Node) bool { return n.Data == "legend" })
	if legend == nil || textOf(legend) != English.Detained {
		t.Errorf("gate legend is not %q", English.Detained)
	}
	var values []string
	walk(fs, func(n *html.Node) {
		if attr(n, "type") != "radio" {
			return
		}
		values = append(values, attr(n, "value"))
		errID := attr(n, "data-error-id")
		if find(page, func(e *html.Node) bool { return attr(e, "id") == errID }) == nil {
			t.Errorf("radio %s: no element %q for its error", attr(n, "value"), attr(n, "data-error-id"))
		}
		if n.Parent.Data != "label" || hasAttr(n, "checked") {
			t.Errorf("radio %s: want it inside its label and unchecked", attr(n, "value"))
		}
	})
	if !slices.Equal(values, []string{"yes", "no"}) {
		t.Errorf("gate answers = %q, want yes, no", values)
	}
	box := findTestID(sec, "gate-value")
	ctl := find(box, func(n *html.Node) bool { return attr(n, "name") == g.Rule.Input })
	if !hasAttr(box, "hidden") || ctl == nil {
		t.Errorf("want the %s control in a hidden gate-value box", g.Rule.Input)
	}
}

// checkLive checks that each test id names an element with aria-live=polite.
func checkLive(t *testing.T, sec *html.Node, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if n := findTestID(sec, id); n == nil || attr(n, "aria-live") != "polite" {
			t.Errorf("%s: want aria-live=polite", id)
		}
	}
}

// checkOutcomes checks one labelled radio per outcome, the first checked.
func checkOutcomes(t *testing.T, sec *html.Node, g GroupSection) {
	t.Helper()
	for i, o := range g.Outcomes {
		r := findTestID(sec, "outcome-"+o)
		if r == nil || attr(r, "name") != "outcome" || hasAttr(r, "checked") != (i == 0) ||
			strings.TrimSpace(textOf(r.Parent)) != English.JS.OutcomeLabel(o) {
			t.Errorf("outcome %s: want a radio labelled %q, checked only if first", o,
				English.JS.OutcomeLabel(o))
		}
	}
}

// checkReasons checks that each member is listed with its reason for not computing.
func checkReasons(t *testing.T, sec *html.Node, g GroupSection) {
	t.Helper()
	for _, m := range g.Members {
		li := find(sec, func(n *html.Node) bool { return attr(n, "data-member") == m.ID })
		if m.Parameters == "" || li == nil || !strings.Contains(textOf(li), m.Parameters) ||
			!strings.Contains(textOf(li), m.Name) {
			t.Errorf("member %s: not listed with its name and reason %q", m.ID, m.Parameters)
		}
	}
}

// checkLabel checks that a control has a label reading want.
func checkLabel(t *testing.T, page, c *html.Node, want string) {
	t.Helper()
	id := attr(c, "id")
	label := find(page, func(n *html.Node) bool { return n.Data == "label" && attr(n, "for") == id })
	if id == "" || label == nil || strings.TrimSpace(textOf(label)) != want {
		t.Errorf("control %q has no label reading %q", id, want)
	}
}

// findTestID returns the first element at or below n with the data-testid id.
func findTestID(n *html.Node, id string) *html.Node {
	return find(n, func(e *html.Node) bool { return attr(e, "data-testid") == id })
}
