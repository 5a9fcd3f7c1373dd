//go:build js && wasm

package wasm

import (
	"errors"
	"strconv"
	"strings"
	"syscall/js"
)

// Register sets globalThis.spiegel to the whole engine: the calculator's functions
// (see RegisterCore) and the studio's, numbers(id), faultDemo(id, fault, cases,
// minMove), validate(csv, options), recalibrate(csv, options), loadModel(definition,
// golden) and the fault demonstration's run (see studioFuncs), which call api.
// Arguments that are objects are converted with the page's JSON.stringify and
// results returned as plain objects made by JSON.parse. A wrong argument count or
// type gives an error record (an array of one for scoreMany): the functions never
// throw. Register must be called once, before JavaScript needs spiegel; the
// functions live as long as the program.
func Register(api *API) error { return RegisterAs(api, "spiegel") }

// RegisterAs is Register under another global name. The page loads the whole engine
// only when the studio is opened, as spiegelStudio, and makes it its spiegel once it
// holds the calculator's parameter file.
func RegisterAs(api *API, name string) error {
	if api == nil {
		return errNoAPI
	}
	spiegel := calculator(api)
	addFuncs(spiegel, api, studioFuncs)
	js.Global().Set(name, spiegel)
	return nil
}

// RegisterCore sets globalThis.spiegel to the calculator's functions only: models(),
// describe(id), score(id, case), scoreMany(id, cases), loadParams(text[, pin]),
// clearParams(), syntheticParams(), variant(group, case), compareVariants(group,
// case), explain(id, case), sweep(id, case, request) and whatIf(id, before, after),
// and the string version (Version), as Register does. A program that calls only
// RegisterCore links none of the studio's code, which keeps the engine the
// calculator page loads small.
func RegisterCore(api *API) error {
	if api == nil {
		return errNoAPI
	}
	js.Global().Set("spiegel", calculator(api))
	return nil
}

// errNoAPI refuses a nil API.
var errNoAPI = errors.New("register: no API")

// jsFunc is one function of the spiegel object: its name, the method it calls and
// what it returns when that panics. A table of them is static data, which the
// engine downloads in fewer bytes than the code of a map literal.
type jsFunc struct {
	name   string
	method func(*API, []js.Value) []byte
	fail   failure
}

// calculatorFuncs are the calculator's functions but syntheticParams.
var calculatorFuncs = []jsFunc{
	{"models", (*API).jsModels, errorObject},
	{"describe", (*API).jsDescribe, errorObject},
	{"score", (*API).jsScore, errorObject},
	{"scoreMany", (*API).jsScoreMany, errorArray},
	{"loadParams", (*API).jsLoadParams, errorObject},
	{"clearParams", func(a *API, _ []js.Value) []byte { return a.ClearParams() }, errorObject},
	{"variant", (*API).jsVariant, errorObject},
	{"compareVariants", (*API).jsCompareVariants, errorObject},
	{"explain", (*API).jsExplain, errorObject},
	{"sweep", (*API).jsSweep, errorObject},
	{"whatIf", (*API).jsWhatIf, errorObject},
}

// calculator returns a new spiegel object holding the calculator's functions.
func calculator(api *API) js.Value {
	spiegel := js.Global().Get("Object").New()
	spiegel.Set("version", Version)
	spiegel.Set("syntheticParams", js.FuncOf(func(js.Value, []js.Value) any {
		return string(api.SyntheticParams())
	}))
	addFuncs(spiegel, api, calculatorFuncs)
	return spiegel
}

// addFuncs sets a function of spiegel for each of funcs, calling it on api.
func addFuncs(spiegel js.Value, api *API, funcs []jsFunc) {
	for _, f := range funcs {
		spiegel.Set(f.name, export(f.name, func(args []js.Value) []byte {
			return f.method(api, args)
		}, f.fail))
	}
}

// jsLoadParams is loadParams(text) or loadParams(text, pin).
func (a *API) jsLoadParams(args []js.Value) []byte {
	if len(args) == 0 || args[0].Type() != js.TypeString {
		return errorObject("", errNoParamsText)
	}
	pin := ""
	if len(args) > 1 {
		// A pin of another type must not turn pinning off: only no pin at all does.
		switch args[1].Type() {
		case js.TypeString:
			pin = args[1].String()
		case js.TypeUndefined, js.TypeNull:
		default:
			return errorObject("", errPinNotText)
		}
	}
	return a.LoadParams([]byte(args[0].String()), pin)
}

// jsVariant is variant(group, case).
func (a *API) jsVariant(args []js.Value) []byte {
	group, data, err := idAndJSON("variant", args, "case")
	if err != nil {
		return errorObject(group, err)
	}
	return a.Variant(group, data)
}

// jsCompareVariants is compareVariants(group, case).
func (a *API) jsCompareVariants(args []js.Value) []byte {
	group, data, err := idAndJSON("compareVariants", args, "case")
	if err != nil {
		return errorObject(group, err)
	}
	return a.CompareVariants(group, data)
}

// jsExplain is explain(id, case).
func (a *API) jsExplain(args []js.Value) []byte {
	id, data, err := idAndJSON("explain", args, "case")
	if err != nil {
		return errorObject(id, err)
	}
	return a.Explain(id, data)
}

