package scoring

import (
	"errors"
	"strings"
)

// RecalibrationOptions says how Recalibrate names and fits the new model. ID is the
// new model's id (for example "rossi-cox-recal-20260501"); Date the day of the
// recalibration, YYYY-MM-DD, given by the caller since the package reads no clock.
// Horizon is the length of the horizon at which the slope is fitted and the golden
// cases are ranked. Slope asks for the coefficients to be multiplied by the
// calibration slope as well.
type RecalibrationOptions struct {
	ID      string
	Date    string
	Horizon float64
	Slope   bool
}

// Recalibration is a model recalibrated on a cohort: the new definition document
// (format spiegel-model/1), the model loaded from it by Load, the companion document
// of golden cases drawn from the data (format spiegel-golden/1, see VerifyGolden),
// and a summary of what changed.
type Recalibration struct {
	Document []byte
	Model    *Model
	Golden   []byte
	Summary  RecalibrationSummary
	// from is the model that was recalibrated, for RecalibratedParams.
	from *Model
}

// RecalibrationSummary records a recalibration: the new model and its definition's
// SHA-256, the model it came from, the data (SHA-256, rows used, events by the
// chosen horizon), the date, the slope when one was applied, and per horizon the
// parameter before and after.
type RecalibrationSummary struct {
	Model            string                `json:"model"`
	Version          string                `json:"version"`
	DefinitionSHA256 string                `json:"definition_sha256"`
	From             string                `json:"from"`
	FromVersion      string                `json:"from_version"`
	FromSHA256       string                `json:"from_definition_sha256"`
	FromParamsSHA256 string                `json:"from_params_sha256,omitempty"`
	DataSHA256       string                `json:"data_sha256"`
	N                int                   `json:"n"`
	Events           int                   `json:"events"`
	Date             string                `json:"date"`
	Slope            *float64              `json:"slope,omitempty"`
	Horizons         []RecalibratedHorizon `json:"horizons"`
}

// RecalibratedHorizon is one horizon's new parameter: the baseline survival S0(t) of
// a Cox model or the intercept α of a logistic one, before and after, with the events
// by that horizon and the observed risk there.
type RecalibratedHorizon struct {
	Label        string  `json:"label"`
	Parameter    string  `json:"parameter"`
	Before       float64 `json:"before"`
	After        float64 `json:"after"`
	Events       int     `json:"events"`
	ObservedRisk float64 `json:"observed_risk"`
}

// Recalibrate re-estimates a model's baseline on the cohort and returns the new
// definition, loaded and checked, with golden cases from the data. The terms keep
// their coefficients unless opt.Slope is set; then every coefficient (and every
// lookup term's centre) is multiplied by the calibration slope b̂ at opt.Horizon (see
// Validate), so that the linear predictor becomes b̂ η.
//
// Cox models need time-to-event data reaching every horizon. At each horizon t the
// new baseline survival solves
//
//	(1/n) Σ_i [1 − S0(t)^exp(η_i)] = 1 − Ŝ_KM(t)
//
// so that the mean predicted risk equals the Kaplan–Meier observed risk (the
// mean-matching recalibration of a baseline [1]); the left side rises with −ln S0,
// and the root is found by safeguarded Newton steps on ln(−ln S0). Logistic models
// need a binary outcome for every horizon; each intercept is the maximum-likelihood
// α in logit P(y_i = 1) = α + η_i, with η_i held fixed as an offset [2].
//
// The new definition has the given id; its version, notice and a new source say it
// was recalibrated, from which model (id, version, definition SHA-256) on which data
// (SHA-256, rows, events) and when. A synthetic model stays synthetic. A slope that
// is not positive is refused: such a model ranks the wrong way round and needs
// refitting, not recalibration.
//
// [1] Steyerberg EW (2019). Clinical Prediction Models, 2nd ed., chapter 20
// (updating for a new setting). Cham: Springer.
// [2] Van Houwelingen HC, Thorogood J (1995). Construction, validation and updating of
// a prognostic model for kidney graft survival. Statistics in Medicine 14:1999–2008.
func Recalibrate(m *Model, c *Cohort, opt RecalibrationOptions) (*Recalibration, error) {
	r, err := newRecalibrator(m, c, opt)
	if err != nil {
		return nil, errorf("recalibrate %s: %w", m.ID(), err)
	}
	steps := []func() error{r.fitSlope, r.scaleTerms, r.fitHorizons, r.finish}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, errorf("recalibrate %s: %w", m.ID(), err)
		}
	}
	return r.out, nil
}

