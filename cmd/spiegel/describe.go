package main

import (
	"encoding/json"
	"flag"
)

// runDescribe is `spiegel describe`: the model's scoring.Description as indented JSON,
// as the JavaScript describe() gives it. A template without parameters is described
// too, with computable false and, in parameters, why it cannot compute; the scoring
// commands refuse it.
func runDescribe(e *env, args []string) int {
	fs := flag.NewFlagSet("describe", flag.ContinueOnError)
	model := fs.String("model", "", "model `id` (see spiegel models)")
	params := fs.String("params", "", "bind the verified parameter `file` (OxRec-NL)")
	pin := fs.String("pin", "", "refuse a parameter file whose SHA-256 is not `hex`")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	m, code, ok := loadModel(e, *model, *params, *pin)
	if !ok {
		return code
	}
	if !m.Computable() {
		e.log.Info("described a template: it cannot compute without a verified parameter "+
			"file (-params FILE)", "model", m.ID())
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
