// Command spiegel scores cases in batches with the built-in models and serves the
// built calculator locally.
//
// Usage:
//
//	spiegel score -model ID [-in FILE] [-format jsonl|csv] [-params FILE [-pin SHA256]] [-today DATE]
//	spiegel explain -model ID [-in FILE] [-format jsonl|csv] [-params FILE [-pin SHA256]] [-today DATE]
//	spiegel verify -params FILE [-pin SHA256]
//	spiegel models
//	spiegel describe -model ID [-params FILE [-pin SHA256]]
//	spiegel faults -model ID (-in FILE [-format csv|jsonl|json] | -synthetic N [-seed S])
//		(-swap INPUT=A,B | -replace PATH=VALUE | -swap-model ID) [-min-move PP] [-params FILE]
//	spiegel serve [-dir static] [-addr 127.0.0.1:8080]
//
// score reads JSON lines (one case object per line), one JSON array of case objects
// (input that starts with "[") or CSV, and writes one JSON line per case, a
// scoring.Record; a case that cannot be decoded or is refused is an error record and
// the run goes on; a date input after -today (by default the computer's date) is
// refused, since the engine has no clock. explain reads the same input and writes a
// scoring.ExplainRecord
// per case: the record with each term's contribution and the steps from the model's
// reference profile on both scales. The exit status is 0 when the run completes with
// every case scored, 3 when it completes but refused at least one case (every line is
// still written) or the input held no case, 1 when it fails (an unreadable file or
// malformed JSON array, a site not built) and 2 when the command line is wrong
// (unknown subcommand, flag or model, an address that is not loopback). Events go to
// standard error through log/slog.
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"spiegel/scoring"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFail    = 1 // the run could not proceed
	exitUsage   = 2 // the command line is wrong
	exitRefused = 3 // score or explain refused a case or read none; faults scored none
)

const usage = `usage: spiegel <command> [flags]

commands:
  score -model ID [-in FILE] [-format jsonl|csv] [-params FILE [-pin SHA256]]
        [-today YYYY-MM-DD]                       score cases, one JSON line each; jsonl
                                                  input may also be one JSON array of
                                                  cases (starting with "["); a date after
                                                  -today (default: today) is refused
  explain -model ID [-in FILE] [-format jsonl|csv] [-params FILE [-pin SHA256]]
          [-today YYYY-MM-DD]                     explain cases: linear predictor, intercept
                                                  or centring, one contribution per term and
                                                  the change from the reference profile
  verify -params FILE [-pin SHA256]               verify a parameter file (exit 0: passed)
  models                                          list the models, one JSON line each
  describe -model ID [-params FILE [-pin SHA256]]
                                                  print a model's description
  validate -model ID -in FILE.csv -horizon H [-time COL -event COL | -outcome COL]
           [-by COL [-quintiles]] [-map ID=COL,...] [-compare ID]
           [-params FILE [-pin SHA256]]
           [-recalibrate OUT.json -date YYYY-MM-DD [-slope] [-id ID]]
                                                  validate a model on observed outcomes
  faults -model ID (-in FILE [-format csv|jsonl|json] | -synthetic N [-seed S])
         (-swap INPUT=A,B | -replace PATH=VALUE | -swap-model ID)
         [-min-move PP] [-params FILE [-pin SHA256]] [-numbers]
                                                  what a fault does to a population's
                                                  results, as one JSON summary
  serve [-dir static] [-addr 127.0.0.1:8080]      serve the built calculator locally

Exit status: 0 done; 1 the run could not proceed; 2 wrong command line; 3 score or
explain wrote every line but refused at least one case (see its "error") or read no
case at all, faults scored no case with both models.

Run spiegel <command> -h for a command's flags.
`

// env is what a subcommand reads from and writes to.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs the subcommand named by args[0] and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, log: newLogger(stderr)}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "score":
		return runScore(e, args[1:])
	case "explain":
		return runExplain(e, args[1:])
	case "verify":
		return runVerify(e, args[1:])
	case "models":
		return runModels(e, args[1:])
	case "describe":
		return runDescribe(e, args[1:])
	case "validate":
		return runValidate(e, args[1:])
	case "faults":
		return runFaults(e, args[1:])
	case "serve":
		return runServe(e, args[1:])
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "spiegel: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// newLogger logs text lines without timestamps to w: a command's messages, not a
// server's log.
func newLogger(w io.Writer) *slog.Logger {
	dropTime := func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{ReplaceAttr: dropTime}))
}

// parseFlags parses a subcommand's flags, refusing positional arguments. When ok is
// false, code is the exit status: 0 after -h, 2 otherwise.
func parseFlags(e *env, fs *flag.FlagSet, args []string) (code int, ok bool) {
	fs.SetOutput(e.stderr)
	err := fs.Parse(args)
	switch {
	case err == flag.ErrHelp:
		return exitOK, false
	case err != nil:
		return exitUsage, false // the flag package has said why
	case fs.NArg() > 0:
		e.log.Error("unexpected argument", "command", fs.Name(), "arg", fs.Arg(0))
		return exitUsage, false
	}
	return exitOK, true
}

// given reports whether the flag called name was set on the command line, even to
// its default value.
func given(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// builtinModel returns the built-in model with the given id, bound to the verified
// parameter file at params when one is named. When ok is false the error has been
// logged and code is the exit status. A template without parameters is refused here,
// since none of its cases could be scored.
func builtinModel(e *env, id, params, pin string) (m *scoring.Model, code int, ok bool) {
	if m, code, ok = loadModel(e, id, params, pin); !ok {
		return nil, code, false
	}
	if !m.Computable() {
		e.log.Error("model cannot compute without a verified parameter file (-params FILE)",
			"model", id, "why", m.Definition().Parameters)
		return nil, exitUsage, false
	}
	return m, exitOK, true
}

// loadModel returns the built-in model with the given id, bound to the verified
// parameter file at params when one is named, whether or not it can compute: a
// template without parameters is returned as it is, for describe. A pin without a
// parameter file is refused: it would check nothing. When ok is false the error has
// been logged and code is the exit status.
func loadModel(e *env, id, params, pin string) (m *scoring.Model, code int, ok bool) {
	switch {
	case id == "":
		e.log.Error("-model is required; spiegel models lists them")
		return nil, exitUsage, false
	case pin != "" && params == "":
		e.log.Error("-pin needs -params FILE: it pins the parameter file", "pin", pin)
		return nil, exitUsage, false
	}
	cat, err := scoring.Builtin()
	if err != nil {
		e.log.Error("load built-in models", "err", err)
		return nil, exitFail, false
	}
	if params != "" {
		set, err := verifyFile(cat, params, pin)
		if err != nil {
			e.log.Error("verify parameter file", "file", params, "err", err)
			return nil, exitFail, false
		}
		cat = cat.WithParams(set)
	}
	if m, err = cat.Model(id); err != nil {
		e.log.Error("choose model", "err", err)
		return nil, exitUsage, false
	}
	return m, exitOK, true
}