// jsSweep is sweep(id, case, {input, anchor, from, to, points}).
func (a *API) jsSweep(args []js.Value) []byte {
	if err := wantArgs("sweep", args, "id", "case", "request"); err != nil {
		return errorObject("", err)
	}
	id, data, err := idAndJSON("sweep", args[:2], "case")
	if err != nil {
		return errorObject(id, err)
	}
	req, err := jsonArg("sweep", "request", args[2])
	if err != nil {
		return errorObject(id, err)
	}
	return a.Sweep(id, data, req)
}

// jsWhatIf is whatIf(id, before, after).
func (a *API) jsWhatIf(args []js.Value) []byte {
	if err := wantArgs("whatIf", args, "id", "before", "after"); err != nil {
		return errorObject("", err)
	}
	id, before, err := idAndJSON("whatIf", args[:2], "before")
	if err != nil {
		return errorObject(id, err)
	}
	after, err := jsonArg("whatIf", "after", args[2])
	if err != nil {
		return errorObject(id, err)
	}
	return a.WhatIf(id, before, after)
}

// jsModels is models().
func (a *API) jsModels(args []js.Value) []byte {
	if err := wantArgs("models", args); err != nil {
		return errorObject("", err)
	}
	return a.Models()
}

// jsDescribe is describe(id).
func (a *API) jsDescribe(args []js.Value) []byte {
	if err := wantArgs("describe", args, "id"); err != nil {
		return errorObject("", err)
	}
	id, err := stringArg("describe", "id", args[0])
	if err != nil {
		return errorObject("", err)
	}
	return a.Describe(id)
}

// jsScore is score(id, case).
func (a *API) jsScore(args []js.Value) []byte {
	id, data, err := idAndJSON("score", args, "case")
	if err != nil {
		return errorObject(id, err)
	}
	return a.Score(id, data)
}

// jsScoreMany is scoreMany(id, cases).
func (a *API) jsScoreMany(args []js.Value) []byte {
	id, data, err := idAndJSON("scoreMany", args, "cases")
	if err != nil {
		return errorArray(id, err)
	}
	return a.ScoreMany(id, data)
}

// export wraps a method as a JavaScript function returning a plain object. A panic,
// including a JavaScript exception, becomes fail's result.
func export(name string, method func([]js.Value) []byte, fail failure) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		if err := typedArgs(name, args); err != nil {
			return parseJSON(fail("", err))
		}
		return parseJSON(call(method, args, fail))
	})
}

// typedArgs refuses an argument whose type syscall/js does not know: a BigInt, on
// which js.Value.Type panics, so that the error names the argument instead of being an
// internal one.
func typedArgs(name string, args []js.Value) error {
	for i, v := range args {
		if !knownType(v) {
			return errors.New(name + ": argument " + strconv.Itoa(i+1) +
				" is a BigInt, which the engine does not take")
		}
	}
	return nil
}

// knownType reports whether v.Type() answers rather than panics.
func knownType(v js.Value) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	v.Type()
	return true
}

// call runs method, recovering a panic into fail's result.
func call(method func([]js.Value) []byte, args []js.Value, fail failure) (out []byte) {
	defer recoverInto(&out, fail, "")
	return method(args)
}

// parseJSON turns JSON text into a JavaScript value with JSON.parse. Should that throw
// (a page that replaced JSON), the text itself is returned, so that nothing throws.
func parseJSON(data []byte) (v any) {
	defer func() {
		if recover() != nil {
			v = string(data)
		}
	}()
	return js.Global().Get("JSON").Call("parse", string(data))
}

// idAndJSON checks the arguments of a (id, object) function and returns the id and
// the object as JSON. The id is returned when it is valid even if the object is not.
func idAndJSON(method string, args []js.Value, name string) (string, []byte, error) {
	if err := wantArgs(method, args, "id", name); err != nil {
		return "", nil, err
	}
	id, err := stringArg(method, "id", args[0])
	if err != nil {
		return "", nil, err
	}
	data, err := jsonArg(method, name, args[1])
	return id, data, err
}

// wantArgs checks that args has one value per name in params.
func wantArgs(method string, args []js.Value, params ...string) error {
	if len(args) != len(params) {
		return errors.New(method + ": got " + strconv.Itoa(len(args)) + " arguments, want " +
			strconv.Itoa(len(params)) + " (" + strings.Join(params, ", ") + ")")
	}
	return nil
}

// stringArg returns v as a Go string, refusing other types.
func stringArg(method, name string, v js.Value) (string, error) {
	if v.Type() != js.TypeString {
		return "", errors.New(method + ": " + name + " has type " + v.Type().String() + ", want string")
	}
	return v.String(), nil
}

// jsonArg converts an object or array to JSON text with JSON.stringify, refusing other
// types and objects that JSON.stringify refuses (cycles, BigInt values).
func jsonArg(method, name string, v js.Value) (data []byte, err error) {
	if v.Type() != js.TypeObject {
		return nil, errors.New(method + ": " + name + " has type " + v.Type().String() + ", want object")
	}
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(method + ": " + name + " cannot be converted to JSON: " +
				panicError(r).Error())
		}
	}()
	s := js.Global().Get("JSON").Call("stringify", v)
	if s.Type() != js.TypeString {
		return nil, errors.New(method + ": " + name + " has no JSON form")
	}
	return []byte(s.String()), nil
}
