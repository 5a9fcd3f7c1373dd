//go:build js && wasm

package wasm

import (
	"errors"
	"syscall/js"
)

// studioFuncs are the studio's functions: numbers(id), faultDemo(id, fault, cases,
// minMove), validate(csv, options), recalibrate(csv, options), loadModel(definition,
// golden), and the fault demonstration's run:
//
//	population(text[, format])          read a population file, keep it
//	syntheticPopulation(id, n, seed)    draw fictional cases, keep them
//	clearPopulation()                   forget the population
//	exchanges(id)                       the exchanges offered for a model
//	faultStart(id, fault, minMove)      start a run over the kept population
//	faultStep(n)                        score up to n more cases
//	faultResult()                       what the run has counted
//
// A fault is {kind, predictor, a, b, path, value, model} as scoring.Fault; its
// value and minMove may be numbers or the text typed in the page.
var studioFuncs = []jsFunc{
	{"numbers", (*API).jsNumbers, errorObject},
	{"faultDemo", (*API).jsFaultDemo, errorObject},
	{"validate", func(a *API, args []js.Value) []byte {
		return textAndOptions(args, "validate", a.Validate)
	}, errorObject},
	{"recalibrate", func(a *API, args []js.Value) []byte {
		return textAndOptions(args, "recalibrate", a.Recalibrate)
	}, errorObject},
	{"loadModel", (*API).jsLoadModel, errorObject},
	{"population", (*API).jsPopulation, errorObject},
	{"syntheticPopulation", (*API).jsSyntheticPopulation, errorObject},
	{"clearPopulation", func(a *API, _ []js.Value) []byte { return a.ClearPopulation() },
		errorObject},
	{"exchanges", (*API).jsExchanges, errorObject},
	{"faultStart", (*API).jsFaultStart, errorObject},
	{"faultStep", (*API).jsFaultStep, errorObject},
	{"faultResult", func(a *API, _ []js.Value) []byte { return a.FaultResult() }, errorObject},
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
