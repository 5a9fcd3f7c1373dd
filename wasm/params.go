package wasm

import (
	"errors"

	"spiegel/scoring"
)

// LoadParams verifies a parameter file (its text) against the built-in templates and,
// when it passes, binds it so that the group's models compute with it. The result is
// a scoring.VerifyReport as JSON. A file that fails leaves the models as they were.
// pin, when not empty, is the SHA-256 the file must have.
func (a *API) LoadParams(data []byte, pin string) (out []byte) {
	defer recoverInto(&out, errorObject, "")
	if a.err != nil {
		res, err := scoring.VerifyReportJSON.Encode(scoring.Report("", nil, a.err))
		return orError(res, err, "")
	}
	set, err := scoring.VerifyParameters(a.base, data, pin)
	if err == nil {
		a.mu.Lock()
		a.cat = a.base.WithParams(set)
		a.mu.Unlock()
	}
	res, err := scoring.VerifyReportJSON.Encode(scoring.Report("", set, err))
	return orError(res, err, "")
}

// ClearParams unbinds any parameter file, so that the templates refuse to compute
// again. It returns the models list.
func (a *API) ClearParams() []byte {
	if a.err == nil {
		a.mu.Lock()
		a.cat = a.base
		a.mu.Unlock()
	}
	return a.Models()
}

// SyntheticParams returns the text of the synthetic OxRec-NL training parameters, for
// a page's "load training parameters" control.
func (a *API) SyntheticParams() []byte {
	return scoring.SyntheticOxRecParams
}

// Variant applies a group's rule to a case (a JSON object) and returns the
// scoring.VariantRecord as JSON: the population, why, and the model per outcome.
func (a *API) Variant(group string, caseJSON []byte) (out []byte) {
	defer recoverInto(&out, errorObject, group)
	if a.err != nil {
		return errorObject(group, a.err)
	}
	g, err := a.catalog().Group(group)
	if err != nil {
		return errorObject(group, err)
	}
	_, c, err := scoring.DecodeCase(caseJSON)
	if err != nil {
		return errorObject(group, err)
	}
	res, err := scoring.VariantRecordJSON.Encode(g.ChooseVariant(c))
	return orError(res, err, group)
}

// CompareVariants scores a case (a JSON object) with every variant of a group and
// returns the scoring.VariantComparison as JSON: the population the group's rule
// chooses, and each variant's record labelled whether it applies. It is how the page
// shows all variants side by side; Score refuses a variant the rule does not choose.
func (a *API) CompareVariants(group string, caseJSON []byte) (out []byte) {
	defer recoverInto(&out, errorObject, group)
	if a.err != nil {
		return errorObject(group, a.err)
	}
	cat := a.catalog()
	g, err := cat.Group(group)
	if err != nil {
		return errorObject(group, err)
	}
	_, c, err := scoring.DecodeCase(caseJSON)
	if err != nil {
		return errorObject(group, err)
	}
	res, err := scoring.VariantComparisonJSON.Encode(scoring.CompareVariants(cat, g, c))
	return orError(res, err, group)
}

// errNoParamsText reports a parameter file passed as something other than text.
var errNoParamsText = errors.New("loadParams: the file's text is needed")

// errPinNotText refuses a pin that is neither text nor left out (undefined or null).
var errPinNotText = errors.New("loadParams: the pin must be the file's SHA-256 as text")
