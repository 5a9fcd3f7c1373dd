package scoring

// VerifyReport is the plain shape of a parameter file's verification, shared by the
// command's verify line and the JavaScript API: Passed with the file's identity and
// warnings, or Error saying exactly which value or case failed, and Code the kind of
// refusal (one of RefusalCodes; empty when the reason is outside the file, such as an
// engine that did not start).
type VerifyReport struct {
	File      string   `json:"file,omitempty"`
	Passed    bool     `json:"passed"`
	SHA256    string   `json:"sha256,omitempty"`
	Group     string   `json:"group,omitempty"`
	Version   string   `json:"version,omitempty"`
	Issuer    string   `json:"issuer,omitempty"`
	Synthetic bool     `json:"synthetic,omitempty"`
	Notice    string   `json:"notice,omitempty"`
	Models    []string `json:"models,omitempty"`
	Warnings  []string `json:"warnings,omitempty"`
	Error     string   `json:"error,omitempty"`
	Code      string   `json:"code,omitempty"`
}

// Report returns the report of a verification: of set when err is nil, else of err.
func Report(file string, set *ParamSet, err error) VerifyReport {
	r := VerifyReport{File: file}
	if err != nil {
		r.Error, r.Code = err.Error(), refusalCode(err)
		return r
	}
	r.Passed, r.SHA256, r.Group, r.Version = true, set.SHA256, set.Group, set.Version
	r.Issuer, r.Synthetic, r.Notice = set.Issuer, set.Synthetic, set.Notice
	for _, m := range set.Models {
		r.Models = append(r.Models, m.ID())
	}
	for _, w := range set.Warnings {
		r.Warnings = append(r.Warnings, w.Error())
	}
	return r
}

// VariantRecord is the plain shape of a group's variant choice for a case: the
// population, the reason in words, and the model for each outcome.
type VariantRecord struct {
	Group      string            `json:"group"`
	Population string            `json:"population,omitempty"`
	Reason     string            `json:"reason,omitempty"`
	Rule       *RuleRecord       `json:"rule,omitempty"`
	Models     map[string]string `json:"models,omitempty"`
	Error      string            `json:"error,omitempty"`
	Errors     []FieldError      `json:"errors,omitempty"`
}

// RuleRecord is Reason as data, so that a page can write it in its own language: the
// rule's input (id, label, unit), the case's value, the threshold and whether the value
// reaches it (Met: the rule's Then population applies).
type RuleRecord struct {
	Input   string `json:"input"`
	Label   string `json:"label"`
	Unit    string `json:"unit"`
	Value   string `json:"value"`
	AtLeast string `json:"at_least"`
	Met     bool   `json:"met"`
}

// ChooseVariant applies the group's rule to a case and lists the model per outcome.
func (g *Group) ChooseVariant(c Case) VariantRecord {
	pop, reason, err := g.Population(c)
	if err != nil {
		e := ErrorRecord(g.def.ID, "", err)
		return VariantRecord{Group: g.def.ID, Error: e.Error, Errors: e.Errors}
	}
	rule := &g.def.Rule
	r := VariantRecord{Group: g.def.ID, Population: pop, Reason: reason,
		Rule: &RuleRecord{Input: rule.Input, Label: rule.Label, Unit: rule.Unit,
			Value: c[rule.Input], AtLeast: formatNum(rule.AtLeast.Value), Met: pop == rule.Then},
		Models: map[string]string{}}
	for _, mb := range g.def.Members {
		if mb.Population == pop {
			r.Models[mb.Outcome] = mb.Model
		}
	}
	return r
}
