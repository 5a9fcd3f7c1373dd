package scoring

import (
	"errors"
	"slices"
	"strings"
)

// ValidationOptions chooses what Validate computes. Horizon is a horizon length in the
// unit of the model's horizons (26 for the 26-week horizon of rossi-cox) and must be
// one of them; follow-up times in the data are read in that unit. By, when set, names
// a column whose levels define subgroups; with Quintiles the column must hold numbers
// and is cut into fifths.
type ValidationOptions struct {
	Horizon   float64
	By        string
	Quintiles bool
}

// Validation is the external validation of one model at one horizon on a data set:
// what computed it, the data, the Measures (flattened into the same JSON object), the
// calibration table, the subgroups and the refused rows.
type Validation struct {
	Model            string      `json:"model"`
	Version          string      `json:"version"`
	DefinitionSHA256 string      `json:"definition_sha256"`
	ParamsSHA256     string      `json:"params_sha256,omitempty"`
	Trust            string      `json:"trust"`
	Synthetic        bool        `json:"synthetic,omitempty"`
	Notice           string      `json:"notice,omitempty"`
	Horizon          string      `json:"horizon"`
	HorizonLength    float64     `json:"horizon_length"`
	Unit             string      `json:"unit"`
	Outcome          string      `json:"outcome"`
	Data             DataSummary `json:"data"`
	Measures
	Calibration []CalibrationGroup `json:"calibration"`
	Subgroups   *Subgroups         `json:"subgroups,omitempty"`
	BadRows     []BadRow           `json:"bad_rows,omitempty"`
}

// DataSummary identifies a data set by its SHA-256 and counts its data rows: read,
// used in the measures, and refused (listed in the bad rows).
type DataSummary struct {
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
	Used   int    `json:"used"`
	Bad    int    `json:"bad"`
}

// Comparison is several models validated side by side on the same rows: a row that
// any of them refuses is left out for all, so that the measures are comparable.
type Comparison struct {
	Data    DataSummary   `json:"data"`
	Models  []*Validation `json:"models"`
	BadRows []BadRow      `json:"bad_rows,omitempty"`
}

// Validate measures how well model m predicts the observed outcomes of the cohort c
// at horizon t = opt.Horizon: the periodic validation that the Inspectorate asks for
// (DOMAIN.md §1). A row the model refuses is listed in BadRows, with the cohort's own
// refused rows, and left out of every measure. With p_i the predicted risk at t and
// s_i the model's score (the linear predictor η_i of a Cox model, logit p_i of a
// logistic one):
//
//   - N is the number of rows used; Events the events by t (time to event) or the
//     outcomes equal to 1 (binary).
//   - ObservedRisk O is 1 − Ŝ(t), the Kaplan–Meier estimate [1], for time-to-event
//     data, with the 95% interval of R's survfit (log scale); for binary data the
//     proportion of events, with Wilson's interval.
//   - MeanPredicted E is (1/n) Σ p_i.
//   - CalibrationInTheLarge is the ratio O/E (1 when calibrated), as Fazel et al.
//     report it for OxRec [2]; CalibrationInTheLargeDifference is O − E.
//   - Concordance is Harrell's C [3] of s against the follow-up truncated at t
//     (T′ = min(T, t), an event only when by t), as R's concordance with ymax = t;
//     for binary data the c-statistic (ROC area) of p, ties counting ½.
//   - CalibrationSlope is b̂ in a Cox model with s as its only covariate (Efron ties,
//     follow-up truncated at t), or in logit P(y_i = 1) = a + b logit p_i for binary
//     data [4, 5]: 1 when calibrated, below 1 when predictions are too extreme.
//   - Brier is the Brier score at t: inverse-probability-of-censoring weighted for
//     time-to-event data (Graf et al.; see brierIPCW), (1/n) Σ (y_i − p_i)² for binary.
//
// The calibration table has the same observed risk per tenth of predicted risk, and
// opt.By adds the measures per subgroup. Errors: a model or cohort that does not fit
// (a missing column, a horizon the model lacks, a template without parameters), no
// usable row, or follow-up that ends before t. A fit that does not converge is a
// warning and leaves the slope nil.
//
// [1] Kaplan EL, Meier P (1958). Nonparametric estimation from incomplete
// observations. Journal of the American Statistical Association 53:457–481.
// [2] Fazel S, Wolf A, Vazquez-Montes MDLA, Fanshawe TR (2019). Prediction of violent
// reoffending in prisoners and individuals on probation: a Dutch validation study
// (OxRec). Scientific Reports 9:841.
// [3] Harrell FE, Lee KL, Mark DB (1996). Multivariable prognostic models. Statistics
// in Medicine 15:361–387.
// [4] Cox DR (1958). Two further applications of a model for binary regression.
// Biometrika 45:562–565.
// [5] Van Calster B, McLernon DJ, van Smeden M, Wynants L, Steyerberg EW (2019).
// Calibration: the Achilles heel of predictive analytics. BMC Medicine 17:230.
func Validate(m *Model, c *Cohort, opt ValidationOptions) (*Validation, error) {
	cmp, err := Compare([]*Model{m}, c, opt)
	if err != nil {
		return nil, err
	}
	v := cmp.Models[0]
	v.BadRows = cmp.BadRows
	return v, nil
}

