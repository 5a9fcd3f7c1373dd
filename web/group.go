package web

import "spiegel/scoring"

// GroupSection is a group of model variants shown as one section of the page, in
// place of one form per variant: a parameter-file panel, a single case form built
// from the union of the variants' predictors, a question for the group rule's input,
// and a box that says which variant the rule chooses. Choosing a variant by hand is
// how the Dutch detained and not-detained formulas came to be swapped, so the page
// only ever lets the rule choose, and shows every variant side by side.
type GroupSection struct {
	ID       string
	Name     string
	Selected bool

	Rule    RuleView
	Gate    Field   // the rule's input, asked after a yes/no question
	Fields  []Field // every other predictor of any member, in first-seen order
	Members []GroupMember
	// Outcomes are the members' outcome ids, in first-seen order.
	Outcomes []string
	// Notice, IntendedUse and Citation are the first member's; the members of a
	// group share them.
	Notice      string
	IntendedUse string
	Citation    string
}

// GroupMember is one variant of a group: its description as built in (without
// parameters) and its outcome in the group.
type GroupMember struct {
	scoring.Description
	Outcome string
}

// RuleView is a group's variant rule as the page states it, with its source.
type RuleView struct {
	Input   string // predictor id the rule reads
	Label   string // what the rule's input measures, e.g. "detained"
	Unit    string
	AtLeast string // the threshold, in the fewest digits that read back exactly
	Then    string // population chosen at or above the threshold
	Else    string // population chosen below it
	Source  string // citation and locator of the threshold
}

// NewGroupSection returns the section for a group whose members are models of cat.
// A member the catalog lacks is left out (the catalog's own checks rule that out).
func NewGroupSection(g *scoring.Group, cat *scoring.Catalog, t Text) GroupSection {
	def := g.Definition()
	r := def.Rule
	tr := t.JS.Models
	s := GroupSection{ID: def.ID, Name: tr.T(def.Name), Rule: RuleView{Input: r.Input,
		Label: tr.T(r.Label), Unit: tr.T(r.Unit), AtLeast: num(r.AtLeast.Value), Then: r.Then,
		Else: r.Else, Source: citeRef(def.Sources, r.AtLeast.Ref, tr)}}
	seen := map[string]bool{}
	for _, mb := range def.Members {
		m, err := cat.Model(mb.Model)
		if err != nil {
			continue
		}
		d := tr.Description(m.Describe())
		s.Members = append(s.Members, GroupMember{Description: d, Outcome: mb.Outcome})
		s.addOutcome(mb.Outcome)
		for _, p := range d.Predictors {
			if seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			f := Field{PredictorDescription: p, ControlID: def.ID + "--" + p.ID,
				Range: rangeText(p, t)}
			if p.ID == r.Input {
				s.Gate = f
			} else {
				s.Fields = append(s.Fields, f)
			}
		}
	}
	if len(s.Members) > 0 {
		first := s.Members[0]
		s.Notice, s.IntendedUse, s.Citation = first.Notice, first.IntendedUse, first.Citation
	}
	return s
}

// addOutcome appends an outcome id the section does not list yet.
func (s *GroupSection) addOutcome(id string) {
	for _, o := range s.Outcomes {
		if o == id {
			return
		}
	}
	s.Outcomes = append(s.Outcomes, id)
}

// AllComputable reports whether every member of the group can compute.
func (s GroupSection) AllComputable() bool {
	for _, m := range s.Members {
		if !m.Computable {
			return false
		}
	}
	return true
}

// citeRef renders a reference as its source's citation, as published, and its
// locator in the page's language.
func citeRef(sources map[string]scoring.Source, r scoring.Ref, tr ModelTexts) string {
	return sources[r.Source].Citation + " — " + tr.T(r.At)
}

// SectionID is the id of the group's section element.
func (s GroupSection) SectionID() string { return "group-" + s.ID }

// FormID is the id of the group's case form.
func (s GroupSection) FormID() string { return "form-" + s.ID }

// PartID is the id of a named part of the section, unique in the page.
func (s GroupSection) PartID(part string) string { return s.ID + "--" + part }

// GateFieldID is the id of the yes/no question that comes before the rule's input.
// Its error element is GateFieldID()+"-error", shared by both answers.
func (s GroupSection) GateFieldID() string { return s.ID + "--" + s.Rule.Input + "-asked" }

// RuleText is the rule in words, with populations named as the page names them.
func (s GroupSection) RuleText(t Text) string {
	return Fill(t.VariantRule, map[string]string{"label": s.Rule.Label,
		"value": s.Rule.AtLeast, "unit": s.Rule.Unit,
		"then": t.JS.PopulationLabel(s.Rule.Then), "else": t.JS.PopulationLabel(s.Rule.Else)})
}
