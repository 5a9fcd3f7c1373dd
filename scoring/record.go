package scoring

import "errors"

// Record is the plain shape of one scored case, shared by the command's JSON lines and
// the JavaScript API. A refused case has Error (all reasons joined) and Errors (one per
// field) and no results. WarningDetails holds, in the order of Warnings, each warning
// about an input as data (field, value, the definition's message and a code,
// WarnAbove or WarnIgnored), so that a page can write it in its own language.
type Record struct {
	ID               string                `json:"id,omitempty"`
	Model            string                `json:"model"`
	Version          string                `json:"version,omitempty"`
	DefinitionSHA256 string                `json:"definition_sha256,omitempty"`
	Trust            string                `json:"trust,omitempty"`
	Synthetic        bool                  `json:"synthetic,omitempty"`
	Notice           string                `json:"notice,omitempty"`
	ParamsSHA256     string                `json:"params_sha256,omitempty"`
	Issuer           string                `json:"issuer,omitempty"`
	Probabilities    map[string]float64    `json:"probabilities,omitempty"`
	Bands            map[string]BandRecord `json:"bands,omitempty"`
	Intercepts       map[string]float64    `json:"intercepts,omitempty"`
	LinearPredictor  *float64              `json:"linear_predictor,omitempty"`
	Centring         *float64              `json:"centring,omitempty"`
	Contributions    []ContributionRecord  `json:"contributions,omitempty"`
	Derived          []DerivedRecord       `json:"derived,omitempty"`
	Warnings         []string              `json:"warnings,omitempty"`
	WarningDetails   []FieldError          `json:"warning_details,omitempty"`
	Error            string                `json:"error,omitempty"`
	Errors           []FieldError          `json:"errors,omitempty"`
}

// BandRecord is a risk category in a Record.
type BandRecord struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// ContributionRecord is a Contribution in a Record.
type ContributionRecord struct {
	Term   string   `json:"term"`
	Label  string   `json:"label"`
	Inputs []string `json:"inputs"`
	Key    []string `json:"key,omitempty"`
	Value  float64  `json:"value"`
}

// DerivedRecord is a DerivedValue in a Record.
type DerivedRecord struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Value string `json:"value"`
}

// FieldError is one refused field: Field is the predictor id (empty when the error is
// not about one field), Value the text given, Message the reason in English. Code,
// Limit, Related and RelatedValue are the reason as data (see InputError.Code), so
// that a page can write the message in its own language; Related is a field id for
// code "order" and a derived value's label for the derived codes.
type FieldError struct {
	Field        string `json:"field,omitempty"`
	Value        string `json:"value,omitempty"`
	Message      string `json:"message"`
	Code         string `json:"code,omitempty"`
	Limit        string `json:"limit,omitempty"`
	Related      string `json:"related,omitempty"`
	RelatedValue string `json:"related_value,omitempty"`
}

// fieldError returns the FieldError of one refused value.
func fieldError(e *InputError) FieldError {
	return FieldError{Field: e.Predictor, Value: e.Value, Message: e.Err.Error(),
		Code: e.Code(), Limit: e.Limit, Related: e.Related, RelatedValue: e.RelatedValue}
}

// ScoreRecord predicts one case with the model and returns it as a Record; id is
// copied into the record. Refusals become Error and Errors, never a panic. A model
// that is a variant of a group refuses a case the group's rule puts in another
// variant (see CheckVariant).
func ScoreRecord(m *Model, id string, c Case) Record {
	if err := m.checkEntry(c); err != nil {
		return ErrorRecord(m.ID(), id, err)
	}
	return predictRecord(m, id, c)
}

// predictRecord is ScoreRecord without the variant check, for CompareVariants.
func predictRecord(m *Model, id string, c Case) Record {
	p, err := m.Predict(c)
	if err != nil {
		// The fields the model ignored often explain a refusal (a column named "Sex"
		// leaves sex missing), so a refused record warns of them as a scored one does.
		r := ErrorRecord(m.ID(), id, err)
		addWarnings(&r, m.ignored(c))
		return r
	}
	return predictionRecord(m, id, p)
}

