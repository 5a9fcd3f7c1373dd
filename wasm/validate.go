package wasm

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"spiegel/scoring"
)

// ValidateOptions is the options object of validate and recalibrate, the page's form of
// the flags of `spiegel validate`. Model is the model's id; Params, when not empty, is
// the text of a parameter file bound for this call only (the OxRec-NL templates).
// Horizon is a horizon's length in the model's unit or its label (a JSON number or
// string). Give Time and Event (follow-up data) or Outcome (one binary column, for the
// chosen horizon) or Outcomes (horizon length or label to column). Columns maps a
// predictor id to the column that holds it. By names the subgroup column, cut into
// fifths with Quintiles. Compare and CompareParams name a second model (and its
// parameter file) validated on the same rows. ID, Date (YYYY-MM-DD) and Slope are for
// recalibrate. File names the data in the output, as the command prints its -in file.
type ValidateOptions = scoring.ValidateRequest

// Validate validates a model on CSV data (its text) with the options (a JSON
// ValidateOptions) and returns the same JSON as `spiegel validate`: a
// scoring.Validation, or a scoring.Comparison when opts names a second model. Bad
// options, data that cannot be read and a model that does not fit give an error
// record naming what is wrong.
func (a *API) Validate(csv, opts []byte) (out []byte) {
	defer recoverInto(&out, errorObject, "")
	o, m, c, vo, err := a.prepare(csv, opts)
	if err != nil {
		return errorObject(o.Model, err)
	}
	if o.Compare == "" {
		v, err := scoring.Validate(m, c, vo)
		if err != nil {
			return errorObject(o.Model, err)
		}
		res, err := scoring.ValidationResultJSON.Encode(scoring.ValidationResult{File: o.File,
			Validation: *v})
		return orError(res, err, o.Model)
	}
	other, err := a.resolve(o.Compare, o.CompareParams)
	if err != nil {
		return errorObject(o.Compare, errors.New("compare: "+err.Error()))
	}
	cmp, err := scoring.Compare([]*scoring.Model{m, other}, c, vo)
	if err != nil {
		return errorObject(o.Model, err)
	}
	res, err := scoring.ComparisonResultJSON.Encode(scoring.ComparisonResult{File: o.File,
		Comparison: *cmp})
	return orError(res, err, o.Model)
}

// prepare decodes the options, finds the model and reads the data.
func (a *API) prepare(csv, opts []byte) (ValidateOptions, *scoring.Model, *scoring.Cohort,
	scoring.ValidationOptions, error) {
	var vo scoring.ValidationOptions
	o, err := decodeOptions(opts)
	if err != nil {
		return o, nil, nil, vo, err
	}
	m, err := a.resolve(o.Model, o.Params)
	if err != nil {
		return o, nil, nil, vo, err
	}
	length, err := horizonLength(m, string(o.Horizon))
	if err != nil {
		return o, nil, nil, vo, err
	}
	spec, err := cohortSpec(&o, m, length)
	if err != nil {
		return o, nil, nil, vo, err
	}
	c, err := scoring.ReadCohort(bytes.NewReader(csv), spec)
	if err != nil {
		return o, nil, nil, vo, err
	}
	vo = scoring.ValidationOptions{Horizon: length, By: o.By, Quintiles: o.Quintiles}
	return o, m, c, vo, nil
}

// decodeOptions reads the options object strictly, so that a misspelt option is named
// rather than ignored.
func decodeOptions(data []byte) (ValidateOptions, error) {
	var o ValidateOptions
	if err := scoring.DecodeRequest(data, &o); err != nil {
		return o, errors.New("options: " + err.Error())
	}
	switch {
	case o.Model == "":
		return o, errors.New("options: model: the model's id is required")
	case o.Horizon == "":
		return o, errors.New("options: horizon: required")
	case (o.Time != "" || o.Event != "") && (o.Outcome != "" || len(o.Outcomes) > 0):
		return o, errors.New("options: give time and event, or outcome, not both")
	case o.Outcome != "" && len(o.Outcomes) > 0:
		return o, errors.New("options: give outcome or outcomes, not both")
	case o.Outcome == "" && len(o.Outcomes) == 0 && (o.Time == "" || o.Event == ""):
		return o, errors.New("options: give time and event columns for follow-up data, " +
			"or an outcome column")
	case o.Quintiles && o.By == "":
		return o, errors.New("options: quintiles needs a by column")
	}
	return o, nil
}

// cohortSpec is the cohort spec of the options for model m at the horizon length.
func cohortSpec(o *ValidateOptions, m *scoring.Model, length float64) (scoring.CohortSpec,
	error) {
	spec := scoring.CohortSpec{Time: o.Time, Event: o.Event, Columns: o.Columns}
	if o.Outcome != "" {
		spec.Outcomes = map[float64]string{length: o.Outcome}
	}
	for key, col := range o.Outcomes {
		l, err := horizonLength(m, key)
		if err != nil {
			return spec, errors.New("outcomes: " + err.Error())
		}
		if spec.Outcomes == nil {
			spec.Outcomes = map[float64]string{}
		}
		spec.Outcomes[l] = col
	}
	return spec, nil
}

// resolve returns the model with the given id: bound to the parameter file params when
// that is not empty, else from the current catalog or the loaded models.
func (a *API) resolve(id, params string) (*scoring.Model, error) {
	if params == "" || a.err != nil {
		return a.model(id)
	}
	set, err := scoring.VerifyParameters(a.base, []byte(params), "")
	if err != nil {
		return nil, err
	}
	return a.base.WithParams(set).Model(id)
}

// horizonLength reads s as the length or the label of one of m's horizons.
func horizonLength(m *scoring.Model, s string) (float64, error) {
	x, numErr := strconv.ParseFloat(strings.TrimSpace(s), 64)
	var names []string
	for _, h := range m.Definition().Horizons {
		if (numErr == nil && h.Length == x) || h.Label == s {
			return h.Length, nil
		}
		names = append(names, h.Label+" ("+strconv.FormatFloat(h.Length, 'g', -1, 64)+")")
	}
	return 0, errors.New("horizon " + strconv.Quote(s) + ": not a horizon of " + m.ID() +
		"; it has " + strings.Join(names, ", "))
}
