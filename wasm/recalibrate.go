package wasm

import (
	"errors"
	"strings"

	"spiegel/scoring"
)

// Recalibrate recalibrates a model on CSV data (see scoring.Recalibrate) with the
// options of Validate plus date (YYYY-MM-DD, required: the engine reads no clock), id
// (default MODEL-recal-YYYYMMDD) and slope. It returns the new definition (format
// spiegel-model/1) and its golden cases (spiegel-golden/1) as text, as `spiegel
// validate -recalibrate` writes them, with the summary and the new model's measures;
// or an error record.
//
// A variant bound to a parameter file (OxRec-NL) also gets the new parameter file of
// its group (scoring.RecalibratedParams), verified, which loadParams takes like any
// other.
func (a *API) Recalibrate(csv, opts []byte) (out []byte) {
	defer recoverInto(&out, errorObject, "")
	o, m, c, vo, err := a.prepare(csv, opts)
	if err != nil {
		return errorObject(o.Model, err)
	}
	if o.Date == "" {
		return errorObject(o.Model, errors.New("options: date: the day of the "+
			"recalibration, YYYY-MM-DD, is required"))
	}
	id := o.ID
	if id == "" {
		id = m.ID() + "-recal-" + strings.ReplaceAll(o.Date, "-", "")
	}
	r, err := scoring.Recalibrate(m, c, scoring.RecalibrationOptions{ID: id, Date: o.Date,
		Horizon: vo.Horizon, Slope: o.Slope})
	if err != nil {
		return errorObject(o.Model, err)
	}
	v, err := scoring.Validate(r.Model, c, vo)
	if err != nil {
		return errorObject(id, errors.New("validate the recalibrated model: "+err.Error()))
	}
	res := scoring.RecalibrationResult{RecalibrationSummary: r.Summary,
		Definition: string(r.Document), Golden: string(r.Golden), FileName: id + ".json",
		GoldenFileName: id + ".golden.json", Validation: v.Measures,
		Synthetic: r.Model.Synthetic()}
	if m.ParamsSHA256() != "" {
		doc, set, err := scoring.RecalibratedParams(a.base, r)
		if err != nil {
			return errorObject(id, err)
		}
		res.Params, res.ParamsFileName, res.ParamsSHA256 = string(doc), id+".params.json",
			set.SHA256
	}
	out, err = scoring.RecalibrationResultJSON.Encode(res)
	return orError(out, err, id)
}

// ModelReport is the result of LoadModel: whether the definition loaded and
// reproduced its golden cases, and the model it gives.
type ModelReport = scoring.ModelReport

// LoadModel loads a model definition (its text, as Recalibrate returns it) and checks
// it against its golden cases (scoring.VerifyGolden). When both pass, the model can be
// validated and compared by its id until the page closes; a definition whose id is a
// built-in model's is refused. The result is a ModelReport as JSON.
func (a *API) LoadModel(definition, golden []byte) (out []byte) {
	defer recoverInto(&out, errorObject, "")
	m, err := a.verifyModel(definition, golden)
	if err != nil {
		res, err := scoring.ModelReportJSON.Encode(ModelReport{Error: err.Error()})
		return orError(res, err, "")
	}
	a.mu.Lock()
	if a.loaded == nil {
		a.loaded = map[string]*scoring.Model{}
	}
	a.loaded[m.ID()] = m
	a.mu.Unlock()
	s := m.Summarize()
	res, err := scoring.ModelReportJSON.Encode(ModelReport{Passed: true, Model: s.ID,
		Name: s.Name, Version: s.Version, DefinitionSHA256: m.SHA256(),
		Synthetic: s.Synthetic, Notice: s.Notice})
	return orError(res, err, s.ID)
}

// verifyModel loads a definition and checks its golden cases.
func (a *API) verifyModel(definition, golden []byte) (*scoring.Model, error) {
	if a.err != nil {
		return nil, a.err
	}
	if len(golden) == 0 {
		return nil, errors.New("loadModel: the golden cases file is needed to verify " +
			"the definition")
	}
	m, err := scoring.Load(definition)
	if err != nil {
		return nil, errors.New("loadModel: definition: " + err.Error())
	}
	if _, err := a.base.Model(m.ID()); err == nil {
		return nil, errors.New("loadModel: id " + strings.TrimSpace(m.ID()) +
			" is a built-in model's; a recalibrated model needs its own id")
	}
	if err := scoring.VerifyGolden(m, golden); err != nil {
		return nil, errors.New("loadModel: " + err.Error())
	}
	return m, nil
}

// loadedModel returns a model added by LoadModel.
func (a *API) loadedModel(id string) (*scoring.Model, bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	m, ok := a.loaded[id]
	return m, ok
}
