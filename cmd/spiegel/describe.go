package main

import (
	"encoding/json"
	"flag"
)

// runDescribe is `spiegel describe`: the model's scoring.Description as indented JSON.
func runDescribe(e *env, args []string) int {
	fs := flag.NewFlagSet("describe", flag.ContinueOnError)
	model := fs.String("model", "", "model `id` (see spiegel models)")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	m, code, ok := builtinModel(e, *model)
	if !ok {
		return code
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m.Describe()); err != nil {
		e.log.Error("write description", "model", m.ID(), "err", err)
		return exitFail
	}
	return exitOK
}