// recalibrator carries a recalibration through its steps.
type recalibrator struct {
	m     *Model
	c     *Cohort
	opt   RecalibrationOptions
	plan  modelPlan
	sc    *scored
	def   *Definition
	key   string  // the new source's key in def.Sources
	slope float64 // 1 unless opt.Slope
	out   *Recalibration
}

// newRecalibrator checks the options, the model and the data, and scores the data.
func newRecalibrator(m *Model, c *Cohort, opt RecalibrationOptions) (*recalibrator, error) {
	if !modelIDPattern.MatchString(opt.ID) || opt.ID == m.ID() {
		return nil, errorf("new id %q: want lowercase words joined by '-', not the "+
			"model's own id", opt.ID)
	}
	if _, err := parseDate(opt.Date); err != nil {
		return nil, errorf("date %q: %w", opt.Date, err)
	}
	switch {
	case m.def.Family == FamilyCox && c.Kind != OutcomeTimeToEvent:
		return nil, errors.New("a Cox model is recalibrated on follow-up time and event")
	case m.def.Family == FamilyLogistic && c.Kind != OutcomeBinary:
		return nil, errors.New("a logistic model is recalibrated on binary outcomes")
	}
	plan, err := planModel(m, c, opt.Horizon)
	if err != nil {
		return nil, err
	}
	sc := scoreCohort([]modelPlan{plan}, c, ValidationOptions{Horizon: opt.Horizon})
	if len(sc.rows) == 0 {
		return nil, errors.New("no usable rows")
	}
	def, err := copyDefinition(&m.def)
	if err != nil {
		return nil, err
	}
	r := &recalibrator{m: m, c: c, opt: opt, plan: plan, sc: sc, def: def, slope: 1,
		out: &Recalibration{from: m}}
	return r, nil
}

// fitSlope fits the calibration slope at the chosen horizon when asked to.
func (r *recalibrator) fitSlope() error {
	if !r.opt.Slope {
		return nil
	}
	s, t := r.sc.samples[0], r.opt.Horizon
	var b float64
	var err error
	if s.kind == OutcomeTimeToEvent {
		tt, dd := truncate(s.time, s.event, t)
		b, err = coxSlope(tt, dd, s.score)
	} else {
		_, b, err = fitLogistic(s.y, s.score, make([]float64, len(s.y)), true)
	}
	if err != nil {
		return errorf("calibration slope: %w", err)
	}
	if !(b > 0) {
		return errorf("calibration slope %.6g is not positive: the model ranks the "+
			"wrong way round and needs refitting, not recalibration", b)
	}
	r.slope = b
	return nil
}

// scaleTerms names the new source and multiplies every coefficient by the slope.
func (r *recalibrator) scaleTerms() error {
	r.key = "recalibration"
	for k := 2; ; k++ {
		if _, taken := r.def.Sources[r.key]; !taken {
			break
		}
		r.key = sprintf("recalibration-%d", k)
	}
	r.def.Sources[r.key] = Source{Citation: "pending"}
	if !r.opt.Slope {
		return nil
	}
	for i := range r.def.Terms {
		t := &r.def.Terms[i]
		if t.Beta != nil {
			r.scale(t.Beta)
		}
		for k := range t.Table {
			r.scale(&t.Table[k].Coefficient)
		}
		if t.Kind == "lookup" && t.Centre != nil {
			r.scale(t.Centre)
		}
	}
	return nil
}

