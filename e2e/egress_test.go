//go:build e2e

package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
	"spiegel/webserve"
)

// The tests in this file check that case data stays in the browser: the pages
// load nothing but their own files, the single file loads nothing at all, no
// value reaches the console, the URL, cookies or web storage, and a hostile value
// is shown as text.

// singleFile is the one-file build in the built site (make single).
const singleFile = "spiegel.html"

// requestLog records the URL of every request a browser context makes, and of
// every request the route handler blocked. Playwright calls it on its own
// goroutine.
type requestLog struct {
	mu      sync.Mutex
	urls    []string
	blocked []string
}

// add records a request.
func (l *requestLog) add(r playwright.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.urls = append(l.urls, r.Method()+" "+r.URL())
}

// block records a blocked request.
func (l *requestLog) block(u string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.blocked = append(l.blocked, u)
}

// snapshot returns the requests and blocked requests so far.
func (l *requestLog) snapshot() (urls, blocked []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.urls), slices.Clone(l.blocked)
}

// openLogged opens url in a fresh context whose every request is logged; with
// offline set, every request that is not for a file: URL is aborted (and logged as
// blocked). It waits for the engine and closes the context when the test ends.
func openLogged(t *testing.T, rawURL string, offline bool) (*testPage, *requestLog) {
	t.Helper()
	ctx, err := suite.browser.NewContext(playwright.BrowserNewContextOptions{
		Viewport: &playwright.Size{Width: 1280, Height: 800},
	})
	if err != nil {
		t.Fatalf("new browser context: %v", err)
	}
	log := &requestLog{}
	ctx.OnRequest(log.add)
	if offline {
		err = ctx.Route("**/*", func(r playwright.Route) {
			if u := r.Request().URL(); !strings.HasPrefix(u, "file:") {
				log.block(u)
				r.Abort()
				return
			}
			r.Continue()
		})
		if err != nil {
			ctx.Close()
			t.Fatalf("route: %v", err)
		}
	}
	page, err := ctx.NewPage()
	if err != nil {
		ctx.Close()
		t.Fatalf("new page: %v", err)
	}
	p := &testPage{Page: page}
	p.listen()
	t.Cleanup(func() { p.finish(t, ctx) })
	if _, err := p.Goto(rawURL); err != nil {
		t.Fatalf("open %s: %v", rawURL, err)
	}
	p.waitForEngine(t)
	return p, log
}

