//go:build js && wasm

package wasm

import (
	"errors"
	"strconv"
	"strings"
	"syscall/js"
)

// Register sets globalThis.spiegel to an object with the functions models(),
// describe(id), score(id, case), scoreMany(id, cases), loadParams(text[, pin]),
// clearParams(), syntheticParams(), variant(group, case), compareVariants(group,
// case), explain(id, case), sweep(id, case, request), whatIf(id, before, after),
// numbers(id), faultDemo(id, fault, cases, minMove), validate(csv, options),
// recalibrate(csv, options) and loadModel(definition, golden), which call api, and
// the string version (Version). Arguments that are objects are converted with the page's
// JSON.stringify and results returned as plain objects made by JSON.parse. A wrong
// argument count or type gives an error record (an array of one for scoreMany): the
// functions never throw. Register must be called once, before JavaScript needs
// spiegel; the functions live as long as the program.
func Register(api *API) error {
	if api == nil {
		return errors.New("register: no API")
	}
	spiegel := map[string]any{
		"version":    Version,
		"models":     export(api.jsModels, errorObject),
		"describe":   export(api.jsDescribe, errorObject),
		"score":      export(api.jsScore, errorObject),
		"scoreMany":  export(api.jsScoreMany, errorArray),
		"loadParams": export(api.jsLoadParams, errorObject),
		"clearParams": export(func([]js.Value) []byte { return api.ClearParams() },
			errorObject),
		"syntheticParams": js.FuncOf(func(js.Value, []js.Value) any {
			return string(api.SyntheticParams())
		}),
		"variant": export(api.jsVariant, errorObject),
		"compareVariants": export(func(args []js.Value) []byte {
			group, data, err := idAndJSON("compareVariants", args, "case")
			if err != nil {
				return errorObject(group, err)
			}
			return api.CompareVariants(group, data)
		}, errorObject),
		"explain":   export(api.jsExplain, errorObject),
		"sweep":     export(api.jsSweep, errorObject),
		"whatIf":    export(api.jsWhatIf, errorObject),
		"numbers":   export(api.jsNumbers, errorObject),
		"faultDemo": export(api.jsFaultDemo, errorObject),
		"validate": export(func(args []js.Value) []byte {
			return textAndOptions(args, "validate", api.Validate)
		}, errorObject),
		"recalibrate": export(func(args []js.Value) []byte {
			return textAndOptions(args, "recalibrate", api.Recalibrate)
		}, errorObject),
		"loadModel": export(api.jsLoadModel, errorObject),
	}
	registerFaults(spiegel, api)
	js.Global().Set("spiegel", js.ValueOf(spiegel))
	return nil
}

// jsLoadParams is loadParams(text) or loadParams(text, pin).
func (a *API) jsLoadParams(args []js.Value) []byte {
	if len(args) == 0 || args[0].Type() != js.TypeString {
		return errorObject("", errNoParamsText)
	}
	pin := ""
	if len(args) > 1 && args[1].Type() == js.TypeString {
		pin = args[1].String()
	}
	return a.LoadParams([]byte(args[0].String()), pin)
}

// textAndOptions calls method(text, options) for validate(csv, options) and
// recalibrate(csv, options): a string and an object.
func textAndOptions(args []js.Value, name string, method func(text, opts []byte) []byte) []byte {
	if err := wantArgs(name, args, "csv", "options"); err != nil {
		return errorObject("", err)
	}
	text, err := stringArg(name, "csv", args[0])
	if err != nil {
		return errorObject("", err)
	}
	opts, err := jsonArg(name, "options", args[1])
	if err != nil {
		return errorObject("", err)
	}
	return method([]byte(text), opts)
}

// jsLoadModel is loadModel(definition, golden): two texts.
func (a *API) jsLoadModel(args []js.Value) []byte {
	if err := wantArgs("loadModel", args, "definition", "golden"); err != nil {
		return errorObject("", err)
	}
	def, err := stringArg("loadModel", "definition", args[0])
	if err != nil {
		return errorObject("", err)
	}
	golden, err := stringArg("loadModel", "golden", args[1])
	if err != nil {
		return errorObject("", err)
	}
	return a.LoadModel([]byte(def), []byte(golden))
}

// jsVariant is variant(group, case).
func (a *API) jsVariant(args []js.Value) []byte {
	group, data, err := idAndJSON("variant", args, "case")
	if err != nil {
		return errorObject(group, err)
	}
	return a.Variant(group, data)
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

// jsNumbers is numbers(id).
func (a *API) jsNumbers(args []js.Value) []byte {
	if err := wantArgs("numbers", args, "id"); err != nil {
		return errorObject("", err)
	}
	id, err := stringArg("numbers", "id", args[0])
	if err != nil {
		return errorObject("", err)
	}
	return a.Numbers(id)
}

// jsFaultDemo is faultDemo(id, fault, cases, minMove).
func (a *API) jsFaultDemo(args []js.Value) []byte {
	if err := wantArgs("faultDemo", args, "id", "fault", "cases", "minMove"); err != nil {
		return errorObject("", err)
	}
	id, fault, err := idAndJSON("faultDemo", args[:2], "fault")
	if err != nil {
		return errorObject(id, err)
	}
	cases, err := jsonArg("faultDemo", "cases", args[2])
	if err != nil {
		return errorObject(id, err)
	}
	if args[3].Type() != js.TypeNumber {
		return errorObject(id, errors.New("faultDemo: minMove has to be a number"))
	}
	return a.FaultDemo(id, fault, cases, args[3].Float())
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
func export(method func([]js.Value) []byte, fail failure) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		return parseJSON(call(method, args, fail))
	})
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