// scale multiplies one coefficient by the slope and cites the recalibration.
func (r *recalibrator) scale(c *Coefficient) {
	at := sprintf("calibration slope %.6g × %s", r.slope, c.Ref)
	c.Value, c.Ref = c.Value*r.slope, Ref{Source: r.key, At: at}
}

// fitHorizons sets each horizon's new baseline survival or intercept from the linear
// predictors of the scaled model.
func (r *recalibrator) fitHorizons() error {
	eta, err := r.scaledPredictors()
	if err != nil {
		return err
	}
	for k := range r.def.Horizons {
		h := &r.def.Horizons[k]
		var rh RecalibratedHorizon
		if r.def.Family == FamilyCox {
			rh, err = r.coxHorizon(h, eta)
		} else {
			rh, err = r.logisticHorizon(h, eta)
		}
		if err != nil {
			return errorf("horizon %s: %w", h.Label, err)
		}
		r.out.Summary.Horizons = append(r.out.Summary.Horizons, rh)
	}
	return nil
}

// scaledPredictors returns the linear predictor η of every used row under the
// definition with scaled terms, as the new model will compute it.
func (r *recalibrator) scaledPredictors() ([]float64, error) {
	scaled, err := compile(r.def)
	if err != nil {
		return nil, err
	}
	pl := r.plan
	pl.m = scaled
	eta := make([]float64, len(r.sc.rows))
	for k, ri := range r.sc.rows {
		p, err := scaled.Predict(pl.caseOf(&r.c.Rows[ri]))
		if err != nil {
			return nil, errorf("row %d: %w", r.c.Rows[ri].Row, err)
		}
		eta[k] = p.LinearPredictor
	}
	return eta, nil
}

// coxHorizon sets S0(t) so that the mean predicted risk is the observed risk.
func (r *recalibrator) coxHorizon(h *Horizon, eta []float64) (RecalibratedHorizon, error) {
	s := r.sc.samples[0]
	km := kaplanMeier(s.time, s.event)
	if km.last < h.Length {
		return RecalibratedHorizon{}, errorf("the longest follow-up is %v, before "+
			"the horizon", km.last)
	}
	surv, _ := km.at(h.Length)
	s0, err := solveBaseline(eta, 1-surv)
	if err != nil {
		return RecalibratedHorizon{}, err
	}
	_, dd := truncate(s.time, s.event, h.Length)
	rh := RecalibratedHorizon{Label: h.Label, Parameter: "baseline_survival",
		Before: h.BaselineSurvival.Value, After: s0, Events: count(dd), ObservedRisk: 1 - surv}
	at := sprintf("%s: mean predicted risk set to the Kaplan–Meier observed risk %.6g",
		h.Label, 1-surv)
	h.BaselineSurvival = &Coefficient{Value: s0, Ref: Ref{Source: r.key, At: at}}
	return rh, nil
}

// logisticHorizon refits the intercept with the linear predictor as offset.
func (r *recalibrator) logisticHorizon(h *Horizon, eta []float64) (RecalibratedHorizon, error) {
	k, ok := r.c.outcomeIndex(h.Length)
	if !ok {
		return RecalibratedHorizon{}, errorf("%w: no outcome column for this horizon",
			ErrMissingColumn)
	}
	y := make([]bool, len(r.sc.rows))
	for i, ri := range r.sc.rows {
		y[i] = r.c.Rows[ri].Outcome[k]
	}
	alpha, _, err := fitLogistic(y, nil, eta, false)
	if err != nil {
		return RecalibratedHorizon{}, err
	}
	events := count(y)
	rh := RecalibratedHorizon{Label: h.Label, Parameter: "intercept",
		Before: h.Intercept.Value, After: alpha, Events: events,
		ObservedRisk: float64(events) / float64(len(y))}
	at := sprintf("%s: intercept refitted with the linear predictor as offset", h.Label)
	h.Intercept = &Coefficient{Value: alpha, Ref: Ref{Source: r.key, At: at}}
	return rh, nil
}

