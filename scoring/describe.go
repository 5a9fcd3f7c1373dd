package scoring

// Description is the plain shape of a model for forms and the JavaScript API: what to
// ask, in which units and ranges, and where the numbers come from. Sweeps lists the
// inputs a sensitivity curve can sweep (see SweepInputs).
type Description struct {
	ID               string                 `json:"id"`
	Name             string                 `json:"name"`
	Version          string                 `json:"version"`
	Family           string                 `json:"family"`
	Outcome          string                 `json:"outcome"`
	IntendedUse      string                 `json:"intended_use"`
	Notice           string                 `json:"notice,omitempty"`
	Synthetic        bool                   `json:"synthetic,omitempty"`
	Trust            string                 `json:"trust"`
	DefinitionSHA256 string                 `json:"definition_sha256"`
	Computable       bool                   `json:"computable"`
	Parameters       string                 `json:"parameters,omitempty"`
	ParamsSHA256     string                 `json:"params_sha256,omitempty"`
	Issuer           string                 `json:"issuer,omitempty"`
	Group            string                 `json:"group,omitempty"`
	Population       string                 `json:"population,omitempty"`
	Citation         string                 `json:"citation"`
	Sources          map[string]Source      `json:"sources"`
	Predictors       []PredictorDescription `json:"predictors"`
	Horizons         []HorizonDescription   `json:"horizons,omitempty"`
	Sweeps           []SweepInput           `json:"sweeps,omitempty"`
}

// PredictorDescription is one input as a form shows it. Min and Max are the accepted
// range (absent where unlimited); Source is the citation of where the input is defined.
type PredictorDescription struct {
	ID     string   `json:"id"`
	Label  string   `json:"label"`
	Help   string   `json:"help,omitempty"`
	Type   string   `json:"type"`
	Unit   string   `json:"unit,omitempty"`
	Min    *float64 `json:"min,omitempty"`
	Max    *float64 `json:"max,omitempty"`
	Levels []Level  `json:"levels,omitempty"`
	Proxy  string   `json:"proxy,omitempty"`
	Source string   `json:"source"`
}

// HorizonDescription is one horizon: label (the key of a Record's probabilities),
// length and unit, and its bands, if any.
type HorizonDescription struct {
	Label  string  `json:"label"`
	Length float64 `json:"length"`
	Unit   string  `json:"unit"`
	Bands  []Band  `json:"bands,omitempty"`
}

// Describe returns the model's Description.
func (m *Model) Describe() Description {
	d := &m.def
	out := Description{ID: d.ID, Name: d.Name, Version: d.Version, Family: d.Family,
		Outcome: d.Outcome, IntendedUse: d.IntendedUse, Notice: m.Notice(),
		Synthetic: m.Synthetic(), Trust: m.Trust(), DefinitionSHA256: m.sha256,
		Computable: m.Computable(), ParamsSHA256: m.paramsSHA256, Issuer: m.issuer,
		Group: d.Group, Population: d.Population, Citation: m.cite(d.Citation),
		Sources: d.Sources, Sweeps: m.SweepInputs()}
	if !m.Computable() {
		out.Parameters = d.Parameters
	}
	for _, p := range d.Predictors {
		out.Predictors = append(out.Predictors, PredictorDescription{ID: p.ID,
			Label: p.Label, Help: p.Help, Type: p.Type, Unit: p.Unit, Min: valueOf(p.Min),
			Max: valueOf(p.Max), Levels: p.Levels, Proxy: p.Proxy, Source: m.cite(p.Ref)})
	}
	for _, h := range d.Horizons {
		out.Horizons = append(out.Horizons, HorizonDescription{Label: h.Label,
			Length: h.Length, Unit: h.Unit, Bands: h.Bands})
	}
	return out
}

// cite renders a reference with its source's citation.
func (m *Model) cite(r Ref) string {
	return m.def.Sources[r.Source].Citation + " — " + r.At
}

// valueOf returns a pointer to c's value, or nil.
func valueOf(c *Coefficient) *float64 {
	if c == nil {
		return nil
	}
	v := c.Value
	return &v
}

// Summary is one entry of a models list: enough to name a model in a menu and show
// its trust level and notice. Every member is always present.
type Summary struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Version    string `json:"version"`
	Family     string `json:"family"`
	Trust      string `json:"trust"`
	Synthetic  bool   `json:"synthetic"`
	Notice     string `json:"notice"`
	Computable bool   `json:"computable"`
}

// Summarize returns the model's Summary.
func (m *Model) Summarize() Summary {
	d := &m.def
	return Summary{ID: d.ID, Name: d.Name, Version: d.Version, Family: d.Family,
		Trust: m.Trust(), Synthetic: m.Synthetic(), Notice: m.Notice(),
		Computable: m.Computable()}
}
