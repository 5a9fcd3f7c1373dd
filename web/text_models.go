package web

import (
	"strings"

	"spiegel/scoring"
)

// ModelTexts translates the texts that model definitions, groups and parameter
// files carry (they are written in English, in scoring/models and scoring/params,
// and the scoring package stays one language). Texts maps an English text to its
// translation, exactly as the definition spells it: a definition whose wording
// changes is no longer found, so the test that every built-in text has an entry
// fails instead of a stale translation being shown. A text with no entry is shown
// as it is, in English.
//
// Keys are the JSON field names whose string values are texts, not ids: app.js
// translates exactly these fields of every answer of the engine (see plain in
// app.js), and the tests check exactly these fields of every built-in definition.
// The zero value (English) translates nothing.
//
// Refused values, warnings about inputs, the variant rule's reason and the kind of a
// parameter file's refusal are not looked up here: the engine gives them as data (a
// code and its arguments, the rule record), and JSText writes them in the page's
// language.
//
// Validation measures' warnings have codes too (warning_codes), which the Dutch page
// writes from ValidateText.ValWarn, and so do the rows the validation studio or the
// fault demonstration cannot read and the cases its models refuse (input_errors).
//
// TODO(i18n): the engine's detail of a refused parameter file or recalibrated model
// has no codes yet, so the Dutch page shows it in English, introduced by a Dutch
// sentence.
type ModelTexts struct {
	Keys  []string          `json:"keys,omitempty"`
	Texts map[string]string `json:"texts,omitempty"`
}

// TextKeys are the JSON field names of model texts, as in scoring's Definition,
// Description, Record and parameter files; "trust" holds one of scoring's trust
// levels, a word for people to read; "value" is there for derived values
// that are a level's label (numbers have no entry). Ids (population, the outcome of
// a group member, horizon labels) are not among them.
var TextKeys = []string{
	"name", "label", "help", "unit", "proxy", "notice", "intended_use", "outcome",
	"parameters", "issuer", "value", "trust",
}

// T returns the translation of s, or s when there is none. A text that is two
// known texts joined by a space (a synthetic parameter file's notice before the
// model's, as scoring's Model.Notice joins them) is translated in its two parts.
func (m ModelTexts) T(s string) string {
	if v, ok := m.Texts[s]; ok && v != "" {
		return v
	}
	for en, nl := range m.Texts {
		rest, ok := strings.CutPrefix(s, en+" ")
		if v := m.Texts[rest]; ok && v != "" && nl != "" {
			return nl + " " + v
		}
	}
	return s
}

// Description returns d with its texts translated: name, outcome, intended use,
// notice, why it cannot compute, and each predictor's label, help, unit, proxy
// warning and level labels. Ids, citations and numbers are kept.
func (m ModelTexts) Description(d scoring.Description) scoring.Description {
	if len(m.Texts) == 0 {
		return d
	}
	d.Name, d.Outcome, d.IntendedUse = m.T(d.Name), m.T(d.Outcome), m.T(d.IntendedUse)
	d.Notice, d.Parameters, d.Issuer = m.T(d.Notice), m.T(d.Parameters), m.T(d.Issuer)
	d.Trust = m.T(d.Trust)
	ps := make([]scoring.PredictorDescription, len(d.Predictors))
	for i, p := range d.Predictors {
		p.Label, p.Help, p.Unit, p.Proxy = m.T(p.Label), m.T(p.Help), m.T(p.Unit), m.T(p.Proxy)
		p.Levels = m.levels(p.Levels)
		ps[i] = p
	}
	d.Predictors = ps
	return d
}

// levels returns a copy of ls with translated labels.
func (m ModelTexts) levels(ls []scoring.Level) []scoring.Level {
	if ls == nil {
		return nil
	}
	out := make([]scoring.Level, len(ls))
	for i, l := range ls {
		l.Label = m.T(l.Label)
		out[i] = l
	}
	return out
}
