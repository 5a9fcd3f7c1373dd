package web

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
)

// DemoCaseFormat is the format tag of the demo-case library.
const DemoCaseFormat = "spiegel-democases/1"

// demoCasesJSON is the library of fictional demo cases for trainers: every case is
// made up, its name says so, and its note says what it shows.
//
//go:embed democases/cases.json
var demoCasesJSON []byte

// DemoCase is one fictional case of the library. Model is the id of a model or a
// group on the page; Case holds the form's values by control name (for a group,
// also "outcome" and the yes/no answer "<rule input>-asked"). Params "synthetic"
// asks the page to load the synthetic training parameters before it can compute.
// Name and Note are keyed by language tag.
type DemoCase struct {
	ID     string            `json:"id"`
	Model  string            `json:"model"`
	Params string            `json:"params,omitempty"`
	Name   map[string]string `json:"name"`
	Note   map[string]string `json:"note"`
	Case   map[string]string `json:"case"`
}

// DemoView is a demo case as one language's page shows it.
type DemoView struct {
	ID, Model, Params, Name, Note string
	Case                          map[string]string
}

// demoData is what the page gives casefile.js for a demo case.
type demoData struct {
	ID     string            `json:"id"`
	Model  string            `json:"model"`
	Params string            `json:"params,omitempty"`
	Name   string            `json:"name"`
	Case   map[string]string `json:"case"`
}

// DemoCases returns the library, strictly decoded.
func DemoCases() ([]DemoCase, error) {
	var lib struct {
		Format string     `json:"format"`
		Note   string     `json:"note"`
		Cases  []DemoCase `json:"cases"`
	}
	dec := json.NewDecoder(bytes.NewReader(demoCasesJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&lib); err != nil {
		return nil, fmt.Errorf("decode demo cases: %w", err)
	}
	if lib.Format != DemoCaseFormat {
		return nil, fmt.Errorf("demo cases: format %q, want %q", lib.Format, DemoCaseFormat)
	}
	return lib.Cases, nil
}

// demoViews returns the library in language lang, English where a text lacks it.
// A library that does not decode gives no cases (its test fails first).
func demoViews(lang string) []DemoView {
	cases, err := DemoCases()
	if err != nil {
		return nil
	}
	out := make([]DemoView, 0, len(cases))
	for _, c := range cases {
		out = append(out, DemoView{ID: c.ID, Model: c.Model, Params: c.Params,
			Name: pick(c.Name, lang), Note: pick(c.Note, lang), Case: c.Case})
	}
	return out
}

// pick returns m[lang], or m["en"] when that is empty.
func pick(m map[string]string, lang string) string {
	if v := m[lang]; v != "" {
		return v
	}
	return m["en"]
}

// DemoData is the JSON block the page carries for casefile.js: each demo case's
// id, model, parameters, name and values.
func (p Page) DemoData() any {
	out := make([]demoData, 0, len(p.Demos))
	for _, d := range p.Demos {
		out = append(out, demoData{d.ID, d.Model, d.Params, d.Name, d.Case})
	}
	return out
}