// ErrorRecord returns the Record for a case that could not be scored.
func ErrorRecord(model, id string, err error) Record {
	r := Record{ID: id, Model: model, Error: err.Error()}
	many, one := findInputErrors(err)
	switch {
	case many != nil:
		for _, e := range many {
			r.Errors = append(r.Errors, fieldError(e))
		}
	case one != nil:
		r.Errors = []FieldError{fieldError(one)}
	default:
		r.Errors = []FieldError{{Message: err.Error()}}
	}
	return r
}

// findInputErrors finds in err's tree, in the order errors.As looks, the first
// InputErrors and, when there is none, the first *InputError. (errors.As would do,
// but brings about 30 KB of reflection into the WebAssembly engine.)
func findInputErrors(err error) (InputErrors, *InputError) {
	if many, ok := firstOf[InputErrors](err); ok {
		return many, nil
	}
	one, _ := firstOf[*InputError](err)
	return nil, one
}

// firstOf returns the first error of type T in err's tree, depth first, as errors.As
// walks it.
func firstOf[T error](err error) (T, bool) {
	if t, ok := err.(T); ok {
		return t, true
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return firstOf[T](u.Unwrap())
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			if t, ok := firstOf[T](e); ok {
				return t, true
			}
		}
	}
	var zero T
	return zero, false
}

// predictionRecord flattens a Prediction.
func predictionRecord(m *Model, id string, p *Prediction) Record {
	lp, centring := p.LinearPredictor, p.Centring
	r := Record{ID: id, Model: p.Model, Version: p.Version,
		DefinitionSHA256: p.DefinitionSHA256, Trust: p.Trust, Synthetic: m.Synthetic(),
		Notice: m.Notice(), ParamsSHA256: m.paramsSHA256, Issuer: m.issuer,
		LinearPredictor: &lp, Centring: &centring, Probabilities: map[string]float64{}}
	for _, h := range p.Horizons {
		r.Probabilities[h.Label] = h.Probability
		if h.Band != nil {
			setMap(&r.Bands, h.Label, BandRecord(*h.Band))
		}
		if h.Intercept != nil {
			setMap(&r.Intercepts, h.Label, *h.Intercept)
		}
	}
	if p.Band != nil {
		setMap(&r.Bands, "total", BandRecord(*p.Band))
	}
	for _, c := range p.Contributions {
		r.Contributions = append(r.Contributions, ContributionRecord(c))
	}
	for _, d := range p.Derived {
		r.Derived = append(r.Derived, DerivedRecord(d))
	}
	addWarnings(&r, p.Warnings)
	return r
}

// addWarnings adds warnings to a record, in words and, for warnings about inputs, as
// data.
func addWarnings(r *Record, warns []error) {
	for _, w := range warns {
		r.Warnings = append(r.Warnings, w.Error())
		if iw, ok := w.(*InputWarning); ok {
			r.WarningDetails = append(r.WarningDetails, FieldError{Field: iw.Predictor,
				Value: iw.Value, Message: iw.Message, Code: iw.Code})
		}
	}
}

// setMap sets key in a map, making the map first when it is nil.
func setMap[V any](m *map[string]V, key string, v V) {
	if *m == nil {
		*m = map[string]V{}
	}
	(*m)[key] = v
}

// MaxCaseBytes is the largest JSON case accepted (64 KiB).
const MaxCaseBytes = 64 << 10

// DecodeCase reads one case from a JSON object whose values are strings or numbers
// (numbers keep their exact text). The member "id", if present, is returned apart and
// is not an input. null members are treated as absent.
func DecodeCase(data []byte) (string, Case, error) {
	if len(data) > MaxCaseBytes {
		return "", nil, errorf("case of %d bytes: %w", len(data), errCaseTooLarge)
	}
	n, err := parseJSON(data)
	switch {
	case err == errTrailingData:
		return "", nil, errors.New("case: unexpected data after the JSON object")
	case err != nil:
		return "", nil, errorf("case: %w", err)
	case n.kind != jsonObject:
		return "", nil, errCaseNotObject
	}
	return caseFromNode(&n)
}

