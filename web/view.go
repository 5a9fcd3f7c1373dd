// Package web renders the calculator's page at build time: templ components for
// the layout, the model picker and one form per model, generated from each model's
// scoring.Description, plus the CSS and the small JavaScript glue in assets/ that
// calls window.spiegel in the browser. It holds no maths: the page shows what the
// engine returns.
package web

import (
	"strconv"
	"strings"

	"spiegel/scoring"
)

// Page is what the index page shows: the text in one language, the picker's choices,
// a form per model that belongs to no group and a section per group of variants.
// The first choice is selected.
type Page struct {
	Text    Text
	Choices []Choice
	Forms   []Form
	Groups  []GroupSection
	// Others links to the page in each other language (see Languages).
	Others []Alternate
	// Demos are the fictional demo cases, in the page's language.
	Demos []DemoView
}

// Choice is one entry of the model picker: a model's form or a group's section.
type Choice struct {
	ID       string // model or group id
	Name     string
	Selected bool
}

// Form is one model's form: its description and a field per predictor.
type Form struct {
	scoring.Description
	Fields   []Field
	Selected bool
}

// Field is one predictor's labelled control, with the ids that wire the label, the
// help, the accepted range and the inline error to it.
type Field struct {
	scoring.PredictorDescription
	ControlID string // unique in the page: <model>--<predictor>
	Range     string // accepted range and unit as shown beside a number, or ""
}

// NewPage returns the page for the catalog's models, in catalog order. The members
// of a group are folded into one section, which takes the place of its first member.
func NewPage(cat *scoring.Catalog, t Text) Page {
	p := Page{Text: t}
	added := map[string]bool{}
	for _, m := range cat.Models() {
		d := t.JS.Models.Description(m.Describe())
		g, err := cat.Group(d.Group)
		switch {
		case d.Group == "" || err != nil:
			f := NewForm(d, t)
			f.Selected = len(p.Choices) == 0
			p.Forms = append(p.Forms, f)
			p.Choices = append(p.Choices, Choice{ID: f.ID, Name: f.Name, Selected: f.Selected})
		case !added[d.Group]:
			added[d.Group] = true
			s := NewGroupSection(g, cat, t)
			s.Selected = len(p.Choices) == 0
			p.Groups = append(p.Groups, s)
			p.Choices = append(p.Choices, Choice{ID: s.ID, Name: s.Name, Selected: s.Selected})
		}
	}
	p.Others = alternates(t.Lang, PageFile)
	p.Demos = demoViews(t.Lang)
	return p
}

// NewForm returns the form for a model description.
func NewForm(d scoring.Description, t Text) Form {
	f := Form{Description: d}
	for _, p := range d.Predictors {
		f.Fields = append(f.Fields, Field{PredictorDescription: p,
			ControlID: d.ID + "--" + p.ID, Range: rangeText(p, t)})
	}
	return f
}

// FormID is the id of the model's form element.
func (f Form) FormID() string { return "form-" + f.ID }

// HelpID is the id of the field's help text.
func (f Field) HelpID() string { return f.ControlID + "-help" }

// ProxyID is the id of the field's warning that the input may stand in for a
// protected characteristic.
func (f Field) ProxyID() string { return f.ControlID + "-proxy" }

// RangeID is the id of the field's accepted range and unit.
func (f Field) RangeID() string { return f.ControlID + "-range" }

// ErrorID is the id of the field's inline error, empty until app.js fills it.
func (f Field) ErrorID() string { return f.ControlID + "-error" }

// DescribedBy is the control's aria-describedby: help, proxy warning and range
// where present, and always the error element.
func (f Field) DescribedBy() string {
	var ids []string
	if f.Help != "" {
		ids = append(ids, f.HelpID())
	}
	if f.Proxy != "" {
		ids = append(ids, f.ProxyID())
	}
	if f.Range != "" {
		ids = append(ids, f.RangeID())
	}
	return strings.Join(append(ids, f.ErrorID()), " ")
}

// InputMode is the inputmode of a text control: numeric for whole numbers, decimal
// for other numbers.
func (f Field) InputMode() string {
	if f.Type == scoring.TypeCount {
		return "numeric"
	}
	return "decimal"
}

// rangeText renders a numeric predictor's accepted range and unit, or "" for other
// types and for numbers with neither.
func rangeText(p scoring.PredictorDescription, t Text) string {
	if p.Type != scoring.TypeCount && p.Type != scoring.TypeNumber {
		return ""
	}
	args := map[string]string{"unit": p.Unit}
	var s string
	switch {
	case p.Min != nil && p.Max != nil:
		args["min"], args["max"] = num(*p.Min), num(*p.Max)
		s = Fill(t.RangeBoth, args)
	case p.Min != nil:
		args["min"] = num(*p.Min)
		s = Fill(t.RangeMin, args)
	case p.Max != nil:
		args["max"] = num(*p.Max)
		s = Fill(t.RangeMax, args)
	case p.Unit != "":
		s = Fill(t.UnitOnly, args)
	}
	return strings.TrimSpace(s)
}

// num formats a limit in the fewest digits that read back exactly.
func num(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
