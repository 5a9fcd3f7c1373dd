package scoring

// A model that belongs to a group of variants (OxRec-NL) is for one population, and
// the group's rule says which population a case is in. Scoring a case with the
// variant for the other population is the fault the Inspectorate found (the
// detained and not-detained formulas swapped), so the entry points that score or
// explain one case with one model (ScoreRecord, ExplainCase and through them the
// command and the JavaScript API) refuse a case whose own rule input puts it in
// another population. Predict and Explain compute whatever they are asked: the
// golden cases check the rule themselves, and the fault demonstration scores the
// wrong variant on purpose. CompareVariants is the one way to see a case in every
// variant, each labelled whether it applies.

// CheckVariant refuses a case that the model's group rule puts in another
// population than the model's: an InputError wrapping ErrWrongVariant that names the
// rule's input, its value and the rule. It returns nil for a model outside a group,
// and for a case without the rule's input (a variant that does not read it cannot
// tell; one that does refuses the missing value itself). A rule input the model does
// not read and that cannot be read as a length is refused likewise.
func (m *Model) CheckVariant(c Case) error {
	g := m.variantGroup()
	if g == nil {
		return nil
	}
	r := &g.def.Rule
	raw := c[r.Input]
	if raw == "" {
		return nil
	}
	pop, reason, err := g.Population(c)
	if err != nil {
		if _, reads := m.index[r.Input]; reads {
			return nil // Predict refuses the value with the model's own range
		}
		return err
	}
	if pop == m.def.Population {
		return nil
	}
	// The code wrong_variant carries the threshold (Limit), the case's population
	// (Related) and the model's (RelatedValue), for a page to write in its language.
	detail := sprintf("%s, but %s is the %s variant (rule: %s; %s %s %s or more: %s, "+
		"otherwise %s)", reason, m.def.ID, m.def.Population, g.def.ID, r.Label,
		formatNum(r.AtLeast.Value), r.Unit, r.Then, r.Else)
	return InputErrors{inputErr(r.Input, raw, ErrWrongVariant, detail).
		withLimit(formatNum(r.AtLeast.Value), false).withRelated(pop, m.def.Population)}
}

// variantGroup returns the group the model is a variant of: the one the catalog
// bound it to, or for a model loaded on its own that declares a built-in group,
// that group. A model outside every known group has none.
func (m *Model) variantGroup() *Group {
	if m.group != nil || m.def.Group == "" {
		return m.group
	}
	cat, err := Builtin()
	if err != nil {
		return nil
	}
	g, err := cat.Group(m.def.Group)
	if err != nil {
		return nil
	}
	return g
}

// checkEntry is CheckVariant for the entry points, after which they predict; a
// model that cannot compute is left to say so when it predicts.
func (m *Model) checkEntry(c Case) error {
	if !m.Computable() {
		return nil
	}
	return m.CheckVariant(c)
}

// VariantComparison is one case scored by every variant of a group, the page's
// side-by-side view: the population the rule chooses and why, and per variant its
// record, labelled whether it applies. A case the rule cannot place (the rule's
// input missing or not a length) gives Error and Errors and no variants.
type VariantComparison struct {
	Group      string          `json:"group"`
	Population string          `json:"population,omitempty"`
	Reason     string          `json:"reason,omitempty"`
	Variants   []VariantResult `json:"variants,omitempty"`
	Error      string          `json:"error,omitempty"`
	Errors     []FieldError    `json:"errors,omitempty"`
}

// VariantResult is one variant's result in a VariantComparison. Applies is true when
// the variant is for the case's population (one per outcome); otherwise Note says
// that the result is shown for comparison only, and why the variant does not apply.
// Record is computed from the case's fields that the variant reads; it is an error
// record when the variant refuses them or cannot compute.
type VariantResult struct {
	Model      string `json:"model"`
	Population string `json:"population"`
	Outcome    string `json:"outcome"`
	Applies    bool   `json:"applies"`
	Note       string `json:"note,omitempty"`
	Record     Record `json:"record"`
}

// CompareVariants scores c with every member of group g, taking each model from
// cat (so that a bound parameter file is used). It is the only entry point that
// computes a variant the rule does not choose, and it labels every such result.
func CompareVariants(cat *Catalog, g *Group, c Case) VariantComparison {
	out := VariantComparison{Group: g.def.ID}
	pop, reason, err := g.Population(c)
	if err != nil {
		e := ErrorRecord(g.def.ID, "", err)
		out.Error, out.Errors = e.Error, e.Errors
		return out
	}
	out.Population, out.Reason = pop, reason
	for _, mb := range g.def.Members {
		v := VariantResult{Model: mb.Model, Population: mb.Population, Outcome: mb.Outcome,
			Applies: mb.Population == pop}
		if !v.Applies {
			v.Note = sprintf("for comparison only: %s; this variant is for %s", reason,
				mb.Population)
		}
		m, err := cat.Model(mb.Model)
		if err != nil {
			v.Record = ErrorRecord(mb.Model, "", err)
		} else {
			v.Record = predictRecord(m, "", modelInputs(m, c))
		}
		out.Variants = append(out.Variants, v)
	}
	return out
}
