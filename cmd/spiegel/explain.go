package main

// runExplain is `spiegel explain`: for every case of the input, one JSON line with
// the scoring.ExplainRecord that the JavaScript explain() returns for it. It takes
// the flags of `spiegel score`; a line that cannot be decoded or a refused case is
// an error record and the run goes on.
func runExplain(e *env, args []string) int {
	return runCases(e, "explain", args, true)
}
