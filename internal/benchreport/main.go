// Command benchreport prints the figures of `make bench` beside their budgets
// (issue 7). It reads the output of go test -bench from three runs, named on the
// command line:
//
//	go run ./internal/benchreport native=FILE wasm=FILE e2e=FILE
//
// native is ./scoring and ./wasm on this machine, wasm the same ./wasm benchmarks
// built with GOOS=js GOARCH=wasm and run under Node, e2e the ./e2e benchmarks in
// Chromium. Times are noisy on a shared machine, so a figure over its budget is
// reported, not failed; of a benchmark run several times, the best run counts.
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
)

// results maps run → benchmark name (without the -N suffix) → unit → value.
type results map[string]map[string]map[string]float64

func main() {
	res := results{}
	for _, arg := range os.Args[1:] {
		run, path, ok := strings.Cut(arg, "=")
		if !ok {
			fmt.Fprintln(os.Stderr, "usage: benchreport native=FILE wasm=FILE e2e=FILE")
			os.Exit(2)
		}
		if err := res.read(run, path); err != nil {
			fmt.Fprintln(os.Stderr, "benchreport:", err)
			os.Exit(1)
		}
	}
	report(res)
}

// procSuffix is the -GOMAXPROCS suffix of a benchmark name.
var procSuffix = regexp.MustCompile(`-\d+$`)

// read adds one file of go test -bench output.
func (r results) read(run, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r[run] = map[string]map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		name := procSuffix.ReplaceAllString(fields[0], "")
		if r[run][name] == nil {
			r[run][name] = map[string]float64{}
		}
		units := r[run][name]
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			if old, seen := units[fields[i+1]]; !seen || better(fields[i+1], v, old) {
				units[fields[i+1]] = v
			}
		}
	}
	return sc.Err()
}

// better reports whether v is a better figure than old in unit: of a benchmark run
// several times (-count), the best run is reported, the one least disturbed by
// other work on the machine: the highest rate, the lowest time or count.
func better(unit string, v, old float64) bool {
	if strings.HasSuffix(unit, "/s") {
		return v > old
	}
	return v < old
}

// get returns a figure, or ok=false when the benchmark did not run.
func (r results) get(run, name, unit string) (float64, bool) {
	v, ok := r[run][name][unit]
	return v, ok
}

// row is one line of the report.
type row struct{ figure, measured, budget, verdict string }

func report(r results) {
	var rows []row
	for _, fam := range []string{"logistic/ogrs3", "cox/rossi-cox", "points/synthetic"} {
		ns, ok := r.get("native", "BenchmarkPredict/"+fam, "ns/op")
		allocs, _ := r.get("native", "BenchmarkPredict/"+fam, "allocs/op")
		rows = append(rows, info("Predict "+fam+" (native)", ok,
			fmt.Sprintf("%.0f ns/case, %.0f allocs/case", ns, allocs)))
	}
	rows = append(rows, batchPath(r))
	for _, b := range []struct{ name, unit, allocs, what string }{
		{"BenchmarkSweep", "ns/point", "allocs/point", "sweep, per point"},
		{"BenchmarkFaultDemo", "ns/case", "allocs/case", "fault demonstration, per case"},
	} {
		v, ok := r.get("native", b.name, b.unit)
		allocs, _ := r.get("native", b.name, b.allocs)
		rows = append(rows, info(b.what+" (native)", ok,
			fmt.Sprintf("%.0f %s, %.3g %s", v, b.unit, allocs, b.allocs)))
	}
	rows = append(rows, batchRows(r)...)
	rows = append(rows, budget(r, "e2e", "BenchmarkFirstResult", "ms/first-result",
		"navigation to first result (median, Chromium)", "< 1000 ms", 1000, "ms"))
	rows = append(rows, budget(r, "e2e", "BenchmarkInputLatency", "ms/p95-input",
		"input change to updated result, p95 (Chromium)", "< 50 ms", 50, "ms"))
	rows = append(rows, budget(r, "e2e", "BenchmarkValidate100kInBrowser", "s/100k-rows",
		"validation of 100,000 rows (Chromium)", "< 5 s", 5, "s"))
	print(rows)
}

// batchPath is the row of the path that fault demonstrations and sensitivity curves
// score their cases with (BenchmarkEvaluate): it should allocate nothing per case.
func batchPath(r results) row {
	const what = "batch path (evaluate), per case (native)"
	ns, ok := r.get("native", "BenchmarkEvaluate", "ns/op")
	allocs, _ := r.get("native", "BenchmarkEvaluate", "allocs/op")
	if !ok {
		return row{what, "not measured", "0 allocs/case", "-"}
	}
	return row{what, fmt.Sprintf("%.0f ns/case, %.0f allocs/case", ns, allocs),
		"0 allocs/case", verdict(allocs == 0)}
}

// batchRows compares batch scoring in WebAssembly with native, from the same run.
func batchRows(r results) []row {
	native, okN := r.get("native", "BenchmarkScoreMany", "cases/s")
	wasm, okW := r.get("wasm", "BenchmarkScoreMany", "cases/s")
	rows := []row{
		info("batch scoring, native", okN, fmt.Sprintf("%.0f cases/s", native)),
		info("batch scoring, wasm under Node", okW, fmt.Sprintf("%.0f cases/s", wasm)),
	}
	if !okN || !okW {
		return append(rows, row{"wasm / native throughput", "not measured", ">= 0.25", "-"})
	}
	ratio := wasm / native
	return append(rows, row{"wasm / native throughput", fmt.Sprintf("%.2f", ratio), ">= 0.25",
		verdict(ratio >= 0.25)})
}

// budget is a row for a figure that has a budget: lower is better.
func budget(r results, run, name, unit, what, text string, limit float64, show string) row {
	v, ok := r.get(run, name, unit)
	if !ok {
		return row{what, "not measured (" + name + " did not run)", text, "-"}
	}
	return row{what, fmt.Sprintf("%.3g %s", v, show), text, verdict(v < limit)}
}

// info is a row for a figure without a budget.
func info(what string, ok bool, measured string) row {
	if !ok {
		measured = "not measured"
	}
	return row{what, measured, "(reported)", "-"}
}

func verdict(ok bool) string {
	if ok {
		return "ok"
	}
	return "OVER BUDGET"
}

func print(rows []row) {
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tmeasured\tbudget\tverdict")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.figure, r.measured, r.budget, r.verdict)
	}
	tw.Flush()
}
