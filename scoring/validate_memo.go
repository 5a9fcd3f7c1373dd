package scoring

import "strconv"

// memoEntry is a model's answer for one combination of input values: the score and
// predicted risk at the planned horizon, or the refusal.
type memoEntry struct {
	score, risk float64
	err         error
}

// memoKey is the row's values of the plan's input columns, each preceded by its
// length in decimal and a colon, so that no two different combinations share a key.
func (pl *modelPlan) memoKey(row *CohortRow, buf []byte) []byte {
	buf = buf[:0]
	for _, col := range pl.columns {
		f := row.Fields[col]
		buf = strconv.AppendInt(buf, int64(len(f)), 10)
		buf = append(append(buf, ':'), f...)
	}
	if pl.rule >= 0 {
		f := row.Fields[pl.rule]
		buf = strconv.AppendInt(append(buf, '|'), int64(len(f)), 10)
		buf = append(append(buf, ':'), f...)
	}
	return buf
}

// predictMemo predicts a row with the plan's model, once per combination of input
// values: a prediction depends on the inputs alone (the package reads no clock and
// keeps no state), so rows that repeat a combination, common in case data where most
// inputs are levels or small counts, reuse the answer bit for bit.
func (pl *modelPlan) predictMemo(row *CohortRow, buf []byte) (memoEntry, []byte) {
	buf = pl.memoKey(row, buf)
	if e, ok := pl.memo[string(buf)]; ok {
		return e, buf
	}
	var e memoEntry
	cs := pl.caseOf(row)
	p, err := (*Prediction)(nil), pl.checkVariant(cs, row)
	if err == nil {
		p, err = pl.m.Predict(cs)
	}
	if err != nil {
		e.err = err
	} else {
		h := p.Horizons[pl.horizon]
		e.score, e.risk = p.LinearPredictor, h.Probability
		if h.Intercept != nil {
			e.score += *h.Intercept
		}
	}
	pl.memo[string(buf)] = e
	return e, buf
}

// checkVariant refuses a row that the group rule puts in another population than the
// plan's model (a variant of a group), as ScoreRecord refuses such a case: a row of
// not-detained people is not data on the detained variant. The rule's input is read
// from its column when the model does not read it.
func (pl *modelPlan) checkVariant(cs Case, row *CohortRow) error {
	if pl.rule < 0 {
		return pl.m.CheckVariant(cs)
	}
	cs[pl.ruleID] = row.Fields[pl.rule]
	err := pl.m.CheckVariant(cs)
	delete(cs, pl.ruleID)
	return err
}