// Compare validates each model on the rows that every model accepts, as Validate
// does for one; the horizons must share their unit.
func Compare(models []*Model, c *Cohort, opt ValidationOptions) (*Comparison, error) {
	plans, err := planAll(models, c, opt)
	if err != nil {
		return nil, err
	}
	sc := scoreCohort(plans, c, opt)
	if len(sc.rows) == 0 {
		return nil, noRows(c, sc.bad)
	}
	cmp := &Comparison{BadRows: sc.bad, Data: DataSummary{SHA256: c.SHA256, Rows: c.Read,
		Used: len(sc.rows), Bad: len(sc.bad)}}
	for k, pl := range plans {
		v, err := pl.validation(sc.samples[k], sc.by, opt)
		if err != nil {
			return nil, err
		}
		v.Data = cmp.Data
		cmp.Models = append(cmp.Models, v)
	}
	return cmp, nil
}

// noRows is the error for data without a usable row: it counts the rows and quotes
// the first refusal.
func noRows(c *Cohort, bad []BadRow) error {
	if len(bad) == 0 {
		return errors.New("no usable rows: the data have no rows")
	}
	b := bad[0]
	var reasons []string
	for _, e := range b.Errors {
		reasons = append(reasons, describeField(e))
	}
	return errorf("no usable rows: all %d rows refused; the first, row %d (line %d): %s",
		c.Read, b.Row, b.Line, strings.Join(reasons, "; "))
}

// describeField renders a refused field as `column "value": reason`.
func describeField(e FieldError) string {
	switch {
	case e.Field == "":
		return e.Message
	case e.Value == "":
		return e.Field + ": " + e.Message
	}
	return sprintf("%s %q: %s", e.Field, e.Value, e.Message)
}

// modelPlan is how one model reads a cohort: its horizon and the column of each input.
type modelPlan struct {
	m       *Model
	horizon int
	columns []int // per input, in the model's input order
	// rule is the column of the group rule's input for a variant that does not read
	// it (so that a row of the other population is refused), or -1; ruleID its id.
	rule   int
	ruleID string
	memo   map[string]memoEntry // answers by input values (see predictMemo)
}

// planAll plans every model and checks the shared parts: the subgroup column and the
// unit of the horizons.
func planAll(models []*Model, c *Cohort, opt ValidationOptions) ([]modelPlan, error) {
	if len(models) == 0 {
		return nil, errors.New("no model to validate")
	}
	if opt.By != "" {
		if err := c.requireColumns([]string{opt.By}); err != nil {
			return nil, errorf("subgroups: %w", err)
		}
	}
	var plans []modelPlan
	for _, m := range models {
		pl, err := planModel(m, c, opt.Horizon)
		if err != nil {
			return nil, err
		}
		if len(plans) > 0 && pl.unit() != plans[0].unit() {
			return nil, errorf("model %s: horizon unit %q differs from %q of %s", m.ID(),
				pl.unit(), plans[0].unit(), plans[0].m.ID())
		}
		plans = append(plans, pl)
	}
	return plans, checkMapped(plans, c)
}

