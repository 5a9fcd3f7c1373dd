package scoring

import "errors"

// Error codes name the reason of a refused value in a way that does not depend on the
// language of the message, so that a page in another language can write its own
// message from the code and the InputError's Limit, Related and RelatedValue.
const (
	CodeMissing      = "missing"
	CodeUnknownInput = "unknown_input"
	CodeNotNumber    = "not_number"
	CodeNotWhole     = "not_whole"
	CodeNotDate      = "not_date"
	CodeUnknownLevel = "unknown_level"
	// CodeBelow is a number under its accepted minimum (Limit).
	CodeBelow = "below"
	// CodeAbove is a number over its accepted maximum (Limit).
	CodeAbove = "above"
	// CodeDerivedBelow is a value derived from the field (Related, with RelatedValue)
	// under its accepted minimum (Limit).
	CodeDerivedBelow = "derived_below"
	// CodeDerivedAbove is a value derived from the field (Related, with RelatedValue)
	// over its accepted maximum (Limit).
	CodeDerivedAbove = "derived_above"
	// CodeOutOfRange is any other value outside what the model can take; its
	// message says why.
	CodeOutOfRange = "out_of_range"
	// CodeOrder is a date after the date (Related, with RelatedValue) that must
	// follow it.
	CodeOrder = "order"
	// CodeWrongVariant is a case that a group's rule (threshold Limit) puts in the
	// population Related, asked of a variant for the population RelatedValue.
	CodeWrongVariant = "wrong_variant"
	// CodeFirstNotCurrent is a first event's date other than that of the current one
	// (Related, with RelatedValue), though no earlier event is counted.
	CodeFirstNotCurrent = "first_not_current"

	// The codes below are of rows of a data file that cannot be read (BadRow).

	// CodeNotFlag is a 0/1 column (an event or an outcome) holding something else.
	CodeNotFlag = "not_flag"
	// CodeFieldCount is a row of RelatedValue fields where the header has Limit.
	CodeFieldCount = "field_count"
	// CodeCSVSyntax is a row whose quoting is broken: a quote out of place, or a
	// quoted field not closed before the end of the file.
	CodeCSVSyntax = "csv_syntax"
	// CodeNotJSON is a record that is not valid JSON.
	CodeNotJSON = "not_json"
	// CodeNotObject is a record that is JSON but not an object.
	CodeNotObject = "not_object"
	// CodeNotText is a value that is neither a string nor a number (of a bad row of a
	// population: its member Related).
	CodeNotText = "not_text"
	// CodeCaseTooLarge is a record of more than Limit bytes.
	CodeCaseTooLarge = "case_too_large"
)

// sentinelCodes maps each input sentinel to its code.
var sentinelCodes = []struct {
	err  error
	code string
}{
	{ErrMissing, CodeMissing},
	{ErrUnknownInput, CodeUnknownInput},
	{ErrNotNumber, CodeNotNumber},
	{ErrNotWhole, CodeNotWhole},
	{ErrNotDate, CodeNotDate},
	{ErrUnknownLevel, CodeUnknownLevel},
	{ErrOutOfRange, CodeOutOfRange},
	{ErrOrder, CodeOrder},
	{ErrWrongVariant, CodeWrongVariant},
	{ErrFirstNotCurrent, CodeFirstNotCurrent},
	{ErrNotText, CodeNotText},
}

// ErrorCodes lists every code a FieldError can have (an InputError's, or a bad row's),
// for the tests of catalogs that translate them.
func ErrorCodes() []string {
	return []string{CodeMissing, CodeUnknownInput, CodeNotNumber, CodeNotWhole, CodeNotDate,
		CodeUnknownLevel, CodeBelow, CodeAbove, CodeDerivedBelow, CodeDerivedAbove,
		CodeOutOfRange, CodeOrder, CodeWrongVariant, CodeFirstNotCurrent, CodeNotFlag, CodeFieldCount,
		CodeCSVSyntax, CodeNotJSON, CodeNotObject, CodeNotText, CodeCaseTooLarge}
}

// Code returns the code of e's reason: below, above, derived_below or derived_above
// when the error carries the bound it crossed, else the code of its sentinel, or ""
// when the reason is none of them.
func (e *InputError) Code() string {
	code := ""
	for _, s := range sentinelCodes {
		if errors.Is(e.Err, s.err) {
			code = s.code
			break
		}
	}
	if code != CodeOutOfRange || e.Limit == "" {
		return code
	}
	switch {
	case e.Related != "" && e.above:
		return CodeDerivedAbove
	case e.Related != "":
		return CodeDerivedBelow
	case e.above:
		return CodeAbove
	}
	return CodeBelow
}