// singleFileURL returns the file: URL of the single file in the built site.
func singleFileURL(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join(suite.staticDir, singleFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s not built (run make single): %v", path, err)
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// scoreAndPrint does with c all that a user does with a case: enters it into the
// OGRS3 form, calculates, waits for the result and its explanation (waterfall and
// sensitivity curves), runs a what-if, saves the case as a local file and prints the
// page to PDF.
func scoreAndPrint(t *testing.T, p *testPage, c scoring.Case) {
	t.Helper()
	expect := playwright.NewPlaywrightAssertions()
	_, d := builtinModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, c)
	submit(t, form)
	result := p.GetByTestId("result")
	for _, id := range []string{"prob-1y", "waterfall", "sensitivity"} {
		if err := expect.Locator(result.GetByTestId(id).First()).ToBeVisible(); err != nil {
			t.Fatalf("no %s shown: %v", id, err)
		}
	}
	if err := result.GetByTestId("whatif-run").Click(); err != nil {
		t.Fatalf("what-if: %v", err)
	}
	if err := expect.Locator(result.GetByTestId("whatif-table")).ToBeVisible(); err != nil {
		t.Fatalf("no what-if comparison shown: %v", err)
	}
	dl, err := p.ExpectDownload(func() error { return p.GetByTestId("save-case").Click() })
	if err != nil {
		t.Fatalf("save the case: %v", err)
	}
	if err := dl.Cancel(); err != nil {
		t.Logf("cancel the download: %v", err)
	}
	if err := p.EmulateMedia(playwright.PageEmulateMediaOptions{
		Media: playwright.MediaPrint}); err != nil {
		t.Fatalf("emulate print media: %v", err)
	}
	if _, err := p.PDF(); err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
}

// siteFiles is the known list of what the served page may request: the page, the
// engines (the whole one only once the studio is opened), Go's loader and the assets
// web renders beside the page.
func siteFiles(t *testing.T) map[string]bool {
	t.Helper()
	known := map[string]bool{"/": true, "/index.html": true, "/" + web.WasmScript: true,
		"/" + web.StudioScript: true, "/wasm_exec.js": true}
	err := fs.WalkDir(web.Assets(), ".", func(name string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			known["/"+name] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return known
}

// checkConsoleClean fails when a value of c longer than two characters appears in
// a console message, when the browser reported a Content-Security-Policy violation
// (the page tried to load or run something its policy forbids), or when the page
// threw.
func checkConsoleClean(t *testing.T, p *testPage, c scoring.Case) {
	t.Helper()
	for _, line := range p.Console() {
		if strings.Contains(line.Text, "Content Security Policy") {
			t.Errorf("policy violation: %s", line)
		}
		for k, v := range c {
			if len(v) > 2 && strings.Contains(line.String(), v) {
				t.Errorf("console message %q contains the case's %s %q", line, k, v)
			}
		}
	}
	if errs := p.PageErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}

// checkNoResidue fails when the page left anything behind that outlives it or
// travels with it: cookies, web storage, a query or fragment in the URL.
func checkNoResidue(t *testing.T, p *testPage) {
	t.Helper()
	got := p.evalJS(t, `() => ({
		cookie: document.cookie,
		local: localStorage.length,
		session: sessionStorage.length,
		search: location.search,
		hash: location.hash,
	})`)
	want := map[string]any{"cookie": "", "local": 0, "session": 0, "search": "", "hash": ""}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after scoring, the page left %v, want %v", got, want)
	}
}

// TestServedSiteRequestsOnlyItsOwnFiles enters, scores and prints a case on the
// served site and checks that every request the browser made was a GET, to the
// site's own origin, for a file of the known list, without a query.
func TestServedSiteRequestsOnlyItsOwnFiles(t *testing.T) {
	p, log := openLogged(t, suite.server.URL+"/", false)
	scoreAndPrint(t, p, ogrs3Case)

	origin, _ := url.Parse(suite.server.URL)
	known := siteFiles(t)
	urls, _ := log.snapshot()
	for _, r := range urls {
		method, raw, _ := strings.Cut(r, " ")
		u, err := url.Parse(raw)
		switch {
		case err != nil:
			t.Errorf("request %q: %v", r, err)
		case u.Scheme == "data":
			// The page's empty icon: data, not a request that leaves the browser.
		case method != "GET" || u.Host != origin.Host || u.Scheme != origin.Scheme ||
			!known[u.Path] || u.RawQuery != "" || u.Fragment != "":
			t.Errorf("request %q is not a GET of one of the site's files %v", r,
				slices.Sorted(maps.Keys(known)))
		}
	}
	if !slices.ContainsFunc(urls, func(r string) bool { return strings.HasSuffix(r, web.WasmScript) }) {
		t.Errorf("requests %q: the engine was not among them", urls)
	}
	checkConsoleClean(t, p, ogrs3Case)
	t.Logf("%d requests, all to the site's own files: %q", len(urls), urls)
}

// TestServedPageCarriesHeaders checks the security headers on the page as the
// browser received it from the test server (webserve, as spiegel serve uses).
func TestServedPageCarriesHeaders(t *testing.T) {
	p := newPage(t)
	resp, err := p.Reload()
	if err != nil || resp == nil {
		t.Fatalf("reload: %v", err)
	}
	headers := resp.Headers()
	for k, v := range webserve.Headers() {
		if got := headers[strings.ToLower(k)]; got != v[0] {
			t.Errorf("%s = %q, want %q", k, got, v[0])
		}
	}
}

// TestSingleFileRequestsNothingButItself opens the single file from disk with
// every request that is not a file: URL aborted, enters, scores and prints a case,
// and checks that the only request was for the file itself, that no value reached
// the console, and that the page shows the bundle hash of the files it inlines.
func TestSingleFileRequestsNothingButItself(t *testing.T) {
	self := singleFileURL(t)
	p, log := openLogged(t, self, true)
	scoreAndPrint(t, p, ogrs3Case)

	urls, blocked := log.snapshot()
	if len(blocked) > 0 {
		t.Errorf("the single file tried to fetch %q", blocked)
	}
	for _, r := range urls {
		if _, u, _ := strings.Cut(r, " "); u != self && !strings.HasPrefix(u, "data:") {
			t.Errorf("request %q, want none but %s", r, self)
		}
	}
	checkConsoleClean(t, p, ogrs3Case)
	checkNoResidue(t, p)
	checkBundleShown(t, p)
	t.Logf("requests: %q", urls)
}

// checkBundleShown checks that the bundle hash the page shows is the SHA-256 of
// the manifest it shows, and that the manifest is what sha256sum prints for
// those files of the built site: an organisation can repeat the check with
// sha256sum alone.
func checkBundleShown(t *testing.T, p *testPage) {
	t.Helper()
	shown := text(t, p.GetByTestId("bundle-sha256"))
	manifest, err := p.GetByTestId("bundle-manifest").TextContent()
	if err != nil {
		t.Fatalf("bundle manifest: %v", err)
	}
	if sum := sha256.Sum256([]byte(manifest)); hex.EncodeToString(sum[:]) != shown {
		t.Errorf("shown bundle SHA-256 %s is not that of the shown manifest (%x)", shown, sum)
	}
	var names []string
	for line := range strings.Lines(manifest) {
		hexSum, name, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "  ")
		if !ok {
			t.Fatalf("manifest line %q is not sha256sum's HEX  NAME", line)
		}
		data, err := os.ReadFile(filepath.Join(suite.staticDir, name))
		if sum := sha256.Sum256(data); err != nil || hex.EncodeToString(sum[:]) != hexSum {
			t.Errorf("manifest says %s  %s; the built site's file has %x (%v)", hexSum, name,
				sum, err)
		}
		names = append(names, name)
	}
	if !slices.Contains(names, web.StudioWasmFile) || !slices.IsSorted(names) {
		t.Errorf("manifest names %q: want the engine among them, in byte order", names)
	}
	checkWithSha256sum(t, names, shown)
}

// checkWithSha256sum runs the README's commands, when sha256sum is installed:
// `sha256sum -c spiegel.html.sha256` and `sha256sum FILES | sha256sum`.
func checkWithSha256sum(t *testing.T, names []string, bundle string) {
	t.Helper()
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Logf("sha256sum not installed: README commands not run")
		return
	}
	check := exec.Command("sha256sum", "-c", singleFile+".sha256")
	check.Dir = suite.staticDir
	if out, err := check.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c %s.sha256: %v\n%s", singleFile, err, out)
	}
	sums := exec.Command("sh", "-c", `sha256sum "$@" | sha256sum`, "sh")
	sums.Args = append(sums.Args, names...)
	sums.Dir = suite.staticDir
	out, err := sums.Output()
	if got, _, _ := strings.Cut(string(out), " "); err != nil || got != bundle {
		t.Errorf("sha256sum %s | sha256sum = %q (%v), want the page's %s",
			strings.Join(names, " "), out, err, bundle)
	}
}

