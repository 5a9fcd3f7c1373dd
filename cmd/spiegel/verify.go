package main

import (
	"flag"
	"fmt"
	"os"

	"spiegel/scoring"
)

// maxParamsBytes is the largest parameter file read.
const maxParamsBytes = scoring.MaxDocumentBytes

// verifyReport is the JSON line `spiegel verify` prints.
type verifyReport struct {
	File      string   `json:"file"`
	Passed    bool     `json:"passed"`
	SHA256    string   `json:"sha256,omitempty"`
	Group     string   `json:"group,omitempty"`
	Version   string   `json:"version,omitempty"`
	Issuer    string   `json:"issuer,omitempty"`
	Synthetic bool     `json:"synthetic,omitempty"`
	Models    []string `json:"models,omitempty"`
	Warnings  []string `json:"warnings,omitempty"`
	Error     string   `json:"error,omitempty"`
}

// runVerify is `spiegel verify`: it verifies a parameter file and prints a report;
// the exit status is 0 only when the file passes every check.
func runVerify(e *env, args []string) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	params := fs.String("params", "", "parameter `file` to verify")
	pin := fs.String("pin", "", "refuse the file unless its SHA-256 is `hex`")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	if *params == "" {
		e.log.Error("-params is required")
		return exitUsage
	}
	cat, err := scoring.Builtin()
	if err != nil {
		e.log.Error("load built-in models", "err", err)
		return exitFail
	}
	report := verifyReport{File: *params}
	set, err := verifyFile(cat, *params, *pin)
	if err == nil {
		fillReport(&report, set)
	} else {
		report.Error = err.Error()
	}
	line, _ := encodeLine(report)
	if _, werr := e.stdout.Write(line); werr != nil || !report.Passed {
		return exitFail
	}
	return exitOK
}

// fillReport copies a verified set into the report.
func fillReport(r *verifyReport, set *scoring.ParamSet) {
	r.Passed, r.SHA256, r.Group, r.Version = true, set.SHA256, set.Group, set.Version
	r.Issuer, r.Synthetic = set.Issuer, set.Synthetic
	for _, m := range set.Models {
		r.Models = append(r.Models, m.ID())
	}
	for _, w := range set.Warnings {
		r.Warnings = append(r.Warnings, w.Error())
	}
}

// verifyFile reads and verifies a parameter file.
func verifyFile(cat *scoring.Catalog, path, pin string) (*scoring.ParamSet, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > maxParamsBytes {
		return nil, fmt.Errorf("%s: %d bytes is larger than %d", path, info.Size(),
			maxParamsBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return scoring.VerifyParameters(cat, data, pin)
}
