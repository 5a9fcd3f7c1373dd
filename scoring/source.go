package scoring

// Source is a publication, data set or product rule that numbers in a definition come
// from. Citation is the full reference; URL or DOI point to it where one exists.
type Source struct {
	Citation string `json:"citation"`
	DOI      string `json:"doi,omitempty"`
	URL      string `json:"url,omitempty"`
	Licence  string `json:"licence,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Ref ties one number to its place in a source: Source is a key of the definition's
// Sources map and At is the locator (table, row, key or page).
type Ref struct {
	Source string `json:"source"`
	At     string `json:"at"`
}

// String renders the reference as "source: locator".
func (r Ref) String() string { return r.Source + ": " + r.At }

// Coefficient is a number with its provenance: a regression weight, an intercept, a
// baseline survival, a centring value or a band cut-off. In a model template, Param
// names a value that a parameter file supplies instead (Value and Ref are then empty).
type Coefficient struct {
	Value float64 `json:"value"`
	Param string  `json:"param,omitempty"`
	Ref   Ref     `json:"ref"`
}

// checkRef reports whether r names a source of the definition and a locator.
func checkRef(r Ref, sources map[string]Source, path string) error {
	if r.Source == "" || r.At == "" {
		return errorf("%s: %w", path, ErrNoSource)
	}
	if _, ok := sources[r.Source]; !ok {
		return errorf("%s: source %q: %w", path, r.Source, ErrUnknownSource)
	}
	return nil
}
