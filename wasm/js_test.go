//go:build js && wasm

package wasm

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"syscall/js"
	"testing"

	"spiegel/scoring"
)

// registered registers an API over the built-in models and returns globalThis.spiegel.
func registered(t *testing.T) (*scoring.Catalog, *API, js.Value) {
	t.Helper()
	cat, api := builtin(t)
	if err := Register(api); err != nil {
		t.Fatalf("Register: %v", err)
	}
	return cat, api, js.Global().Get("spiegel")
}

// fromJS converts a JavaScript value to T through JSON.stringify.
func fromJS[T any](t *testing.T, v js.Value) T {
	t.Helper()
	return decode[T](t, []byte(js.Global().Get("JSON").Call("stringify", v).String()))
}

// parseJS turns JSON text into a JavaScript value.
func parseJS(text string) js.Value {
	return js.Global().Get("JSON").Call("parse", text)
}

// isArray reports whether v is a JavaScript array.
func isArray(v js.Value) bool {
	return js.Global().Get("Array").Call("isArray", v).Bool()
}

func TestJSVersion(t *testing.T) {
	_, _, spiegel := registered(t)
	if got := spiegel.Get("version"); got.Type() != js.TypeString || got.String() != Version {
		t.Errorf("spiegel.version = %v, want %q", got, Version)
	}
}

func TestJSModelsAndDescribe(t *testing.T) {
	_, api, spiegel := registered(t)
	got := fromJS[any](t, spiegel.Call("models"))
	if want := decode[any](t, api.Models()); !reflect.DeepEqual(got, want) {
		t.Errorf("spiegel.models() = %v, want %v", got, want)
	}
	got = fromJS[any](t, spiegel.Call("describe", "ogrs3"))
	if want := decode[any](t, api.Describe("ogrs3")); !reflect.DeepEqual(got, want) {
		t.Errorf("spiegel.describe(ogrs3) = %v, want %v", got, want)
	}
}

func TestJSScore(t *testing.T) {
	cat, _, spiegel := registered(t)
	got := fromJS[scoring.Record](t, spiegel.Call("score", "ogrs3", parseJS(ogrs3Case)))
	want := wantRecord(t, cat, "ogrs3", "w1", ogrs3Want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spiegel.score(ogrs3, w1) = %+v, want %+v", got, want)
	}
}

func TestJSScoreMany(t *testing.T) {
	cat, _, spiegel := registered(t)
	v := spiegel.Call("scoreMany", "ogrs3", parseJS("["+ogrs3Case+", 42]"))
	if !isArray(v) {
		t.Fatalf("spiegel.scoreMany returned %v, want an array", v.Type())
	}
	got := fromJS[[]scoring.Record](t, v)
	if len(got) != 2 {
		t.Fatalf("spiegel.scoreMany gave %d records, want 2", len(got))
	}
	if want := wantRecord(t, cat, "ogrs3", "w1", ogrs3Want); !reflect.DeepEqual(got[0], want) {
		t.Errorf("spiegel.scoreMany[0] = %+v, want %+v", got[0], want)
	}
	checkError(t, got[1], "ogrs3", "cases[1]")
}

func TestJSBadArguments(t *testing.T) {
	_, _, spiegel := registered(t)
	valid := parseJS(ogrs3Case)
	cyclic := js.Global().Get("Object").New()
	cyclic.Set("self", cyclic)
	bigint := js.Global().Get("Object").New()
	big := js.Global().Call("BigInt", 4)
	swapFault := parseJS(`{"kind": "swap_levels", "predictor": "sex", "a": "male", "b": "female"}`)
	bigFault := js.Global().Get("Object").New()
	bigFault.Set("kind", "replace_value")
	bigFault.Set("path", "x")
	bigFault.Set("value", big)
	bigint.Set("previous_sanctions", big)
	tests := []struct {
		name, method string
		args         []any
		want         string
	}{
		{"models with an argument", "models", []any{"x"}, "got 1 arguments, want 0"},
		{"describe without id", "describe", nil, "got 0 arguments, want 1 (id)"},
		{"describe a number", "describe", []any{7}, "id has type number"},
		{"score without arguments", "score", nil, "got 0 arguments, want 2 (id, case)"},
		{"score without case", "score", []any{"ogrs3"}, "got 1 arguments"},
		{"score with a number as id", "score", []any{42, valid}, "id has type number"},
		{"score an undefined case", "score", []any{"ogrs3", js.Undefined()}, "type undefined"},
		{"score a null case", "score", []any{"ogrs3", js.Null()}, "case has type null"},
		{"score a string case", "score", []any{"ogrs3", ogrs3Case}, "case has type string"},
		{"score a cyclic case", "score", []any{"ogrs3", cyclic}, "cannot be converted"},
		{"score a BigInt", "score", []any{"ogrs3", bigint}, "cannot be converted"},
		{"score an unknown model", "score", []any{"nope", valid}, "unknown model"},
		{"describe a BigInt id", "describe", []any{big},
			"describe: argument 1 is a BigInt, which the engine does not take"},
		{"score a BigInt case", "score", []any{"ogrs3", big}, "score: argument 2 is a BigInt"},
		{"scoreMany a BigInt", "scoreMany", []any{"ogrs3", big}, "argument 2 is a BigInt"},
		{"faultStart with a BigInt value", "faultStart", []any{"ogrs3", bigFault, 5},
			"replacement value: a BigInt; want a number"},
		{"faultStart with a huge minimum move", "faultStart",
			[]any{"ogrs3", swapFault, strings.Repeat("x", 1<<20)},
			`minimum move "` + strings.Repeat("x", 80) + `…": not a number`},
		{"population with a number as format", "population", []any{"a\n1\n", 42},
			"population: format has type number, want string"},
		{"syntheticPopulation of 1e18 cases", "syntheticPopulation", []any{"ogrs3", 1e18, 1},
			"number of cases: want a whole number from 0 to 9007199254740992"},
		{"scoreMany without cases", "scoreMany", []any{"ogrs3"}, "got 1 arguments"},
		{"scoreMany a number", "scoreMany", []any{"ogrs3", 42}, "cases has type number"},
		{"scoreMany an object", "scoreMany", []any{"ogrs3", valid}, "not a JSON array"},
		{"loadParams with a number as pin", "loadParams",
			[]any{string(scoring.SyntheticOxRecParams), 42}, "pin must be"},
		{"loadParams with an object as pin", "loadParams",
			[]any{string(scoring.SyntheticOxRecParams), js.Global().Get("Object").New()},
			"pin must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := spiegel.Call(tt.method, tt.args...)
			if tt.method == "scoreMany" {
				if !isArray(v) || v.Length() != 1 {
					t.Fatalf("spiegel.scoreMany(...) = %v, want an array of one", v.Type())
				}
				v = v.Index(0)
			}
			if got := v.Get("error"); got.Type() != js.TypeString ||
				!strings.Contains(got.String(), tt.want) {
				t.Errorf("spiegel.%s(...).error = %v, want it to contain %q", tt.method, got,
					tt.want)
			}
		})
	}

	// The runtime is still alive after all of that.
	if got := spiegel.Call("models"); !isArray(got) || got.Length() == 0 {
		t.Errorf("spiegel.models() after bad calls = %v, want a non-empty array", got.Type())
	}
}