// TestSingleFileScoresOGRS3ReferenceOffline opens the single file from disk with
// the network blocked and scores the first OGRS3 reference case through its form:
// both probabilities must agree with the reference within referenceTolerance.
func TestSingleFileScoresOGRS3ReferenceOffline(t *testing.T) {
	data, err := os.ReadFile(sharedPath(t, "ogrs3/cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil || len(rows) == 0 {
		t.Fatalf("ogrs3/cases.json: %v (%d cases)", err, len(rows))
	}
	row := rows[0]
	c := scoring.Case{}
	for _, k := range []string{"sex", "offence_group", "previous_sanctions", "birth_date",
		"first_sanction_date", "conviction_date", "assessment_date"} {
		c[k] = fmt.Sprint(row[k])
	}

	p, log := openLogged(t, singleFileURL(t), true)
	scoreAndPrint(t, p, c)
	for h, key := range map[string]string{"1y": "expected_year1", "2y": "expected_year2"} {
		cell := p.GetByTestId("result").GetByTestId("prob-" + h)
		raw, err := cell.GetAttribute("data-probability")
		got, perr := strconv.ParseFloat(raw, 64)
		want := row[key].(float64)
		if err != nil || perr != nil || math.Abs(got-want) > referenceTolerance {
			t.Errorf("case %v: single file prob-%s = %q, want %v within %g", row["id"], h, raw,
				want, referenceTolerance)
		}
	}
	if _, blocked := log.snapshot(); len(blocked) > 0 {
		t.Errorf("the single file tried to fetch %q", blocked)
	}
	checkConsoleClean(t, p, c)
}

// TestNoResidueAfterScoring enters and scores a case on the served page and checks
// that it left no cookie, no web storage and no query or fragment in the URL, and
// that no value of the case reached the console.
func TestNoResidueAfterScoring(t *testing.T) {
	p := newPage(t)
	_, d := builtinModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, ogrs3Case)
	submit(t, form)
	if err := playwright.NewPlaywrightAssertions().Locator(
		p.GetByTestId("result").GetByTestId("prob-1y")).ToBeVisible(); err != nil {
		t.Fatalf("no result shown: %v", err)
	}
	checkNoResidue(t, p)
	checkConsoleClean(t, p, ogrs3Case)
}

// hostileValue is HTML that would load an image and run a handler if the page
// ever treated a typed value as markup.
const hostileValue = `<img src=x onerror=alert(1)>`

// TestHostileValueShownAsText types HTML into a number field and checks that the
// engine's refusal shows it as text in the field's error, that no element was made
// from it, that no dialog opened, and that nothing was requested for it.
func TestHostileValueShownAsText(t *testing.T) {
	p, log := openLogged(t, suite.server.URL+"/", false)
	var dialogs []string
	var mu sync.Mutex
	p.OnDialog(func(d playwright.Dialog) {
		mu.Lock()
		dialogs = append(dialogs, d.Type()+": "+d.Message())
		mu.Unlock()
		d.Dismiss()
	})
	c := ogrs3With(scoring.Case{"previous_sanctions": hostileValue})

	_, d := builtinModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, c)
	submit(t, form)

	errText := text(t, form.GetByTestId("error-previous_sanctions"))
	if !strings.Contains(errText, hostileValue) {
		t.Errorf("error-previous_sanctions shows %q, want the value %q as text", errText,
			hostileValue)
	}
	if n := p.evalJS(t, `() => document.querySelectorAll("img").length`); fmt.Sprint(n) != "0" {
		t.Errorf("the page has %v img elements after the hostile value, want 0", n)
	}
	mu.Lock()
	if len(dialogs) > 0 {
		t.Errorf("dialogs opened: %q", dialogs)
	}
	mu.Unlock()
	urls, _ := log.snapshot()
	for _, r := range urls {
		if strings.HasSuffix(r, "/x") {
			t.Errorf("the hostile value was loaded: %q", r)
		}
	}
}