// caseOf returns a row's inputs, keyed by predictor id.
func (pl *modelPlan) caseOf(row *CohortRow) Case {
	cs := make(Case, len(pl.columns))
	for i, col := range pl.columns {
		cs[pl.m.vars[i].id] = row.Fields[col]
	}
	return cs
}

// finish names the new definition, loads it and draws its golden cases.
func (r *recalibrator) finish() error {
	r.describe()
	doc, err := marshalIndent(r.def)
	if err != nil {
		return err
	}
	m, err := Load(append(doc, '\n'))
	if err != nil {
		return errorf("the new definition does not load: %w", err)
	}
	r.out.Document, r.out.Model = append(doc, '\n'), m
	r.out.Summary.Model, r.out.Summary.Version = m.ID(), m.def.Version
	r.out.Summary.DefinitionSHA256 = m.SHA256()
	r.out.Golden, err = r.golden(m)
	return err
}

// describe fills the provenance: the new id, version, name and notice, the source
// that every recalibrated value cites, and the summary.
func (r *recalibrator) describe() {
	m, d, s := r.m, r.def, &r.out.Summary
	s.From, s.FromVersion, s.FromSHA256 = m.ID(), m.def.Version, m.sha256
	s.FromParamsSHA256, s.DataSHA256, s.Date = m.paramsSHA256, r.c.SHA256, r.opt.Date
	s.N, s.Events = len(r.sc.rows), r.events()
	if r.opt.Slope {
		b := r.slope
		s.Slope = &b
	}
	d.ID, d.Synthetic = r.opt.ID, m.Synthetic()
	d.Version = sprintf("%s; recalibrated %s", m.def.Version, r.opt.Date)
	d.Name = sprintf("%s, recalibrated %s", m.def.Name, r.opt.Date)
	d.Notice = strings.TrimSpace(sprintf("%s Recalibrated on %s on local data (%d "+
		"rows); not the published model.", m.Notice(), r.opt.Date, s.N))
	params := ""
	if s.FromParamsSHA256 != "" {
		params = ", parameter file SHA-256 " + s.FromParamsSHA256
	}
	d.Sources[r.key] = Source{
		Citation: sprintf("Recalibrated by Spiegel on %s from model %s (version %s, "+
			"definition SHA-256 %s%s) on the data set with SHA-256 %s: %d rows used, %d "+
			"events by %s.", r.opt.Date, m.ID(), m.def.Version, m.sha256, params,
			r.c.SHA256, s.N, s.Events, m.def.Horizons[r.plan.horizon].Label),
		Note: r.method(),
	}
}

// method describes the recalibration in words.
func (r *recalibrator) method() string {
	h := &r.m.def.Horizons[r.plan.horizon]
	text := "Intercept at each horizon refitted by maximum likelihood with the linear " +
		"predictor as offset."
	slope := "logistic regression of the outcome on logit p"
	if r.m.def.Family == FamilyCox {
		text = "Baseline survival at each horizon set so that the mean predicted risk " +
			"equals the Kaplan–Meier observed risk."
		slope = "Cox model of the linear predictor, Efron ties"
	}
	if !r.opt.Slope {
		return text
	}
	return sprintf("Coefficients multiplied by the calibration slope %.6g (%s, at "+
		"%s). %s", r.slope, slope, h.Label, text)
}

// events counts the events by the chosen horizon among the rows used.
func (r *recalibrator) events() int {
	s := r.sc.samples[0]
	if s.kind == OutcomeBinary {
		return count(s.y)
	}
	_, dd := truncate(s.time, s.event, r.opt.Horizon)
	return count(dd)
}
