package wasm

import (
	"errors"
	"math"

	"spiegel/scoring"
)

// Explain decodes one case and returns its scoring.ExplainRecord as JSON: the result,
// the reference profile and each term's contribution on both scales.
func (a *API) Explain(id string, caseJSON []byte) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	m, err := a.model(id)
	if err != nil {
		return errorObject(id, err)
	}
	cid, c, err := scoring.DecodeCase(caseJSON)
	if err != nil {
		return errorObject(id, err)
	}
	res, err := scoring.ExplainRecordJSON.Encode(scoring.ExplainCase(m, cid, c))
	return orError(res, err, id)
}

// SweepRequest is what sweep() takes besides the model and the case: the input to
// vary, the anchor date for a date input (the sweep is then over age in years), an
// optional range and number of points for a number (left out, what
// Model.SweepInputs proposes).
type SweepRequest = scoring.SweepRequest

// Sweep scores the case with one input set to each value of its range and returns a
// JSON array of scoring.SweepPoint, or an error record.
func (a *API) Sweep(id string, caseJSON, reqJSON []byte) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	m, err := a.model(id)
	if err != nil {
		return errorObject(id, err)
	}
	_, c, err := scoring.DecodeCase(caseJSON)
	if err != nil {
		return errorObject(id, err)
	}
	if err := m.CheckVariant(c); err != nil {
		return errorObject(id, err) // as score refuses the case
	}
	var req SweepRequest
	if err := scoring.SweepRequestJSON.Decode(reqJSON, &req); err != nil {
		return errorObject(id, errors.New("sweep: the request is not {input, anchor, from, to, points}"))
	}
	values, xs, err := m.SweepValues(c, req.Input, req.Anchor, orNaN(req.From), orNaN(req.To),
		req.Points)
	if err != nil {
		return errorObject(id, err)
	}
	res, err := scoring.SliceSweepPointJSON.Encode(m.Sweep(c, req.Input, values, xs))
	return orError(res, err, id)
}

// orNaN returns *p, or NaN for nil.
func orNaN(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// Numbers returns a JSON array of the model's numbers with their paths and sources,
// for choosing a value to replace in a fault demonstration.
func (a *API) Numbers(id string) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	m, err := a.model(id)
	if err != nil {
		return errorObject(id, err)
	}
	res, err := scoring.SliceNamedNumberJSON.Encode(m.Numbers())
	return orError(res, err, id)
}

// FaultDemo applies a fault (a scoring.Fault as JSON) to the model and returns the
// scoring.FaultSummary over the cases (a JSON array) as JSON.
func (a *API) FaultDemo(id string, faultJSON, casesJSON []byte, minMove float64) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	m, err := a.model(id)
	if err != nil {
		return errorObject(id, err)
	}
	var f scoring.Fault
	if err := scoring.FaultJSON.Decode(faultJSON, &f); err != nil {
		return errorObject(id, errors.New("faultDemo: the fault is not {kind, ...}"))
	}
	faulty, err := m.WithFault(f, a.catalog())
	if err != nil {
		return errorObject(id, err)
	}
	raw, err := scoring.SplitCases(casesJSON, MaxCases)
	if err != nil {
		return errorObject(id, err)
	}
	cases, ids := make([]scoring.Case, 0, len(raw)), make([]string, 0, len(raw))
	for _, r := range raw {
		cid, c, err := scoring.DecodeCase(r)
		if err != nil {
			c = scoring.Case{} // counted as refused by FaultDemo
		}
		cases, ids = append(cases, c), append(ids, cid)
	}
	res, err := scoring.FaultSummaryJSON.Encode(scoring.FaultDemo(m, faulty, cases, ids, minMove))
	return orError(res, err, id)
}