// The reasons DecodeCase refuses a case that a reader may want to tell apart.
var (
	errCaseTooLarge  = errorf("larger than %d", MaxCaseBytes)
	errCaseNotObject = errors.New("case: not a JSON object")
)

// caseFromNode converts the members of a JSON object to a Case; see DecodeCase. A
// refused member still gives the case's id, for the record that reports it.
func caseFromNode(n *jsonNode) (string, Case, error) {
	c := make(Case, len(n.keys))
	var id string
	var bad *InputError
	for i, k := range n.keys {
		e := &n.elems[i]
		switch e.kind {
		case jsonString, jsonNumber:
		case jsonNull:
			continue
		default:
			if bad == nil {
				// Related names the member too, as a population's bad row does,
				// for a page's words of the code.
				bad = &InputError{Predictor: k, Value: jsonKindWord(e), Err: ErrNotText,
					Related: k}
			}
			continue
		}
		if k == "id" {
			id = e.text
			continue
		}
		c[k] = e.text
	}
	if bad != nil {
		return id, nil, bad
	}
	return id, c, nil
}

// jsonKindWord writes a member that is neither a string nor a number as the value of
// its refusal: true, false, [...] or {...}.
func jsonKindWord(e *jsonNode) string {
	switch e.kind {
	case jsonBool:
		return e.text
	case jsonArray:
		return "[...]"
	}
	return "{...}"
}

// CaseFromMap converts decoded JSON members to a Case; see DecodeCase.
func CaseFromMap(raw map[string]any) (string, Case, error) {
	c := make(Case, len(raw))
	var id string
	for k, v := range raw {
		text, ok := scalarText(v)
		if !ok {
			return "", nil, &InputError{Predictor: k, Err: errors.New("not a string or number")}
		}
		if k == "id" {
			id = text
			continue
		}
		if v != nil {
			c[k] = text
		}
	}
	return id, c, nil
}

// jsonNumberText is the method set of json.Number, a number's text as decoded with
// UseNumber, named here without importing encoding/json.
type jsonNumberText interface {
	String() string
	Float64() (float64, error)
	Int64() (int64, error)
}

// scalarText renders a JSON scalar as text; ok is false for objects, arrays and bools.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		return x, true
	case jsonNumberText:
		return x.String(), true
	case float64:
		return formatNum(x), true
	}
	return "", false
}

// SplitCases returns the text of each element of a JSON array of cases, for
// DecodeCase to read one at a time, so that one bad case does not stop the others.
// The array itself must be well-formed JSON with at most max elements. Errors start
// with "cases".
func SplitCases(data []byte, max int) ([][]byte, error) {
	p := jsonParser{data: data, skip: true, base: "cases"}
	p.space()
	if !p.accept('[') {
		return nil, errors.New("cases: not a JSON array")
	}
	var out [][]byte
	p.space()
	if p.accept(']') {
		return p.endCases(out)
	}
	for {
		if len(out) == max {
			return nil, errorf("cases: more than %d in one call; split them", max)
		}
		p.space()
		start := p.at
		p.push("", len(out))
		if _, err := p.value(1); err != nil {
			return nil, err
		}
		p.pop()
		out = append(out, data[start:p.at])
		done, err := p.next(']', "after array element")
		if err != nil {
			return nil, err
		}
		if done {
			return p.endCases(out)
		}
	}
}

// endCases checks that nothing follows the array of cases.
func (p *jsonParser) endCases(out [][]byte) ([][]byte, error) {
	p.space()
	if p.at < len(p.data) {
		return nil, errors.New("cases: unexpected data after the array")
	}
	if out == nil {
		out = [][]byte{}
	}
	return out, nil
}
