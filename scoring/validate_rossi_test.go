package scoring_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spiegel/scoring"
)

// validationTolerance is the agreement required with R on every measure: the
// issue's bar of 1e-9. One tolerance serves the closed-form measures (Kaplan–Meier,
// intervals, means, concordance, Brier), which agree to about 1e-14 (R prints 15
// digits), and the iterative ones (slopes, recalibrated baselines and intercepts),
// which agree to about 1e-12 because both sides iterate to convergence: R with
// eps = 1e-12 (validation.R), Go until a Newton step is below 1e-10 relative, which
// leaves an error near its square.
const validationTolerance = 1e-9

// validationDir holds the committed output of validation.R.
var validationDir = filepath.Join("testdata", "validation")

// rValidation is one entry of rossi-validation.json.
type rValidation struct {
	Name          string                        `json:"name"`
	Model         string                        `json:"model"`
	Data          string                        `json:"data"`
	Outcome       string                        `json:"outcome"`
	Horizon       float64                       `json:"horizon"`
	Measures      scoring.Measures              `json:"measures"`
	Calibration   []scoring.CalibrationGroup    `json:"calibration"`
	Subgroups     map[string][]scoring.Subgroup `json:"subgroups"`
	Recalibration *rRecalibration               `json:"recalibration"`
}

// rRecalibration is R's recalibration of a model, with the horizon the slope is
// fitted at: baselines for a Cox model, intercepts for a logistic one.
type rRecalibration struct {
	ChosenHorizon      float64            `json:"chosen_horizon"`
	Slope              float64            `json:"slope"`
	Baseline           map[string]float64 `json:"baseline"`
	BaselineWithSlope  map[string]float64 `json:"baseline_with_slope"`
	Intercept          map[string]float64 `json:"intercept"`
	InterceptWithSlope map[string]float64 `json:"intercept_with_slope"`
}

// readRValidations reads R's reference values.
func readRValidations(t testing.TB) []rValidation {
	t.Helper()
	var ref struct {
		Validations []rValidation `json:"validations"`
	}
	readTestdata(t, "validation/rossi-validation.json", &ref)
	if len(ref.Validations) == 0 {
		t.Fatal("rossi-validation.json has no validations")
	}
	return ref.Validations
}

