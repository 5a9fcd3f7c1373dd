package scoring

// Model is a loaded, validated definition ready to compute. It is read-only and safe
// for concurrent use.
type Model struct {
	def    Definition
	sha256 string
	origin Origin

	vars        []variable
	index       map[string]int
	nInputs     int
	derived     []derivedStep
	constraints [][]int
	firsts      [][3]int // first_when_none: count, first date, current date
	terms       []termStep
	params      []string

	paramsSHA256 string
	paramsNotice string
	issuer       string
	synthetic    bool
	// bound is the parameter file the model was bound with, nil for any other.
	bound *boundParams
	// group is the group of variants the model belongs to, set by the catalog.
	group *Group
}

// boundParams ties a model bound to a parameter file to that file: the verified set
// (with the file as parsed) and, per placeholder of the template, the path of the
// number it filled (as eachCoefficient names it).
type boundParams struct {
	set   *ParamSet
	paths map[string]string
}

// Origin says where a model definition came from.
type Origin string

// The origins of a model.
const (
	OriginBuiltin  Origin = "builtin"  // embedded in the product, checked by its tests
	OriginImported Origin = "imported" // loaded from a file at run time
)

// Trust levels, shown wherever a result is shown (see DESIGN.md).
const (
	TrustVerified  = "verified"
	TrustImported  = "imported and verified"
	TrustSynthetic = "synthetic"
	// TrustUnverified is a template without a verified parameter file: no result.
	TrustUnverified = "unverified"
)

// variable is an input or derived value of a model, addressed by its index.
type variable struct {
	id     string
	label  string
	typ    string
	levels []Level
	level  map[string]int
	min    *Coefficient
	max    *Coefficient
	warn   *Warning
}

// derivedStep computes vars[out] from vars[in...].
type derivedStep struct {
	out   int
	in    []int
	fn    deriveFunc
	min   *Coefficient
	max   *Coefficient
	blame int
}

// termStep evaluates one Term. For lookups, cell index = Σ level_k × stride_k.
type termStep struct {
	def     *Term
	input   int
	beta    float64
	keys    []int
	strides []int
	table   []float64
	centre  float64
}

// Load parses a definition document strictly, validates it and returns the model.
// The origin is OriginImported; the definition's SHA-256 is that of data.
func Load(data []byte) (*Model, error) {
	return load(data, OriginImported)
}

// load is Load with a stated origin.
func load(data []byte, origin Origin) (*Model, error) {
	var def Definition
	if err := definitionJSON.decodeStrict(data, &def); err != nil {
		return nil, err
	}
	m, err := compile(&def)
	if err != nil {
		return nil, err
	}
	if err := checkModelNotRelabelled(&def); err != nil {
		return nil, err
	}
	m.sha256, m.origin = sha256Hex(data), origin
	return m, nil
}

// Validate reports the first reason the definition cannot be used, naming the path of
// the offending value, or nil.
func (d *Definition) Validate() error {
	_, err := compile(d)
	return err
}

// Definition returns a copy of the model's definition (slices are shared: do not
// modify them).
func (m *Model) Definition() Definition { return m.def }

// ID returns the model's id.
func (m *Model) ID() string { return m.def.ID }

// SHA256 returns the hex SHA-256 of the definition document the model was loaded from.
func (m *Model) SHA256() string { return m.sha256 }

// Origin returns where the model was loaded from.
func (m *Model) Origin() Origin { return m.origin }

// Trust returns the model's trust level: synthetic for made-up numbers, verified for
// built-in definitions, imported and verified for files that passed Load.
func (m *Model) Trust() string {
	switch {
	case !m.Computable():
		return TrustUnverified
	case m.def.Synthetic || m.synthetic:
		return TrustSynthetic
	case m.origin == OriginBuiltin:
		return TrustVerified
	}
	return TrustImported
}

// Computable reports whether the model has every value it needs: false for a template
// whose parameter file has not been bound.
func (m *Model) Computable() bool { return len(m.params) == 0 }

// Params returns the names of the values a template still needs, in document order.
func (m *Model) Params() []string { return append([]string(nil), m.params...) }

// ParamsSHA256 returns the hex SHA-256 of the parameter file bound to the model, or "".
func (m *Model) ParamsSHA256() string { return m.paramsSHA256 }

// Issuer returns who issued the bound parameter file, or "".
func (m *Model) Issuer() string { return m.issuer }

// Synthetic reports whether the model's numbers, or its bound parameter file's, are
// made up for training: every result must then be marked synthetic.
func (m *Model) Synthetic() bool { return m.def.Synthetic || m.synthetic }

// Notice returns the text to show with every result: the definition's notice and,
// for a synthetic parameter file, the file's notice first.
func (m *Model) Notice() string {
	if m.synthetic && m.paramsNotice != "" {
		return m.paramsNotice + " " + m.def.Notice
	}
	return m.def.Notice
}
