package scoring

import (
	"errors"
	"maps"
	"math"
	"strings"
)

// GoldenFormatV1 is the format tag of golden-case documents.
const GoldenFormatV1 = "spiegel-golden/1"

// A recalibration draws goldenCases rows from the data, spread over the range of
// the new predicted risk, and expects them to be reproduced within goldenTolerance:
// the same document, read back, gives the same numbers bit for bit.
const (
	goldenCases     = 5
	goldenTolerance = 1e-12
)

// ErrGolden wraps every reason a model fails its golden cases.
var ErrGolden = errors.New("golden cases not reproduced")

// GoldenFile is the companion of a definition that has no place for golden cases of
// its own (the spiegel-model/1 format has none): cases with the probabilities the
// model must give, tied to the definition by its id and SHA-256. Data says where
// the cases come from.
type GoldenFile struct {
	Format           string       `json:"format"`
	Model            string       `json:"model"`
	DefinitionSHA256 string       `json:"definition_sha256"`
	Data             string       `json:"data"`
	Golden           []GoldenCase `json:"golden"`
}

// VerifyGolden checks that m is the model a golden-case document was made for (its
// id and definition SHA-256) and that it reproduces every case within the case's
// tolerance, at most MaxGoldenTolerance. Errors wrap ErrGolden and name the case.
func VerifyGolden(m *Model, data []byte) error {
	var f GoldenFile
	if err := goldenFileJSON.decodeStrict(data, &f); err != nil {
		return errorf("%w: %w", ErrGolden, err)
	}
	switch {
	case f.Format != GoldenFormatV1:
		return errorf("%w: format %q is not %q", ErrGolden, f.Format, GoldenFormatV1)
	case f.Model != m.ID() || !strings.EqualFold(f.DefinitionSHA256, m.SHA256()):
		return errorf("%w: the cases are for %s (definition SHA-256 %s), not %s (%s)",
			ErrGolden, f.Model, f.DefinitionSHA256, m.ID(), m.SHA256())
	case len(f.Golden) == 0:
		return errorf("%w: no cases", ErrGolden)
	}
	ids := map[string]bool{}
	for i := range f.Golden {
		gc := &f.Golden[i]
		path := sprintf("golden[%d] (%s)", i, gc.ID)
		if gc.ID == "" || ids[gc.ID] || gc.Model != m.ID() {
			return errorf("%w: %s: want a unique id and model %s", ErrGolden, path, m.ID())
		}
		ids[gc.ID] = true
		if err := reproduce(m, gc); err != nil {
			return errorf("%w: %s: %w", ErrGolden, path, err)
		}
	}
	return nil
}

// reproduce predicts a golden case and compares every horizon's probability.
func reproduce(m *Model, gc *GoldenCase) error {
	if !(gc.Tolerance > 0 && gc.Tolerance <= MaxGoldenTolerance) {
		return errorf("tolerance %v is not in (0, %v]", gc.Tolerance, MaxGoldenTolerance)
	}
	p, err := m.Predict(modelInputs(m, gc.Case))
	if err != nil {
		return err
	}
	if len(gc.Expected) != len(p.Horizons) {
		return errorf("expected gives %d horizons, the model has %d", len(gc.Expected),
			len(p.Horizons))
	}
	for _, h := range p.Horizons {
		want, ok := gc.Expected[h.Label]
		if d := math.Abs(h.Probability - want); !ok || !(d <= gc.Tolerance) {
			return errorf("%s probability %.15g, expected %.15g", h.Label, h.Probability,
				want)
		}
	}
	return nil
}

// golden draws the golden cases from the rows used, ranked by the new model's risk
// at the chosen horizon: the lowest, the highest and evenly spaced ones between,
// skipping a case equal to one already drawn.
func (r *recalibrator) golden(m *Model) ([]byte, error) {
	pl := r.plan
	pl.m = m
	preds := make([]*Prediction, len(r.sc.rows))
	for k, ri := range r.sc.rows {
		p, err := m.Predict(pl.caseOf(&r.c.Rows[ri]))
		if err != nil {
			return nil, errorf("golden cases: %w", err)
		}
		preds[k] = p
	}
	risks := make([]float64, len(preds))
	for k, p := range preds {
		risks[k] = p.Horizons[pl.horizon].Probability
	}
	order := ascending(risks)
	f := GoldenFile{Format: GoldenFormatV1, Model: m.ID(), DefinitionSHA256: m.SHA256(),
		Data: sprintf("rows of the data set with SHA-256 %s", r.c.SHA256)}
	for _, k := range spread(order, goldenCases) {
		row := &r.c.Rows[r.sc.rows[k]]
		gc := GoldenCase{ID: sprintf("row %d (line %d)", row.Row, row.Line),
			Model: m.ID(), Case: pl.caseOf(row), Expected: map[string]float64{},
			Tolerance: goldenTolerance}
		r.addRuleInput(gc.Case, row)
		if drawn(f.Golden, gc.Case) {
			continue
		}
		for _, h := range preds[k].Horizons {
			gc.Expected[h.Label] = h.Probability
		}
		f.Golden = append(f.Golden, gc)
	}
	doc, err := marshalIndent(&f)
	if err != nil {
		return nil, err
	}
	doc = append(doc, '\n')
	return doc, VerifyGolden(m, doc)
}

// addRuleInput adds to a golden case of a group's variant the row's value of the
// group rule's input when the variant does not read it (the not-detained variants
// of OxRec-NL do not read the detention length), so that the case shows which
// variant it is for, as a parameter file's golden cases must (RecalibratedParams).
func (r *recalibrator) addRuleInput(c Case, row *CohortRow) {
	if pl := &r.plan; pl.rule >= 0 && row.Fields[pl.rule] != "" {
		c[pl.ruleID] = row.Fields[pl.rule]
	}
}

// spread picks up to n entries of order at evenly spaced positions, first and last
// included.
func spread(order []int, n int) []int {
	if len(order) <= n {
		return order
	}
	out := make([]int, n)
	for j := range out {
		out[j] = order[(j*(len(order)-1)+(n-1)/2)/(n-1)]
	}
	return out
}

// drawn reports whether a golden case with the same inputs is already drawn.
func drawn(cases []GoldenCase, c Case) bool {
	for _, gc := range cases {
		if maps.Equal(gc.Case, c) {
			return true
		}
	}
	return false
}