// cohortOf reads the data set an R validation used: rossi.csv from the shared
// reference (skipping when absent) or the committed rossi-derived.csv.
func cohortOf(t testing.TB, v rValidation) *scoring.Cohort {
	t.Helper()
	path := filepath.Join(validationDir, "rossi-derived.csv")
	if v.Data == "rossi" {
		path = filepath.Join(sharedReference, "rossi", "rossi.csv")
	}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("reference data %s is absent: skipped", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	c, err := scoring.ReadCohort(bytes.NewReader(data), specOf(t, v))
	if err != nil {
		t.Fatalf("ReadCohort(%s) error: %v", path, err)
	}
	return c
}

// specOf turns R's outcome ("time:week,event:arrest" or "outcome:arrest26") into a
// cohort spec.
func specOf(t testing.TB, v rValidation) scoring.CohortSpec {
	var s scoring.CohortSpec
	for _, part := range strings.Split(v.Outcome, ",") {
		key, col, _ := strings.Cut(part, ":")
		switch key {
		case "time":
			s.Time = col
		case "event":
			s.Event = col
		case "outcome":
			// rossi-derived.csv has both outcomes, which recalibration needs.
			s.Outcomes = map[float64]string{26: "arrest26", 52: "arrest52"}
			if col != s.Outcomes[v.Horizon] {
				t.Fatalf("outcome %q at %v: want column %s", v.Outcome, v.Horizon,
					s.Outcomes[v.Horizon])
			}
		default:
			t.Fatalf("outcome %q: unknown part %q", v.Outcome, part)
		}
	}
	return s
}

// modelOf returns the model an R validation used.
func modelOf(t testing.TB, id string) *scoring.Model {
	t.Helper()
	if id != "rossi-logistic" {
		return builtin(t, id)
	}
	data, err := os.ReadFile(filepath.Join(validationDir, "rossi-logistic.json"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := scoring.Load(data)
	if err != nil {
		t.Fatalf("Load(rossi-logistic.json) error: %v", err)
	}
	return m
}

// near reports whether got is within validationTolerance of want.
func near(got, want float64) bool { return math.Abs(got-want) <= validationTolerance }

// checkMeasures compares every measure with R's.
func checkMeasures(t *testing.T, what string, got, want scoring.Measures) {
	t.Helper()
	if got.N != want.N || got.Events != want.Events {
		t.Errorf("%s: n, events = %d, %d; want R's %d, %d", what, got.N, got.Events,
			want.N, want.Events)
	}
	pairs := []struct {
		name      string
		got, want *float64
	}{
		{"concordance", got.Concordance, want.Concordance},
		{"observed_risk", &got.ObservedRisk, &want.ObservedRisk},
		{"observed_risk_lower", &got.ObservedRiskLower, &want.ObservedRiskLower},
		{"observed_risk_upper", &got.ObservedRiskUpper, &want.ObservedRiskUpper},
		{"mean_predicted", &got.MeanPredicted, &want.MeanPredicted},
		{"calibration_in_the_large", got.CalibrationInTheLarge, want.CalibrationInTheLarge},
		{"calibration_in_the_large_difference", &got.CalibrationInTheLargeDifference,
			&want.CalibrationInTheLargeDifference},
		{"calibration_slope", got.CalibrationSlope, want.CalibrationSlope},
		{"brier", &got.Brier, &want.Brier},
	}
	for _, p := range pairs {
		if p.got == nil || p.want == nil || !near(*p.got, *p.want) {
			t.Errorf("%s: %s = %s, want R's %s (warnings %q)", what, p.name, show(p.got),
				show(p.want), got.Warnings)
		}
	}
}

// show prints an optional number.
func show(x *float64) string {
	if x == nil {
		return "nil"
	}
	return fmt.Sprintf("%.15g", *x)
}

func TestValidateMatchesR(t *testing.T) {
	for _, rv := range readRValidations(t) {
		name := fmt.Sprintf("%s at %v", rv.Name, rv.Horizon)
		t.Run(name, func(t *testing.T) {
			c := cohortOf(t, rv)
			v, err := scoring.Validate(modelOf(t, rv.Model), c,
				scoring.ValidationOptions{Horizon: rv.Horizon})
			if err != nil {
				t.Fatalf("Validate error: %v", err)
			}
			if v.Data.Used != rv.Measures.N || len(v.BadRows) != 0 {
				t.Errorf("Validate used %d rows, refused %v; want all %d", v.Data.Used,
					v.BadRows, rv.Measures.N)
			}
			checkMeasures(t, "Validate", v.Measures, rv.Measures)
			checkCalibration(t, v.Calibration, rv.Calibration)
		})
	}
}

// checkCalibration compares the calibration table with R's.
func checkCalibration(t *testing.T, got, want []scoring.CalibrationGroup) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("calibration has %d groups, want R's %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		ok := g.Group == w.Group && g.N == w.N && g.Events == w.Events
		for _, p := range [][2]float64{{g.MeanPredicted, w.MeanPredicted},
			{g.MinPredicted, w.MinPredicted}, {g.MaxPredicted, w.MaxPredicted},
			{g.ObservedRisk, w.ObservedRisk}, {g.Lower, w.Lower}, {g.Upper, w.Upper}} {
			ok = ok && near(p[0], p[1])
		}
		if !ok {
			t.Errorf("calibration group %d = %+v, want R's %+v", w.Group, g, w)
		}
	}
}

func TestValidateSubgroupsMatchR(t *testing.T) {
	for _, rv := range readRValidations(t) {
		for key, want := range rv.Subgroups {
			name := fmt.Sprintf("%s at %v by %s", rv.Name, rv.Horizon, key)
			t.Run(name, func(t *testing.T) {
				opt := scoring.ValidationOptions{Horizon: rv.Horizon, By: key}
				if key == "age_quintiles" {
					opt.By, opt.Quintiles = "age", true
				}
				v, err := scoring.Validate(modelOf(t, rv.Model), cohortOf(t, rv), opt)
				if err != nil {
					t.Fatalf("Validate error: %v", err)
				}
				checkSubgroups(t, v.Subgroups, want)
			})
		}
	}
}

// checkSubgroups compares the subgroups with R's, level by level.
func checkSubgroups(t *testing.T, got *scoring.Subgroups, want []scoring.Subgroup) {
	t.Helper()
	if got == nil || len(got.Groups) != len(want) {
		t.Fatalf("subgroups = %+v, want R's %d groups", got, len(want))
	}
	for i, w := range want {
		g := got.Groups[i]
		if g.Level != w.Level || show(g.Min) != show(w.Min) || show(g.Max) != show(w.Max) {
			t.Errorf("subgroup %d = %s [%s, %s], want R's %s [%s, %s]", i, g.Level,
				show(g.Min), show(g.Max), w.Level, show(w.Min), show(w.Max))
		}
		checkMeasures(t, "subgroup "+w.Level, g.Measures, w.Measures)
	}
}
