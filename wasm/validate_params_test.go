package wasm

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"spiegel/internal/testcohort"
	"spiegel/scoring"
)

// oxrecCSV is made-up follow-up data over the synthetic file's golden cases.
func oxrecCSV(t *testing.T) string {
	t.Helper()
	data, err := testcohort.OxRec(60, nil, testcohort.Varied)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestValidateWithParameterFiles validates an OxRec-NL template with a parameter
// file given for the call only, alone and side by side with a second file.
func TestValidateWithParameterFiles(t *testing.T) {
	_, api := builtin(t)
	data := []byte(oxrecCSV(t))
	params, err := json.Marshal(string(scoring.SyntheticOxRecParams))
	if err != nil {
		t.Fatal(err)
	}
	base := `"model": "oxrec-nl-detained-general", "horizon": "1y", "time": "years",
		"event": "event"`
	r := decode[scoring.Record](t, api.Validate(data, []byte(`{`+base+`}`)))
	if !strings.Contains(r.Error, "parameter file") {
		t.Errorf("Validate(template, no file) error = %q, want one about the parameter file",
			r.Error)
	}

	sum := sha256.Sum256(scoring.SyntheticOxRecParams)
	sha := hex.EncodeToString(sum[:])
	v := decode[scoring.Validation](t, api.Validate(data, []byte(`{`+base+`, "params": `+
		string(params)+`}`)))
	if v.ParamsSHA256 != sha || !v.Synthetic || v.N == 0 {
		t.Errorf("Validate(with file) = %+v, want the file's SHA-256 %s, synthetic", v, sha)
	}
	cmp := decode[scoring.Comparison](t, api.Validate(data, []byte(`{`+base+`, "params": `+
		string(params)+`, "compare": "oxrec-nl-detained-general", "compare_params": `+
		string(params)+`}`)))
	if len(cmp.Models) != 2 || cmp.Models[0].ParamsSHA256 != sha ||
		cmp.Models[1].ParamsSHA256 != sha || cmp.Models[0].Brier != cmp.Models[1].Brier {
		t.Errorf("Validate(two files) = %+v, want both bound to the file", cmp)
	}

	// The files were for those calls only: the page's models are as they were.
	d := decode[scoring.Description](t, api.Describe("oxrec-nl-detained-general"))
	if d.Computable {
		t.Error("a parameter file given to validate stayed bound after the call")
	}
}

// TestRecalibrateWithParameterFile recalibrates an OxRec-NL variant bound to the
// synthetic file for the call, and checks that the answer carries the group's new
// parameter file, which loadParams verifies and binds like any other.
func TestRecalibrateWithParameterFile(t *testing.T) {
	_, api := builtin(t)
	rec := decode[scoring.Record](t, api.Recalibrate([]byte(oxrecCSV(t)), []byte(
		`{"model": "oxrec-nl-detained-general", "horizon": "1y", "time": "years",
		"event": "event", "date": "2026-12-04"}`)))
	if !strings.Contains(rec.Error, "parameter file") {
		t.Errorf("Recalibrate(template, no file) error = %q, want one about the file", rec.Error)
	}
	params, err := json.Marshal(string(scoring.SyntheticOxRecParams))
	if err != nil {
		t.Fatal(err)
	}
	r := decode[scoring.RecalibrationResult](t, api.Recalibrate([]byte(oxrecCSV(t)), []byte(
		`{"model": "oxrec-nl-detained-general", "horizon": "1y", "time": "years",
		"event": "event", "date": "2026-12-04", "params": `+string(params)+`}`)))
	if r.Params == "" || !r.Synthetic ||
		r.ParamsFileName != "oxrec-nl-detained-general-recal-20261204.params.json" {
		t.Fatalf("Recalibrate(bound variant) = params %d bytes, file %q; want the new file",
			len(r.Params), r.ParamsFileName)
	}
	sum := sha256.Sum256([]byte(r.Params))
	if hex.EncodeToString(sum[:]) != r.ParamsSHA256 {
		t.Errorf("params_sha256 %s is not the SHA-256 of the file given", r.ParamsSHA256)
	}
	rep := decode[scoring.VerifyReport](t, api.LoadParams([]byte(r.Params), r.ParamsSHA256))
	if !rep.Passed || !rep.Synthetic || !strings.Contains(rep.Version, "recalibrated 2026-12-04") {
		t.Errorf("LoadParams(recalibrated file) = %+v, want passed, synthetic, recalibrated", rep)
	}
	// Now bound in the page, the variant recalibrates without a file in the options.
	again := decode[scoring.RecalibrationResult](t, api.Recalibrate([]byte(oxrecCSV(t)),
		[]byte(`{"model": "oxrec-nl-detained-general", "horizon": "1y", "time": "years",
		"event": "event", "date": "2026-12-05"}`)))
	if again.Params == "" || again.FromParamsSHA256 != r.ParamsSHA256 {
		t.Errorf("Recalibrate(bound in the page) = from %s with %d bytes of params, want "+
			"from %s", again.FromParamsSHA256, len(again.Params), r.ParamsSHA256)
	}
}
