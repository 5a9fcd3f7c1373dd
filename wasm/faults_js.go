//go:build js && wasm

package wasm

import (
	"errors"
	"syscall/js"

	"spiegel/scoring"
)

// jsPopulation is population(text[, format]).
func (a *API) jsPopulation(args []js.Value) []byte {
	if len(args) == 0 || args[0].Type() != js.TypeString {
		return errorObject("", errors.New("population: the file's text is needed"))
	}
	format := ""
	if len(args) > 1 && !args[1].IsUndefined() && !args[1].IsNull() {
		f, err := stringArg("population", "format", args[1])
		if err != nil {
			return errorObject("", err)
		}
		format = f
	}
	return a.LoadPopulation([]byte(args[0].String()), format)
}

// jsSyntheticPopulation is syntheticPopulation(id, n, seed).
func (a *API) jsSyntheticPopulation(args []js.Value) []byte {
	if len(args) != 3 || args[0].Type() != js.TypeString {
		return errorObject("", errors.New("syntheticPopulation: want (id, n, seed)"))
	}
	id := args[0].String()
	n, err := wholeArg("number of cases", args[1])
	if err != nil {
		return errorObject(id, err)
	}
	seed, err := wholeArg("seed", args[2])
	if err != nil {
		return errorObject(id, err)
	}
	return a.SyntheticPopulation(id, int(n), uint64(seed))
}

// jsExchanges is exchanges(id).
func (a *API) jsExchanges(args []js.Value) []byte {
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return errorObject("", errors.New("exchanges: want (id)"))
	}
	return a.Exchanges(args[0].String())
}

// jsFaultStart is faultStart(id, fault, minMove).
func (a *API) jsFaultStart(args []js.Value) []byte {
	if len(args) != 3 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject {
		return errorObject("", errors.New("faultStart: want (id, fault, minMove)"))
	}
	id := args[0].String()
	f, err := faultArg(args[1])
	if err != nil {
		return errorObject(id, err)
	}
	minMove, err := numberArg("minimum move", args[2])
	if err != nil {
		return errorObject(id, err)
	}
	return a.FaultStart(id, f, minMove)
}

// jsFaultStep is faultStep(n).
func (a *API) jsFaultStep(args []js.Value) []byte {
	if len(args) != 1 {
		return errorObject("", errors.New("faultStep: want (n)"))
	}
	n, err := wholeArg("step", args[0])
	if err != nil {
		return errorObject("", err)
	}
	return a.FaultStep(int(n))
}

// faultArg reads a fault object's members.
func faultArg(v js.Value) (scoring.Fault, error) {
	str := func(k string) string {
		if m := v.Get(k); knownType(m) && m.Type() == js.TypeString {
			return m.String()
		}
		return ""
	}
	f := scoring.Fault{Kind: str("kind"), Predictor: str("predictor"), A: str("a"),
		B: str("b"), Path: str("path"), Model: str("model")}
	if f.Kind != scoring.FaultReplaceValue {
		return f, nil
	}
	value, err := numberArg("replacement value", v.Get("value"))
	f.Value = value
	return f, err
}

// numberArg reads a number, or text holding one.
func numberArg(field string, v js.Value) (float64, error) {
	if !knownType(v) {
		return 0, errors.New(field + ": a BigInt; want a number")
	}
	switch v.Type() {
	case js.TypeNumber:
		return v.Float(), nil
	case js.TypeString:
		return parseTyped(field, v.String())
	}
	return 0, errors.New(field + ": want a number")
}

// wholeArg reads a whole number from 0 to 2^53.
func wholeArg(field string, v js.Value) (float64, error) {
	f, err := numberArg(field, v)
	if err == nil && (f < 0 || f > 1<<53 || f != float64(int64(f))) {
		err = errors.New(field + ": want a whole number from 0 to 9007199254740992 (2^53)")
	}
	return f, err
}
