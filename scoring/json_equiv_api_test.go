package scoring_test

import (
	"testing"

	"spiegel/scoring"
)

// TestAppendJSONMatchesEncodingJSONOnAPIResults writes the JavaScript API's other
// answers (what-if, validation, comparison, recalibration, a loaded model's report,
// the fault demonstration's population, exchanges and run) from real computations
// and compares each with encoding/json's bytes.
func TestAppendJSONMatchesEncodingJSONOnAPIResults(t *testing.T) {
	ogrs3 := builtin(t, "ogrs3")
	before := scoring.Case{"sex": "male", "offence_group": "2", "previous_sanctions": "4",
		"birth_date": "1990-03-01", "conviction_date": "2020-05-01",
		"first_sanction_date": "2007-01-01", "assessment_date": "2021-01-15"}
	after := scoring.Case{}
	for k, v := range before {
		after[k] = v
	}
	after["previous_sanctions"] = "9"
	sameJSON(t, "what-if", scoring.WhatIf(ogrs3, before, after))
	sameJSON(t, "what-if refused", scoring.WhatIf(ogrs3, before, scoring.Case{}))

	for _, rv := range readRValidations(t) {
		if rv.Data == "rossi" {
			continue // the shared data, absent on some machines; the derived set suffices
		}
		m, c := modelOf(t, rv.Model), cohortOf(t, rv)
		opt := scoring.ValidationOptions{Horizon: rv.Horizon, By: "fin"}
		v, err := scoring.Validate(m, c, opt)
		if err != nil {
			t.Fatalf("%s: %v", rv.Name, err)
		}
		sameJSON(t, rv.Name+" validation", scoring.ValidationResult{File: "d.csv", Validation: *v})
		cmp, err := scoring.Compare([]*scoring.Model{m, m}, c, opt)
		if err != nil {
			t.Fatalf("%s: %v", rv.Name, err)
		}
		sameJSON(t, rv.Name+" comparison", scoring.ComparisonResult{File: "d.csv",
			Comparison: *cmp})
		if rv.Recalibration == nil {
			continue
		}
		r, err := scoring.Recalibrate(m, c, scoring.RecalibrationOptions{ID: "x-recal",
			Date: "2026-05-01", Horizon: rv.Horizon, Slope: true})
		if err != nil {
			t.Fatalf("%s: %v", rv.Name, err)
		}
		sameJSON(t, rv.Name+" recalibration", scoring.RecalibrationResult{
			RecalibrationSummary: r.Summary, Definition: string(r.Document),
			Golden: string(r.Golden), FileName: "x-recal.json", Validation: v.Measures})
		s := r.Model.Summarize()
		sameJSON(t, rv.Name+" model report", scoring.ModelReport{Passed: true, Model: s.ID,
			Name: s.Name, DefinitionSHA256: r.Model.SHA256(), Notice: s.Notice})
	}
	sameJSON(t, "model report refused", scoring.ModelReport{Error: "loadModel: <bad> & \"x\""})
	faultResults(t)
}

// faultResults checks the fault demonstration's answers over a synthetic population.
func faultResults(t *testing.T) {
	cat := boundCatalog(t)
	m, _ := cat.Model("ogrs3")
	pop, err := scoring.SyntheticPopulation(m, 300, 5)
	if err != nil {
		t.Fatal(err)
	}
	pop.Cases[3] = scoring.Case{"sex": "unknown"}
	spec, err := scoring.PopulationSpecFor(m)
	if err != nil {
		t.Fatal(err)
	}
	rep := scoring.PopulationReport{Format: pop.Format, Synthetic: true, Cases: len(pop.Cases),
		Bad:  []scoring.RowError{{Row: 2, Line: 3, Message: "bare \" in a field"}},
		Spec: &scoring.SpecReport{ID: spec.ID, Note: spec.Note}}
	for _, d := range spec.Distributions {
		dr := scoring.DistributionReport{Name: d.Name, Unit: d.Unit, Source: d.Source,
			Assumption: d.Assumption, Note: d.Note}
		for _, s := range d.Shares() {
			dr.Values = append(dr.Values, scoring.WeightShare{Value: "v–w", Weight: 1, Share: s})
		}
		rep.Spec.Distributions = append(rep.Spec.Distributions, dr)
	}
	sameJSON(t, "population", rep)
	for _, id := range []string{"ogrs3", "rossi-cox-paroled", "oxrec-nl-detained-general"} {
		xs, err := cat.Exchanges(id)
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, id+" exchanges", xs)
	}
	f := scoring.Fault{Kind: scoring.FaultSwapLevels, Predictor: "sex", A: "male", B: "female"}
	faulty, err := m.WithFault(f, cat)
	if err != nil {
		t.Fatal(err)
	}
	run := scoring.NewFaultRun(m, faulty, pop, scoring.MinMoveFromPoints(m, 1))
	run.Step(1000)
	s := run.Summary()
	res := scoring.FaultRunResult{Model: "ogrs3", FaultyModel: faulty.ID(), Fault: f,
		MinMovePoints: 1, Done: run.Done(), Format: pop.Format, Bad: []scoring.RowError{},
		Cases: s.Cases, Scored: s.Scored, Refused: s.Refused, MinMove: s.MinMove,
		Horizons: s.Horizons, Moved: []scoring.MovedRow{}, Refusals: []scoring.RefusalRow{}}
	for _, c := range s.Moved {
		res.Moved = append(res.Moved, scoring.MovedRow{Index: c.Index, Row: c.Row, ID: c.ID,
			Horizon: c.Horizon, Before: c.Before, After: c.After, Change: c.Change,
			BandBefore: c.BandBefore, BandAfter: c.BandAfter})
	}
	for _, r := range s.Refusals {
		res.Refusals = append(res.Refusals, scoring.RefusalRow{Index: r.Index, Row: r.Row,
			ID: r.ID, Error: r.Error})
	}
	if len(res.Moved) == 0 || len(res.Refusals) == 0 {
		t.Fatalf("fault run: %d moved, %d refused; want some of each", len(res.Moved),
			len(res.Refusals))
	}
	sameJSON(t, "fault run", res)
}
