// Package wasm adapts the scoring engine to JavaScript. API does the work on JSON bytes
// and builds and tests on any platform; Register, in the js/wasm build only, exposes it
// as globalThis.spiegel. The package holds no maths: every number and every message
// about a case comes from scoring.
package wasm

import (
	"errors"
	"strconv"
	"sync"

	"spiegel/scoring"
)

// Version is the product version, exposed to JavaScript as spiegel.version.
const Version = "0.1.0"

// MaxCases is the largest number of cases ScoreMany accepts in one call.
const MaxCases = 200_000

// API answers the calculator's questions about a catalog of models in JSON: the same
// shapes as the command's JSON lines. Its methods never panic; a failure is an error
// record (see scoring.ErrorRecord). It is safe for concurrent use.
type API struct {
	base *scoring.Catalog // the built-in models, never bound
	mu   sync.RWMutex
	cat  *scoring.Catalog // base, or base bound to a verified parameter file
	err  error            // when set, the reason every method fails
	// loaded holds the models added by LoadModel (recalibrated definitions), by id.
	loaded map[string]*scoring.Model
	// demo is the fault demonstration's population and run, made on first use (see
	// faults), so that an engine without the demonstration links none of it.
	demo     *demoState
	demoOnce sync.Once
}

// New returns an API over the models of cat. A nil cat gives an API whose methods all
// return an error record.
func New(cat *scoring.Catalog) *API {
	if cat == nil {
		return Unavailable(errors.New("no model catalog"))
	}
	return &API{base: cat, cat: cat}
}

// catalog returns the current catalog.
func (a *API) catalog() *scoring.Catalog {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.cat
}

// NewBuiltin returns an API over the built-in models (scoring.Builtin) or, when they
// fail to load, one whose every method returns the reason, for the page to show; the
// reason is returned too, for the program to report.
func NewBuiltin() (*API, error) {
	cat, err := scoring.Builtin()
	if err != nil {
		err = wrap("load built-in models", err)
		return Unavailable(err), err
	}
	return New(cat), nil
}

// Unavailable returns an API whose methods all report err, so that a page whose engine
// could not start can still say why.
func Unavailable(err error) *API {
	return &API{err: err}
}

// Models returns a JSON array of scoring.Summary, in catalog order (by id), or an error
// record when the API is unavailable.
func (a *API) Models() (out []byte) {
	defer recoverInto(&out, errorObject, "")
	if a.err != nil {
		return errorObject("", a.err)
	}
	models := a.catalog().Models()
	list := make([]scoring.Summary, len(models))
	for i, m := range models {
		list[i] = m.Summarize()
	}
	res, err := scoring.SliceSummaryJSON.Encode(list)
	return orError(res, err, "")
}

// Describe returns the model's scoring.Description as JSON, or an error record naming
// id when no such model is loaded.
func (a *API) Describe(id string) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	m, err := a.model(id)
	if err != nil {
		return errorObject(id, err)
	}
	res, err := scoring.DescriptionJSON.Encode(m.Describe())
	return orError(res, err, id)
}

// Score decodes one case (a JSON object, see scoring.DecodeCase), scores it with the
// model and returns its scoring.Record as JSON. An unknown model or a case that cannot
// be decoded or is refused gives an error record.
func (a *API) Score(id string, caseJSON []byte) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	m, err := a.model(id)
	if err != nil {
		return errorObject(id, err)
	}
	return recordJSON(scoreCase(m, caseJSON, ""))
}

// ScoreMany scores a JSON array of cases, each on its own, and returns a JSON array of
// their records in the same order. Input that is not an array, has more than MaxCases
// elements or names an unknown model gives an array of one error record.
func (a *API) ScoreMany(id string, casesJSON []byte) (out []byte) {
	defer recoverInto(&out, errorArray, id)
	m, err := a.model(id)
	if err != nil {
		return errorArray(id, err)
	}
	cases, err := scoring.SplitCases(casesJSON, MaxCases)
	if err != nil {
		return errorArray(id, err)
	}
	buf := make([]byte, 1, 2+recordSizeHint*len(cases))
	buf[0] = '['
	for i, c := range cases {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendRecord(buf, scoreCase(m, c, "cases["+strconv.Itoa(i)+"]"))
	}
	return append(buf, ']')
}

// model returns the model with the given id: one added by LoadModel, or the
// catalog's.
func (a *API) model(id string) (*scoring.Model, error) {
	if a.err != nil {
		return nil, a.err
	}
	if m, ok := a.loadedModel(id); ok {
		return m, nil
	}
	return a.catalog().Model(id)
}

// scoreCase decodes and scores one case. A decoding error is prefixed with where, the
// case's place in its input, when where is not empty.
func scoreCase(m *scoring.Model, data []byte, where string) scoring.Record {
	id, c, err := scoring.DecodeCase(data)
	if err != nil {
		if where != "" {
			err = wrap(where, err)
		}
		return scoring.ErrorRecord(m.ID(), id, err)
	}
	return scoring.ScoreRecord(m, id, c)
}

// recordJSON encodes a record; a record that cannot be encoded (a non-finite number)
// becomes an error record for the same case.
func recordJSON(r scoring.Record) []byte {
	return appendRecord(nil, r)
}

// appendRecord appends what recordJSON returns to buf.
func appendRecord(buf []byte, r scoring.Record) []byte {
	out, err := scoring.RecordJSON.Append(buf, &r)
	if err != nil {
		return append(buf, errorObject(r.Model, wrap("encode result of case "+strconv.Quote(r.ID),
			err))...)
	}
	return out
}

// recordSizeHint is about the length of one record's JSON, to size a batch's buffer.
const recordSizeHint = 1024

// failure renders an error as a method's whole result.
type failure func(model string, err error) []byte

// errorObject is the error record for err, as JSON.
func errorObject(model string, err error) []byte {
	// An error record holds only strings, which always encode.
	if len(model) > 80 {
		model = "" // not a model's id: the message says what was asked, shortened
	}
	r := scoring.ErrorRecord(model, "", err)
	out, _ := scoring.RecordJSON.Append(nil, &r)
	return out
}

// errorArray is a JSON array holding the error record for err.
func errorArray(model string, err error) []byte {
	return append(append([]byte{'['}, errorObject(model, err)...), ']')
}

// orError returns out, the JSON form of a result (see scoring.JSON), or the error
// record for err when it could not be encoded. The form is what encoding/json's
// Encoder writes with SetEscapeHTML(false), less the final newline, so that labels
// such as "Taking & driving away" stay readable; it is written without reflection
// and names its one type, so that the calculator's engine links no description of
// the studio's types.
func orError(out []byte, err error, model string) []byte {
	if err != nil {
		return errorObject(model, wrap("encode result", err))
	}
	return out
}

// recoverInto, deferred, turns a panic into fail's result in *out, so that no panic
// reaches JavaScript.
func recoverInto(out *[]byte, fail failure, model string) {
	if r := recover(); r != nil {
		*out = fail(model, wrap("internal error", panicError(r)))
	}
}

// wrap prefixes err's message with prefix and ": ", keeping err for errors.Is and
// errors.As (what fmt.Errorf("%s: %w") does, without package fmt in the engine).
func wrap(prefix string, err error) error {
	return &wrapped{prefix + ": " + err.Error(), err}
}

// wrapped is an error with a prefix; see wrap.
type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.err }

// panicError turns a recovered value into an error.
func panicError(r any) error {
	switch x := r.(type) {
	case error:
		return x
	case string:
		return errors.New(x)
	}
	return errors.New("unexpected panic")
}
