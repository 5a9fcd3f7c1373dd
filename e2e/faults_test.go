//go:build e2e

package e2e

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
)

// faultsSection returns the fault demonstration's section of a fresh page.
func faultsSection(t *testing.T) (*testPage, playwright.Locator) {
	t.Helper()
	p := newPage(t)
	section := p.GetByTestId("faults")
	if err := expect.Locator(section).ToBeVisible(); err != nil {
		t.Fatalf("fault demonstration: %v", err)
	}
	return p, section
}

// labelled returns the control of section labelled exactly label.
func labelled(section playwright.Locator, label string) playwright.Locator {
	return section.GetByLabel(label, playwright.LocatorGetByLabelOptions{Exact: playwright.Bool(true)})
}

// chooseFaultModel selects a model in the demonstration's list.
func chooseFaultModel(t *testing.T, section playwright.Locator, id string) {
	t.Helper()
	_, err := labelled(section, web.English.JS.FaultsModel).SelectOption(
		playwright.SelectOptionValues{Values: &[]string{id}})
	if err != nil {
		t.Fatalf("choose %s: %v", id, err)
	}
}

// waitPopulation waits for the page to say it holds n cases.
func waitPopulation(t *testing.T, section playwright.Locator, n int) {
	t.Helper()
	count := section.GetByTestId("faults-population-count")
	if err := expect.Locator(count).ToHaveAttribute("data-count", strconv.Itoa(n)); err != nil {
		t.Fatalf("population of %d cases: %v (status %q)", n, err,
			text(t, section.GetByTestId("faults-population")))
	}
}

// runDemo sets the minimum move, presses Run and waits for the report.
func runDemo(t *testing.T, section playwright.Locator, minMove string) playwright.Locator {
	t.Helper()
	if err := labelled(section, web.English.JS.FaultsMinMove).Fill(minMove); err != nil {
		t.Fatal(err)
	}
	run := section.GetByRole("button", playwright.LocatorGetByRoleOptions{
		Name: web.English.JS.FaultsRun, Exact: playwright.Bool(true)})
	if err := run.Click(); err != nil {
		t.Fatalf("run: %v", err)
	}
	report := section.GetByTestId("faults-report")
	if err := expect.Locator(report).ToBeVisible(); err != nil {
		t.Fatalf("no report: %v (errors %q)", err, text(t, section.GetByTestId("faults-errors")))
	}
	return report
}

// pageCounts reads the report's counts per horizon: moved, and band changes (-1
// when the model has no bands there).
func pageCounts(t *testing.T, report playwright.Locator, horizon string) (moved, bands int) {
	t.Helper()
	read := func(id string) int {
		v, err := report.GetByTestId(id).GetAttribute("data-count")
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if v == "" {
			return -1
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("%s data-count %q: %v", id, v, err)
		}
		return n
	}
	return read("faults-moved-" + horizon), read("faults-bands-" + horizon)
}

// checkReport checks the page's counts and moved table against a summary.
func checkReport(t *testing.T, who string, report playwright.Locator, want scoring.FaultSummary) {
	t.Helper()
	scored, _ := report.GetByTestId("faults-cases").GetAttribute("data-scored")
	if scored != strconv.Itoa(want.Scored) {
		t.Errorf("page scored %s cases, %s %d", scored, who, want.Scored)
	}
	for _, h := range want.Horizons {
		moved, bands := pageCounts(t, report, h.Horizon)
		wantBands := -1
		if h.BandChanges != nil {
			wantBands = *h.BandChanges
		}
		if moved != h.Moved || bands != wantBands {
			t.Errorf("%s: page moved %d, band changes %d; %s %d and %d", h.Horizon, moved,
				bands, who, h.Moved, wantBands)
		}
	}
	rows, _ := report.GetByTestId("faults-moved").Locator("tbody tr").Count()
	if rows != min(len(want.Moved), 1000) {
		t.Errorf("moved table has %d rows, %s %d moved", rows, who, len(want.Moved))
	}
	if len(want.Moved) > 0 {
		first := report.GetByTestId("faults-moved").Locator("tbody tr").First()
		if got := text(t, first.Locator("th")); got != want.Moved[0].ID {
			t.Errorf("first moved case on the page %q, %s %q", got, who, want.Moved[0].ID)
		}
	}
}

