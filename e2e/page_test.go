//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/mxschmitt/playwright-go"
)

// readyTimeout bounds the wait for the page to load the wasm engine.
const readyTimeout = 20 * time.Second

// engineReady is true once the page has loaded the engine and set window.spiegel.
const engineReady = `() => document.documentElement.dataset.engine === "ready"`

// outDir receives a full-page screenshot of every failed test.
const outDir = "out"

// testPage is one test's page in its own browser context, with what the page logged.
// Console messages and page errors arrive on Playwright's goroutine, so they are
// read through the methods below.
type testPage struct {
	playwright.Page

	mu         sync.Mutex
	console    []consoleLine
	pageErrors []string
}

// consoleLine is one console message: its type ("log", "error", "warning", ...),
// its text and the URL of the script or resource it names.
type consoleLine struct {
	Type string
	Text string
	URL  string
}

// String formats the line as "type: text (url)".
func (c consoleLine) String() string { return c.Type + ": " + c.where() }

// where returns the text followed by the URL in parentheses, when there is one.
func (c consoleLine) where() string {
	if c.URL == "" {
		return c.Text
	}
	return c.Text + " (" + c.URL + ")"
}

// newPage opens the served index in a fresh context and waits until the engine is
// ready, failing the test if it is not within readyTimeout. On failure it saves a
// screenshot to out/<TestName>.png; the context is closed when the test ends.
func newPage(t *testing.T) *testPage {
	t.Helper()
	return newPageAt(t, "/")
}

// listen records the page's console messages and uncaught errors.
func (p *testPage) listen() {
	p.OnConsole(func(m playwright.ConsoleMessage) {
		p.mu.Lock()
		defer p.mu.Unlock()
		line := consoleLine{Type: m.Type(), Text: m.Text()}
		if loc := m.Location(); loc != nil {
			line.URL = loc.URL
		}
		p.console = append(p.console, line)
	})
	p.OnPageError(func(err error) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.pageErrors = append(p.pageErrors, err.Error())
	})
}

// open navigates to path on the static server and fails on an HTTP error status.
func (p *testPage) open(t *testing.T, path string) {
	t.Helper()
	resp, err := p.Goto(path)
	if err != nil {
		t.Fatalf("open %q: %v", path, err)
	}
	if resp != nil && !resp.Ok() {
		t.Fatalf("open %q: status %d", path, resp.Status())
	}
}

// waitForEngine waits until the page reports the engine ready.
func (p *testPage) waitForEngine(t *testing.T) {
	t.Helper()
	timeout := float64(readyTimeout.Milliseconds())
	_, err := p.WaitForFunction(engineReady, nil, playwright.PageWaitForFunctionOptions{
		Timeout: &timeout,
	})
	if err != nil {
		t.Fatalf("engine not ready after %v: %v\nconsole errors: %q\npage errors: %q",
			readyTimeout, err, p.ConsoleErrors(), p.PageErrors())
	}
}

// Console returns every console message logged so far.
func (p *testPage) Console() []consoleLine {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]consoleLine(nil), p.console...)
}

// ConsoleErrors returns the console messages of type "error", each as its text
// followed by the URL it names.
func (p *testPage) ConsoleErrors() []string {
	var errs []string
	for _, c := range p.Console() {
		if c.Type == "error" {
			errs = append(errs, c.where())
		}
	}
	return errs
}

// PageErrors returns the uncaught exceptions thrown in the page so far.
func (p *testPage) PageErrors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.pageErrors...)
}

// finish saves a screenshot when the test failed, then closes the context.
func (p *testPage) finish(t *testing.T, ctx playwright.BrowserContext) {
	if t.Failed() {
		p.screenshot(t)
	}
	if err := ctx.Close(); err != nil {
		t.Logf("close browser context: %v", err)
	}
}

// unsafeName matches the characters of a test name not kept in a file name.
var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// screenshot saves the full page to out/<TestName>.png and logs where.
func (p *testPage) screenshot(t *testing.T) {
	path := filepath.Join(outDir, unsafeName.ReplaceAllString(t.Name(), "_")+".png")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Logf("screenshot: %v", err)
		return
	}
	_, err := p.Screenshot(playwright.PageScreenshotOptions{
		Path:     playwright.String(path),
		FullPage: playwright.Bool(true),
	})
	if err != nil {
		t.Logf("screenshot %q: %v", path, err)
		return
	}
	abs, _ := filepath.Abs(path)
	t.Logf("screenshot of the failed page: %s", abs)
}

// evalJS evaluates a JavaScript expression in the page, failing the test on error.
func (p *testPage) evalJS(t *testing.T, expr string, args ...any) any {
	t.Helper()
	v, err := p.Evaluate(expr, args...)
	if err != nil {
		t.Fatalf("evaluate %q: %v", expr, err)
	}
	return v
}
