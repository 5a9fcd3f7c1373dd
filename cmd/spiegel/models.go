package main

import (
	"bufio"
	"flag"

	"spiegel/scoring"
)

// runModels is `spiegel models`: one JSON line per built-in model, in id order.
func runModels(e *env, args []string) int {
	fs := flag.NewFlagSet("models", flag.ContinueOnError)
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	cat, err := scoring.Builtin()
	if err != nil {
		e.log.Error("load built-in models", "err", err)
		return exitFail
	}
	w := bufio.NewWriter(e.stdout)
	for _, m := range cat.Models() {
		line, _ := encodeLine(m.Summarize())
		w.Write(line)
	}
	if err := w.Flush(); err != nil {
		e.log.Error("write models", "err", err)
		return exitFail
	}
	return exitOK
}
