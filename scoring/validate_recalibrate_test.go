package scoring_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"spiegel/scoring"
)

// recalibrated recalibrates the model of an R validation on its data.
func recalibrated(t *testing.T, rv rValidation, slope bool) *scoring.Recalibration {
	t.Helper()
	opt := scoring.RecalibrationOptions{ID: rv.Model + "-recal-20260501", Date: "2026-05-01",
		Horizon: rv.Horizon, Slope: slope}
	r, err := scoring.Recalibrate(modelOf(t, rv.Model), cohortOf(t, rv), opt)
	if err != nil {
		t.Fatalf("Recalibrate(%s, slope %v) error: %v", rv.Model, slope, err)
	}
	return r
}

func TestRecalibrateMatchesR(t *testing.T) {
	for _, rv := range readRValidations(t) {
		want := rv.Recalibration
		if want == nil {
			continue
		}
		for _, slope := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s at %v, slope %v", rv.Name, rv.Horizon, slope), func(t *testing.T) {
				r := recalibrated(t, rv, slope)
				params := map[bool]map[string]float64{
					false: want.Baseline, true: want.BaselineWithSlope}[slope]
				if rv.Model == "rossi-logistic" {
					params = map[bool]map[string]float64{
						false: want.Intercept, true: want.InterceptWithSlope}[slope]
				}
				if len(r.Summary.Horizons) != len(params) {
					t.Fatalf("Recalibrate horizons = %+v, want R's %v", r.Summary.Horizons, params)
				}
				for _, h := range r.Summary.Horizons {
					if !near(h.After, params[h.Label]) {
						t.Errorf("Recalibrate %s %s = %.15g, want R's %.15g", h.Label,
							h.Parameter, h.After, params[h.Label])
					}
				}
				if slope && (r.Summary.Slope == nil || !near(*r.Summary.Slope, want.Slope)) {
					t.Errorf("Recalibrate slope = %s, want R's %.15g", show(r.Summary.Slope),
						want.Slope)
				}
			})
		}
	}
}

func TestRecalibratedModelVerifiesItself(t *testing.T) {
	for _, rv := range readRValidations(t) {
		if rv.Recalibration == nil {
			continue
		}
		for _, slope := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s at %v, slope %v", rv.Name, rv.Horizon, slope), func(t *testing.T) {
				r := recalibrated(t, rv, slope)
				m, err := scoring.Load(r.Document)
				if err != nil {
					t.Fatalf("Load(new definition) error: %v", err)
				}
				if err := scoring.VerifyGolden(m, r.Golden); err != nil {
					t.Errorf("VerifyGolden(new model) = %v, want nil", err)
				}
				checkRecalibrated(t, m, rv, slope)
			})
		}
	}
}

// checkRecalibrated validates the new model on the data it was recalibrated on: the
// mean predicted risk equals the observed risk there (for a logistic intercept, by
// the score equation Σ (y − p) = 0), and with the slope the slope becomes 1.
func checkRecalibrated(t *testing.T, m *scoring.Model, rv rValidation, slope bool) {
	t.Helper()
	v, err := scoring.Validate(m, cohortOf(t, rv), scoring.ValidationOptions{Horizon: rv.Horizon})
	if err != nil {
		t.Fatalf("Validate(new model) error: %v", err)
	}
	if math.Abs(v.CalibrationInTheLargeDifference) > validationTolerance {
		t.Errorf("Validate(new model): observed − mean predicted = %.3g, want 0",
			v.CalibrationInTheLargeDifference)
	}
	if slope && (v.CalibrationSlope == nil || !near(*v.CalibrationSlope, 1)) {
		t.Errorf("Validate(new model): slope = %s, want 1", show(v.CalibrationSlope))
	}
	if !m.Synthetic() && rv.Model == "rossi-logistic" {
		t.Errorf("the recalibrated test fixture lost its synthetic mark")
	}
}

func TestRecalibrationProvenance(t *testing.T) {
	rv := readRValidations(t)[0]
	r := recalibrated(t, rv, true)
	def := r.Model.Definition()
	src, ok := def.Sources["recalibration"]
	source := modelOf(t, rv.Model)
	wants := []string{source.ID(), source.SHA256(), cohortOf(t, rv).SHA256, "2026-05-01",
		fmt.Sprintf("%d rows", rv.Measures.N), fmt.Sprintf("%d events", rv.Measures.Events)}
	for _, w := range wants {
		if !ok || !strings.Contains(src.Citation, w) {
			t.Errorf("recalibration source = %+v, want it to name %q", src, w)
		}
	}
	if def.ID != "rossi-cox-recal-20260501" ||
		!strings.Contains(def.Version, "recalibrated 2026-05-01") {
		t.Errorf("new id, version = %q, %q; want the given id and a recalibrated version",
			def.ID, def.Version)
	}
	for _, term := range def.Terms {
		for _, c := range append(term.Table, scoring.Cell{}) {
			if c.Ref.Source != "" && c.Ref.Source != "recalibration" {
				t.Errorf("term %s cell %v cites %s, want the recalibration", term.ID, c.Key, c.Ref)
			}
		}
	}
}

func TestVerifyGoldenRefuses(t *testing.T) {
	rv := readRValidations(t)[0]
	r := recalibrated(t, rv, false)
	other := strings.Replace(string(r.Document), `"value": -0.0563256246792625`, `"value": -0.0563`, 1)
	tests := []struct {
		name   string
		model  string
		golden string
		want   string
	}{
		{"another definition", other, string(r.Golden), "not rossi-cox-recal-20260501"},
		{"a changed expectation", string(r.Document),
			strings.Replace(string(r.Golden), `"52w": 0.`, `"52w": 0.1`, 1), "probability"},
		{"a loose tolerance", string(r.Document),
			strings.Replace(string(r.Golden), `"tolerance": 1e-12`, `"tolerance": 0.01`, 1),
			"tolerance"},
		{"another format", string(r.Document),
			strings.Replace(string(r.Golden), "spiegel-golden/1", "spiegel-golden/9", 1), "format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.model == string(r.Document) && tt.golden == string(r.Golden) {
				t.Fatal("the mutation changed nothing")
			}
			m, err := scoring.Load([]byte(tt.model))
			if err != nil {
				t.Fatal(err)
			}
			err = scoring.VerifyGolden(m, []byte(tt.golden))
			if !errors.Is(err, scoring.ErrGolden) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("VerifyGolden = %v, want ErrGolden mentioning %q", err, tt.want)
			}
		})
	}
}