func TestJSUnavailable(t *testing.T) {
	if err := Register(Unavailable(errors.New("load built-in models: broken"))); err != nil {
		t.Fatalf("Register: %v", err)
	}
	got := js.Global().Get("spiegel").Call("models").Get("error")
	if got.Type() != js.TypeString || !strings.Contains(got.String(), "broken") {
		t.Errorf("unavailable spiegel.models().error = %v, want the load error", got)
	}
}

func TestJSRegisterNil(t *testing.T) {
	if err := Register(nil); err == nil {
		t.Error("Register(nil) = nil, want an error")
	}
}

// TestJSRegisterCoreLeavesOutTheStudio checks that RegisterCore sets spiegel to the
// calculator's functions without the studio's, which RegisterAs adds under its name.
func TestJSRegisterCoreLeavesOutTheStudio(t *testing.T) {
	_, api := builtin(t)
	if err := RegisterCore(api); err != nil {
		t.Fatalf("RegisterCore: %v", err)
	}
	core := js.Global().Get("spiegel")
	for _, f := range calculatorFuncs {
		if core.Get(f.name).Type() != js.TypeFunction {
			t.Errorf("after RegisterCore, spiegel.%s is %v, want a function", f.name,
				core.Get(f.name).Type())
		}
	}
	for _, f := range studioFuncs {
		if !core.Get(f.name).IsUndefined() {
			t.Errorf("after RegisterCore, spiegel.%s is %v, want undefined", f.name,
				core.Get(f.name).Type())
		}
	}
	if got := core.Call("models"); !isArray(got) || got.Length() == 0 {
		t.Errorf("core spiegel.models() = %v, want a non-empty array", got.Type())
	}

	if err := RegisterAs(api, "spiegelStudio"); err != nil {
		t.Fatalf("RegisterAs: %v", err)
	}
	defer js.Global().Delete("spiegelStudio")
	whole := js.Global().Get("spiegelStudio")
	for _, f := range append(append([]jsFunc(nil), calculatorFuncs...), studioFuncs...) {
		if whole.Get(f.name).Type() != js.TypeFunction {
			t.Errorf("after RegisterAs, spiegelStudio.%s is %v, want a function", f.name,
				whole.Get(f.name).Type())
		}
	}
	if RegisterCore(nil) == nil || RegisterAs(nil, "x") == nil {
		t.Error("RegisterCore(nil) or RegisterAs(nil) = nil, want an error")
	}
}

// TestJSFunctionSplit names every function of the whole engine and the engine that
// has it, so that a function added to neither table, or to the wrong one, fails:
// compareVariants is the calculator's (the page's side-by-side view of a group's
// variants), the validation, recalibration and fault functions the studio's.
func TestJSFunctionSplit(t *testing.T) {
	want := map[string][]string{
		"calculator": {"models", "describe", "score", "scoreMany", "loadParams", "clearParams",
			"variant", "compareVariants", "explain", "sweep", "whatIf"},
		"studio": {"numbers", "faultDemo", "validate", "recalibrate", "loadModel",
			"population", "syntheticPopulation", "clearPopulation", "exchanges",
			"faultStart", "faultStep", "faultResult"},
	}
	got := map[string][]string{}
	for engine, funcs := range map[string][]jsFunc{"calculator": calculatorFuncs,
		"studio": studioFuncs} {
		for _, f := range funcs {
			got[engine] = append(got[engine], f.name)
		}
	}
	for engine := range want {
		slices.Sort(want[engine])
		slices.Sort(got[engine])
		if !slices.Equal(got[engine], want[engine]) {
			t.Errorf("%s functions = %q, want %q", engine, got[engine], want[engine])
		}
	}
}
