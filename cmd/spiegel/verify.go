package main

import (
	"flag"
	"fmt"
	"os"

	"spiegel/scoring"
)

// maxParamsBytes is the largest parameter file read.
const maxParamsBytes = scoring.MaxDocumentBytes

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
	set, err := verifyFile(cat, *params, *pin)
	report := scoring.Report(*params, set, err)
	line, _ := encodeLine(report)
	if _, werr := e.stdout.Write(line); werr != nil || !report.Passed {
		return exitFail
	}
	return exitOK
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
