package scoring

import (
	"errors"
)

// Sentinel errors. Callers test for them with errors.Is; the messages that wrap them
// name the field and quote the value.
var (
	// ErrMissing reports an input the model needs that the case does not give.
	ErrMissing = errors.New("missing")
	// ErrUnknownInput reports a case field that the model does not have.
	ErrUnknownInput = errors.New("not an input of this model")
	// ErrNotNumber reports a value that does not parse as a finite number.
	ErrNotNumber = errors.New("not a finite number")
	// ErrNotWhole reports a fractional value where a whole number is needed.
	ErrNotWhole = errors.New("not a whole number")
	// ErrNotDate reports a value that is not a calendar date written YYYY-MM-DD.
	ErrNotDate = errors.New("not a date (YYYY-MM-DD)")
	// ErrUnknownLevel reports a value that is not one of a categorical input's levels.
	ErrUnknownLevel = errors.New("not one of the accepted values")
	// ErrOutOfRange reports a value outside the accepted range.
	ErrOutOfRange = errors.New("outside the accepted range")
	// ErrOrder reports two dates in an impossible order.
	ErrOrder = errors.New("dates in an impossible order")
	// ErrNotText reports a case's member that is neither a string nor a number.
	ErrNotText = errors.New("not a string or number")
	// ErrFirstNotCurrent reports a first event's date other than the current one's
	// while none came before the current one (a first_when_none constraint).
	ErrFirstNotCurrent = errors.New("not the date of the current one, though none came before it")
	// ErrWrongVariant reports a case that a group's variant rule puts in another
	// population than the model's (see Model.CheckVariant).
	ErrWrongVariant = errors.New("not the variant for this case")
	// ErrUnknownModel reports a model id that is not loaded.
	ErrUnknownModel = errors.New("unknown model")
	// ErrNoSource reports a number in a definition without provenance.
	ErrNoSource = errors.New("number has no source")
	// ErrUnknownSource reports a reference to a source the definition does not list.
	ErrUnknownSource = errors.New("unknown source")
	// ErrInvalid reports a definition that does not describe a usable model.
	ErrInvalid = errors.New("invalid definition")
	// ErrNotComputable reports a model whose parameters are not available, so that it
	// refuses to compute rather than guess.
	ErrNotComputable = errors.New("model cannot compute")
)

// InputError is a refused input value. Predictor is the field's id (as in the form and
// in case files), Value the text as given, and Err the reason, one of the sentinels.
//
// Limit, Related and RelatedValue are the arguments a message in another language
// needs: the bound a number crossed, and the other field or derived value that the
// reason names (with its value). They are empty where the reason has none.
type InputError struct {
	Predictor    string
	Value        string
	Err          error
	Limit        string
	Related      string
	RelatedValue string
	// above is true when Limit is a maximum, false when it is a minimum.
	above bool
}

// Error renders the error as `field "value": reason`.
func (e *InputError) Error() string {
	if e.Value == "" {
		return sprintf("%s: %v", e.Predictor, e.Err)
	}
	return sprintf("%s %q: %v", e.Predictor, e.Value, e.Err)
}

// Unwrap returns the reason.
func (e *InputError) Unwrap() error { return e.Err }

// inputErr builds an InputError whose reason is the sentinel err with detail appended.
func inputErr(id, value string, err error, detail string) *InputError {
	if detail != "" {
		err = errorf("%w: %s", err, detail)
	}
	return &InputError{Predictor: id, Value: value, Err: err}
}

// withLimit returns e with the bound it crossed, a maximum when above.
func (e *InputError) withLimit(limit string, above bool) *InputError {
	e.Limit, e.above = limit, above
	return e
}

// withRelated returns e with the other field or derived value its reason names.
func (e *InputError) withRelated(id, value string) *InputError {
	e.Related, e.RelatedValue = id, value
	return e
}

// InputWarning is an input the model accepts but qualifies: a value above the range
// its definition warns about (Message is the definition's text), or a field that is
// not an input of the model (Code "ignored").
type InputWarning struct {
	Predictor string
	Value     string
	Message   string
	Code      string
}

// Warning codes, as InputWarning.Code.
const (
	// WarnAbove is a value above the definition's warning threshold.
	WarnAbove = "warn_above"
	// WarnIgnored is a case field that the model does not have.
	WarnIgnored = "ignored"
)

// Error renders the warning as `field value: message`, or `field "name" ignored: ...`.
func (w *InputWarning) Error() string {
	if w.Code == WarnIgnored {
		return sprintf("field %q ignored: %v", w.Predictor, ErrUnknownInput)
	}
	return sprintf("%s %s: %s", w.Predictor, w.Value, w.Message)
}

// InputErrors is every refused value of one case, in the model's predictor order.
type InputErrors []*InputError

// Error joins the messages with "; ".
func (es InputErrors) Error() string {
	s := ""
	for i, e := range es {
		if i > 0 {
			s += "; "
		}
		s += e.Error()
	}
	return s
}

// Unwrap lets errors.Is and errors.As look at each refused value.
func (es InputErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