// referencePopulation decodes the OGRS3 reference cases without the engine's reader.
func referencePopulation(t *testing.T, path string) ([]scoring.Case, []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	cases, ids := make([]scoring.Case, len(rows)), make([]string, len(rows))
	for i, r := range rows {
		if ids[i], cases[i], err = scoring.CaseFromMap(r); err != nil {
			t.Fatalf("%s row %d: %v", path, i+1, err)
		}
	}
	return cases, ids
}

// commandSummary runs `spiegel faults` and decodes its summary.
func commandSummary(t *testing.T, args ...string) scoring.FaultSummary {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "spiegel")
	build := exec.Command("go", "build", "-o", bin, "../cmd/spiegel")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build spiegel: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, append([]string{"faults"}, args...)...).Output()
	if err != nil {
		t.Fatalf("spiegel faults %v: %v", args, err)
	}
	var s scoring.FaultSummary
	if err := json.Unmarshal(out, &s); err != nil {
		t.Fatalf("spiegel faults printed %q: %v", out, err)
	}
	return s
}

// TestFaultDemoOGRS3Reference loads the OGRS3 reference cases through the file
// input, runs the male ↔ female table exchange and checks the page's counts against
// scoring.FaultDemo in this process and against `spiegel faults` on the same file.
func TestFaultDemoOGRS3Reference(t *testing.T) {
	path := sharedPath(t, "ogrs3/cases.json")
	p, section := faultsSection(t)
	chooseFaultModel(t, section, "ogrs3")
	if err := labelled(section, web.English.JS.FaultsFile).SetInputFiles(path); err != nil {
		t.Fatalf("choose %s: %v", path, err)
	}
	cases, ids := referencePopulation(t, path)
	waitPopulation(t, section, len(cases))
	exchange := labelled(section, web.English.JS.FaultsExchange)
	if got := text(t, exchange.Locator("option").First()); !strings.Contains(got, "↔") {
		t.Errorf("exchange offered: %q, want the male ↔ female tables", got)
	}
	report := runDemo(t, section, "5")

	fault := scoring.Fault{Kind: scoring.FaultSwapLevels, Predictor: "sex", A: "male", B: "female"}
	m, _ := builtinModel(t, "ogrs3")
	cat, _ := scoring.Builtin()
	faulty, err := m.WithFault(fault, cat)
	if err != nil {
		t.Fatal(err)
	}
	want := scoring.FaultDemo(m, faulty, cases, ids, 0.05)
	if want.Horizons[0].Moved == 0 {
		t.Fatal("the exchange moved no reference case by 5 points; the test would prove nothing")
	}
	checkReport(t, "scoring.FaultDemo", report, want)
	cmd := commandSummary(t, "-model", "ogrs3", "-in", path, "-swap", "sex=male,female",
		"-min-move", "5")
	checkReport(t, "spiegel faults", report, cmd)

	if got := text(t, section.GetByTestId("faults-progress-text")); !strings.Contains(got,
		strconv.Itoa(len(cases))) {
		t.Errorf("progress reads %q, want %d cases done", got, len(cases))
	}
	saveShot(t, section, "fault-demonstration.png")
	if errs := p.PageErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}