// checkMapped refuses a column mapping for an id that no planned model reads (nor
// takes its group's rule from): a typing error there would otherwise go unnoticed.
func checkMapped(plans []modelPlan, c *Cohort) error {
	for _, id := range sortedKeys(c.spec.Columns) {
		read := false
		for _, pl := range plans {
			i, ok := pl.m.index[id]
			read = read || (ok && i < pl.m.nInputs) || pl.ruleID == id
		}
		if !read {
			return errorf("columns: %q is mapped to column %q but is not an input of the "+
				"model", clip(id), clip(c.spec.Columns[id]))
		}
	}
	return nil
}

// planModel finds the model's horizon and the columns of its inputs.
func planModel(m *Model, c *Cohort, length float64) (modelPlan, error) {
	switch {
	case m.def.Family == FamilyPoints:
		return modelPlan{}, errorf("model %s: a points instrument has no predicted "+
			"risk to validate", m.ID())
	case !m.Computable():
		return modelPlan{}, errorf("model %s: %w: no verified parameter file is loaded",
			m.ID(), ErrNotComputable)
	}
	pl := modelPlan{m: m, horizon: -1}
	var have []string
	for i, h := range m.def.Horizons {
		if h.Length == length {
			pl.horizon = i
		}
		have = append(have, sprintf("%s = %v %s", h.Label, h.Length, h.Unit))
	}
	if pl.horizon < 0 {
		return modelPlan{}, errorf("model %s has no horizon of length %v (it has %s)",
			m.ID(), length, strings.Join(have, ", "))
	}
	if _, ok := c.outcomeIndex(length); c.Kind == OutcomeBinary && !ok {
		return modelPlan{}, errorf("%w: no outcome column for the horizon of length %v",
			ErrMissingColumn, length)
	}
	return pl, pl.findColumns(c)
}

// unit returns the unit of the planned horizon.
func (pl *modelPlan) unit() string { return pl.m.def.Horizons[pl.horizon].Unit }

// findColumns finds the column of each input, reporting every one that is missing.
func (pl *modelPlan) findColumns(c *Cohort) error {
	pl.rule = -1
	if g := pl.m.variantGroup(); g != nil {
		id := g.def.Rule.Input
		if _, reads := pl.m.index[id]; !reads {
			if j, ok := c.col[c.column(id)]; ok {
				pl.rule, pl.ruleID = j, id
			}
		}
	}
	var missing []string
	for i := 0; i < pl.m.nInputs; i++ {
		id := pl.m.vars[i].id
		j, ok := c.col[c.column(id)]
		if !ok {
			missing = append(missing, sprintf("%q (input %s)", clip(c.column(id)), id))
		}
		pl.columns = append(pl.columns, j)
	}
	if len(missing) > 0 {
		return errorf("model %s: %w: %s (the header has %s)", pl.m.ID(), ErrMissingColumn,
			strings.Join(missing, ", "), clipAt(strings.Join(c.Header, ", "), maxEchoList))
	}
	return nil
}

// scored is a cohort scored by every planned model: the rows used (indices into
// Cohort.Rows), one sample per model, the subgroup value per row, and every refused
// row in row order.
type scored struct {
	rows    []int
	samples []*sample
	by      []string
	bad     []BadRow
	key     []byte // scratch space for predictMemo's keys
}

