package main

import (
	"encoding/json"
	"flag"
)

// runDescribe is `spiegel describe`: the model's scoring.Description as indented JSON.
func runDescribe(e *env, args []string) int {
	fs := flag.NewFlagSet("describe", flag.ContinueOnError)
	model := fs.String("model", "", "model `id` (see spiegel models)")
	params := fs.String("params", "", "bind the verified parameter `file` (OxRec-NL)")
	pin := fs.String("pin", "", "refuse a parameter file whose SHA-256 is not `hex`")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	m, code, ok := builtinModel(e, *model, *params, *pin)
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