// TestFaultDemoSyntheticPopulation draws fictional cases for the Rossi paroled model,
// checks they are marked and documented, runs paroled ↔ not paroled and then one
// coefficient replaced, each against scoring.
func TestFaultDemoSyntheticPopulation(t *testing.T) {
	_, section := faultsSection(t)
	chooseFaultModel(t, section, "rossi-cox-paroled")
	if err := labelled(section, web.English.JS.FaultsN).Fill("300"); err != nil {
		t.Fatal(err)
	}
	if err := labelled(section, web.English.JS.FaultsSeed).Fill("7"); err != nil {
		t.Fatal(err)
	}
	if err := section.GetByTestId("faults-generate").Click(); err != nil {
		t.Fatal(err)
	}
	waitPopulation(t, section, 300)
	if err := expect.Locator(section.GetByTestId("faults-population").GetByTestId(
		"faults-synthetic")).ToHaveText(web.English.JS.FaultsSynthetic); err != nil {
		t.Errorf("synthetic mark: %v", err)
	}
	dist := text(t, section.GetByTestId("faults-distributions"))
	if !strings.Contains(dist, "carData") || !strings.Contains(dist, "prio") {
		t.Errorf("distributions table lacks its sources: %q", dist)
	}

	cat, _ := scoring.Builtin()
	m, _ := cat.Model("rossi-cox-paroled")
	pop, err := scoring.SyntheticPopulation(m, 300, 7)
	if err != nil {
		t.Fatal(err)
	}
	report := runDemo(t, section, "2")
	if err := expect.Locator(report.GetByTestId("faults-synthetic")).ToBeVisible(); err != nil {
		t.Errorf("report not marked synthetic: %v", err)
	}
	first := text(t, report.GetByTestId("faults-moved").Locator("tbody th").First())
	if !strings.HasPrefix(first, scoring.SyntheticPrefix) {
		t.Errorf("moved case id %q does not say it is synthetic", first)
	}
	other, _ := cat.Model("rossi-cox-not-paroled")
	checkReport(t, "scoring.FaultDemo", report,
		scoring.FaultDemo(m, other, pop.Cases, pop.IDs, 0.02))
	if err := section.GetByTestId("faults-distributions").Locator("summary").Click(); err != nil {
		t.Fatal(err)
	}
	saveShot(t, section, "fault-demonstration-synthetic.png")

	// One coefficient typed as another value.
	if err := section.GetByTestId("faults-kind-replace").Check(); err != nil {
		t.Fatal(err)
	}
	number := m.Numbers()[0]
	for _, n := range m.Numbers() {
		if strings.HasPrefix(n.Path, "terms[") {
			number = n
			break
		}
	}
	if _, err := labelled(section, web.English.JS.FaultsNumber).SelectOption(
		playwright.SelectOptionValues{Values: &[]string{number.Path}}); err != nil {
		t.Fatal(err)
	}
	if err := labelled(section, web.English.JS.FaultsValue).Fill("0.75"); err != nil {
		t.Fatal(err)
	}
	report = runDemo(t, section, "1")
	faulty, err := m.WithFault(scoring.Fault{Kind: scoring.FaultReplaceValue, Path: number.Path,
		Value: 0.75}, cat)
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, "scoring.FaultDemo", report,
		scoring.FaultDemo(m, faulty, pop.Cases, pop.IDs, 0.01))
}

// TestFaultDemoListsBadRows loads a CSV with broken rows: they are named by row and
// line, left out, and the rest is computed; a bad value is refused with the field.
func TestFaultDemoListsBadRows(t *testing.T) {
	_, section := faultsSection(t)
	chooseFaultModel(t, section, "rossi-cox-paroled")
	csv := "id,fin,age,wexp,mar,prio\n" +
		"a,no,25,yes,married,2\n" +
		"b,no,25,yes\n" +
		"c,yes,\"30,yes,not married,1\n"
	err := labelled(section, web.English.JS.FaultsFile).SetInputFiles(playwright.InputFile{
		Name: "cases.csv", MimeType: "text/csv", Buffer: []byte(csv)})
	if err != nil {
		t.Fatal(err)
	}
	waitPopulation(t, section, 1)
	left := section.GetByTestId("faults-left-out")
	for _, row := range []string{"2", "3"} {
		if err := expect.Locator(left.Locator(`li[data-row="` + row + `"]`)).ToBeVisible(); err != nil {
			t.Errorf("row %s not listed as left out: %v", row, err)
		}
	}
	if err := labelled(section, web.English.JS.FaultsMinMove).Fill("five"); err != nil {
		t.Fatal(err)
	}
	if err := section.GetByTestId("faults-run").Click(); err != nil {
		t.Fatal(err)
	}
	errs := section.GetByTestId("faults-errors")
	if err := expect.Locator(errs).ToContainText(`"five"`); err != nil {
		t.Errorf("bad minimum move: %v", err)
	}
	if got, _ := labelled(section, web.English.JS.FaultsMinMove).InputValue(); got != "five" {
		t.Errorf("minimum move field now %q; what was typed must stay", got)
	}
}