// scoreCohort predicts every row with every model. A row is used only when every
// model accepts it and, for quintiles, its subgroup value is a number or empty.
func scoreCohort(plans []modelPlan, c *Cohort, opt ValidationOptions) *scored {
	sc := &scored{bad: append([]BadRow(nil), c.Bad...)}
	shared := &sample{kind: c.Kind}
	for k := range plans {
		sc.samples = append(sc.samples, &sample{kind: c.Kind})
		plans[k].memo = map[string]memoEntry{}
	}
	outcome, _ := c.outcomeIndex(opt.Horizon)
	for ri := range c.Rows {
		row := &c.Rows[ri]
		by, bad := c.subgroupValue(row, opt)
		if bad == nil {
			bad = sc.predictRow(plans, c, row)
		}
		if bad != nil {
			sc.bad = append(sc.bad, *bad)
			continue
		}
		sc.rows, sc.by = append(sc.rows, ri), append(sc.by, by)
		if c.Kind == OutcomeTimeToEvent {
			shared.time, shared.event = append(shared.time, row.Time), append(shared.event, row.Event)
		} else {
			shared.y = append(shared.y, row.Outcome[outcome])
		}
	}
	for _, s := range sc.samples {
		s.time, s.event, s.y = shared.time, shared.event, shared.y
	}
	slices.SortStableFunc(sc.bad, func(a, b BadRow) int { return a.Row - b.Row })
	return sc
}

// predictRow predicts one row with every model, appending the scores and risks to
// the samples only when every model accepts it; else it returns the first refusal.
func (sc *scored) predictRow(plans []modelPlan, c *Cohort, row *CohortRow) *BadRow {
	scores, risks := make([]float64, len(plans)), make([]float64, len(plans))
	for k := range plans {
		var e memoEntry
		e, sc.key = plans[k].predictMemo(row, sc.key)
		if e.err != nil {
			return &BadRow{Row: row.Row, Line: row.Line, Model: plans[k].m.ID(),
				Errors: c.fieldErrors(plans[k].m, e.err)}
		}
		scores[k], risks[k] = e.score, e.risk
	}
	for k, s := range sc.samples {
		s.score, s.p = append(s.score, scores[k]), append(s.p, risks[k])
	}
	return nil
}

// subgroupValue returns the row's subgroup value, refusing a non-number for quintiles.
func (c *Cohort) subgroupValue(row *CohortRow, opt ValidationOptions) (string, *BadRow) {
	if opt.By == "" {
		return "", nil
	}
	v := strings.TrimSpace(row.Fields[c.col[opt.By]])
	if _, err := parseNumber(v); opt.Quintiles && v != "" && err != nil {
		return "", &BadRow{Row: row.Row, Line: row.Line, Errors: []FieldError{{Field: opt.By,
			Value: row.Fields[c.col[opt.By]], Message: "subgroup quintiles: " + err.Error(),
			Code: CodeNotNumber}}}
	}
	return v, nil
}

// fieldErrors lists a refusal by field, naming each field by its column.
func (c *Cohort) fieldErrors(m *Model, err error) []FieldError {
	errs := ErrorRecord(m.ID(), "", err).Errors
	for i := range errs {
		if errs[i].Field != "" {
			errs[i].Field = c.column(errs[i].Field)
		}
	}
	return errs
}

// validation computes the measures, calibration table and subgroups of one model.
func (pl *modelPlan) validation(s *sample, by []string,
	opt ValidationOptions) (*Validation, error) {
	m, h := pl.m, &pl.m.def.Horizons[pl.horizon]
	ms, err := measure(s, h.Length)
	if err != nil {
		return nil, errorf("validate %s at %s: %w", m.ID(), h.Label, err)
	}
	v := &Validation{Model: m.ID(), Version: m.def.Version, DefinitionSHA256: m.sha256,
		ParamsSHA256: m.paramsSHA256, Trust: m.Trust(), Synthetic: m.Synthetic(),
		Notice: m.Notice(), Horizon: h.Label, HorizonLength: h.Length, Unit: h.Unit,
		Outcome: s.kind, Measures: ms, Calibration: calibrationTable(s, h.Length)}
	if opt.By != "" {
		v.Subgroups = subgroupsOf(s, opt.By, by, opt.Quintiles, h.Length)
	}
	return v, nil
}
