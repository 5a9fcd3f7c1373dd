package scoring

import "strings"

// GroupFormatV1 is the format tag of variant-group documents.
const GroupFormatV1 = "spiegel-group/1"

// GroupDefinition describes a family of model variants for different populations and
// outcomes, and the rule that chooses the population for a case. It is data, like a
// model definition, and its threshold carries its source.
type GroupDefinition struct {
	Format  string            `json:"format"`
	ID      string            `json:"id"`
	Name    string            `json:"name"`
	Sources map[string]Source `json:"sources"`
	Rule    VariantRule       `json:"rule"`
	Members []Member          `json:"members"`
}

// VariantRule chooses a population from one numeric input: Then when the input is at
// least AtLeast, Else otherwise. For OxRec-NL: detained 6 months or more → detained.
type VariantRule struct {
	Input   string      `json:"input"`
	Label   string      `json:"label"`
	Unit    string      `json:"unit"`
	AtLeast Coefficient `json:"at_least"`
	Then    string      `json:"then"`
	Else    string      `json:"else"`
}

// Member is one variant of a group: the model for one population and outcome.
type Member struct {
	Model      string `json:"model"`
	Population string `json:"population"`
	Outcome    string `json:"outcome"`
}

// Group is a loaded, validated group of variants.
type Group struct {
	def GroupDefinition
}

// Selection is the variant that a case falls under, and why, in words that name the
// input, its value and the rule.
type Selection struct {
	Population string
	Model      string
	Reason     string
}

// loadGroup parses and checks a group document. Its members are checked against a
// catalog by Catalog.addGroup.
func loadGroup(data []byte) (*Group, error) {
	var def GroupDefinition
	if err := groupDefinitionJSON.decodeStrict(data, &def); err != nil {
		return nil, err
	}
	r := &def.Rule
	switch {
	case def.Format != GroupFormatV1:
		return nil, invalid("format", "%q is not %q", def.Format, GroupFormatV1)
	case !modelIDPattern.MatchString(def.ID) || def.Name == "":
		return nil, invalid("id", "%q: want an id and a name", def.ID)
	case !varIDPattern.MatchString(r.Input) || r.Then == "" || r.Else == "" || r.Then == r.Else:
		return nil, invalid("rule", "want an input and two different populations")
	}
	m := &Model{def: Definition{Sources: def.Sources}}
	if err := checkCoefficient(m, r.AtLeast, "rule.at_least"); err != nil {
		return nil, err
	}
	return &Group{def: def}, nil
}

// ID returns the group's id.
func (g *Group) ID() string { return g.def.ID }

// Definition returns the group's definition.
func (g *Group) Definition() GroupDefinition { return g.def }

// Population applies the variant rule to a case. The rule's input must be a number of
// at least zero; otherwise the error is an InputError naming it.
func (g *Group) Population(c Case) (population, reason string, err error) {
	r := &g.def.Rule
	raw := strings.TrimSpace(c[r.Input]) // as parseNumber reads it
	x, perr := parseNumber(raw)
	switch {
	case raw == "":
		return "", "", inputErr(r.Input, "", ErrMissing, "")
	case perr != nil:
		return "", "", inputErr(r.Input, raw, perr, "")
	case x < 0:
		return "", "", inputErr(r.Input, raw, ErrOutOfRange, "below 0").withLimit("0", false)
	}
	// Rule: input ≥ threshold → Then, else Else (the threshold's Ref names the source).
	at := r.AtLeast.Value
	if x >= at {
		return r.Then, sprintf("%s %s %s, at least %s: %s", r.Label, raw, r.Unit,
			formatNum(at), r.Then), nil
	}
	return r.Else, sprintf("%s %s %s, less than %s: %s", r.Label, raw, r.Unit,
		formatNum(at), r.Else), nil
}

// Select returns the member for the case's population and the given outcome.
func (g *Group) Select(c Case, outcome string) (Selection, error) {
	pop, reason, err := g.Population(c)
	if err != nil {
		return Selection{}, err
	}
	for _, mb := range g.def.Members {
		if mb.Population == pop && mb.Outcome == outcome {
			return Selection{Population: pop, Model: mb.Model, Reason: reason}, nil
		}
	}
	return Selection{}, errorf("group %s has no variant for %s, %s", g.def.ID, pop, outcome)
}

// member returns the member entry for a model id.
func (g *Group) member(model string) (Member, bool) {
	for _, mb := range g.def.Members {
		if mb.Model == model {
			return mb, true
		}
	}
	return Member{}, false
}