// TestProxyLens computes an OxRec-NL case with the synthetic parameters and checks
// the counterfactual lens on each proxy input against scoring.Sweep.
func TestProxyLens(t *testing.T) {
	f := newOxRecFixture(t)
	p, section := oxrecPage(t)
	loadSynthetic(t, section)
	gc := f.golden(t)[0]
	form := caseForm(section)
	enterOxRecCase(t, form, f, gc.Case, f.outcome(t, gc.Model))
	submit(t, form)
	result := p.GetByTestId("result").GetByTestId("group-result")
	if err := expect.Locator(result).ToBeVisible(); err != nil {
		t.Fatalf("no result: %v", err)
	}
	m, err := f.bound.Model(gc.Model)
	if err != nil {
		t.Fatal(err)
	}
	in := scoring.Case{}
	proxies := 0
	for _, pd := range m.Describe().Predictors {
		in[pd.ID] = gc.Case[pd.ID]
	}
	for _, pd := range m.Describe().Predictors {
		if pd.Proxy == "" {
			continue
		}
		proxies++
		lens := result.GetByTestId("proxy-lens-" + pd.ID)
		title := web.Fill(web.English.JS.ProxyTitle, map[string]string{"input": pd.Label})
		if err := expect.Locator(lens.Locator("h3")).ToHaveText(title); err != nil {
			t.Errorf("%s: %v", pd.ID, err)
		}
		values, xs, err := m.SweepValues(in, pd.ID, "", math.NaN(), math.NaN(), 0)
		if err != nil {
			t.Fatal(err)
		}
		points := m.Sweep(in, pd.ID, values, xs)
		rows := lens.Locator("tbody tr")
		if n, _ := rows.Count(); n != len(points) {
			t.Fatalf("%s: %d rows, scoring.Sweep %d values", pd.ID, n, len(points))
		}
		for i, pt := range points {
			row := rows.Nth(i)
			current, _ := row.GetAttribute("data-current")
			if (current == "true") != (pt.Value == in[pd.ID]) {
				t.Errorf("%s = %s: data-current %q", pd.ID, pt.Value, current)
			}
			for h, want := range pt.Probabilities {
				if got := probability(t, row.GetByTestId("lens-prob-"+h)); got != want {
					t.Errorf("%s = %s, %s: page %v, scoring.Sweep %v", pd.ID, pt.Value, h, got, want)
				}
			}
		}
		if n, _ := lens.Locator("svg[role=img]").Count(); n != len(m.Describe().Horizons) {
			t.Errorf("%s: %d charts, want one per horizon", pd.ID, n)
		}
	}
	if proxies < 2 {
		t.Fatalf("%s has %d proxy inputs, want low income and neighbourhood", gc.Model, proxies)
	}
	saveShot(t, result.GetByTestId("proxy-lens-neighbourhood_decile"), "proxy-lens.png")
}

// TestFaultDemoOxRecSwap checks that the OxRec-NL variants are refused with the
// engine's reason until a parameter file is loaded, and that with the synthetic
// parameters the detained ↔ not detained exchange counts what scoring counts.
func TestFaultDemoOxRecSwap(t *testing.T) {
	f := newOxRecFixture(t)
	p, group := oxrecPage(t)
	faults := p.GetByTestId("faults")
	const id, other = "oxrec-nl-detained-general", "oxrec-nl-nondetained-general"
	chooseFaultModel(t, faults, id)
	if err := labelled(faults, web.English.JS.FaultsN).Fill("200"); err != nil {
		t.Fatal(err)
	}
	if err := faults.GetByTestId("faults-generate").Click(); err != nil {
		t.Fatal(err)
	}
	waitPopulation(t, faults, 200)
	if err := faults.GetByTestId("faults-run").Click(); err != nil {
		t.Fatal(err)
	}
	_, d := builtinModel(t, id)
	if err := expect.Locator(faults.GetByTestId("faults-errors")).ToContainText(
		d.Parameters); err != nil {
		t.Errorf("run without parameters: %v", err)
	}

	loadSynthetic(t, group)
	option := labelled(faults, web.English.JS.FaultsExchange).Locator("option").First()
	if got := text(t, option); !strings.Contains(got, "↔") {
		t.Errorf("exchange offered: %q", got)
	}
	report := runDemo(t, faults, "5")
	m, _ := f.bound.Model(id)
	swapped, _ := f.bound.Model(other)
	pop, err := scoring.SyntheticPopulation(m, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := scoring.FaultDemo(m, swapped, pop.Cases, pop.IDs, 0.05)
	if want.Horizons[0].BandChanges == nil {
		t.Fatal("the synthetic OxRec-NL parameters have no bands; the test would prove less")
	}
	checkReport(t, "scoring.FaultDemo", report, want)
	if err := expect.Locator(report.GetByTestId("faults-model-synthetic")).ToContainText(
		web.English.JS.SyntheticBanner); err != nil {
		t.Errorf("report with synthetic parameters not marked: %v", err)
	}
	saveShot(t, report, "fault-demonstration-oxrec.png")
}
