//go:build js && wasm

package wasm

import (
	"reflect"
	"strings"
	"syscall/js"
	"testing"

	"spiegel/scoring"
)

func TestJSValidateRecalibrateLoadModel(t *testing.T) {
	_, api, spiegel := registered(t)
	data := string(readRossi(t))
	opts := `{"model": "rossi-cox", "horizon": 52, "time": "week", "event": "arrest",
		"by": "fin", "date": "2026-05-01"}`
	got := fromJS[any](t, spiegel.Call("validate", data, parseJS(opts)))
	want := decode[any](t, api.Validate([]byte(data), []byte(opts)))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spiegel.validate = %v, want %v", got, want)
	}
	r := fromJS[scoring.RecalibrationResult](t, spiegel.Call("recalibrate", data, parseJS(opts)))
	if r.Definition == "" || r.Golden == "" {
		t.Fatalf("spiegel.recalibrate = %+v, want a definition and golden cases", r)
	}
	rep := fromJS[ModelReport](t, spiegel.Call("loadModel", r.Definition, r.Golden))
	if !rep.Passed || rep.Model != r.Model {
		t.Errorf("spiegel.loadModel = %+v, want a pass for %s", rep, r.Model)
	}
}

func TestJSValidateBadArguments(t *testing.T) {
	_, _, spiegel := registered(t)
	tests := []struct {
		name, method string
		args         []any
		want         string
	}{
		{"no arguments", "validate", nil, "want 2"},
		{"data not text", "validate", []any{1, parseJS(`{}`)}, "csv has type number"},
		{"options not an object", "recalibrate", []any{"a", "b"}, "options has type string"},
		{"one text", "loadModel", []any{"{}"}, "want 2"},
		{"golden not text", "loadModel", []any{"{}", js.Null()}, "golden has type null"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fromJS[scoring.Record](t, spiegel.Call(tt.method, tt.args...))
			if !strings.Contains(r.Error, tt.want) {
				t.Errorf("spiegel.%s(%v) error = %q, want %q", tt.method, tt.args, r.Error, tt.want)
			}
		})
	}
}
