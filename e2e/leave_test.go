//go:build e2e

package e2e

import (
	"testing"
	"time"

	"github.com/mxschmitt/playwright-go"

	"spiegel/web"
)

// dialogWait bounds the wait for a dialog that should, or should not, open.
const dialogWait = 3 * time.Second

// closeAsking closes the page as a user leaving it would, running its
// beforeunload handlers, and reports whether the browser asked first. A question
// is answered with leave, so that the page closes either way.
func closeAsking(t *testing.T, p *testPage) bool {
	t.Helper()
	asked := make(chan string, 1)
	p.OnDialog(func(d playwright.Dialog) {
		asked <- d.Type()
		d.Accept()
	})
	closed := make(chan struct{})
	p.OnClose(func(playwright.Page) { close(closed) })
	opts := playwright.PageCloseOptions{RunBeforeUnload: playwright.Bool(true)}
	if err := p.Close(opts); err != nil {
		t.Fatalf("close page: %v", err)
	}
	select {
	case <-closed:
	case <-time.After(dialogWait):
		t.Fatalf("the page did not close within %v", dialogWait)
	}
	select {
	case typ := <-asked:
		if typ != "beforeunload" {
			t.Errorf("dialog of type %q, want beforeunload", typ)
		}
		return true
	default:
		return false
	}
}

// TestLeavingWithTypedValuesAsks checks that closing the page asks first once a
// value has been typed, and does not ask on an untouched page.
func TestLeavingWithTypedValuesAsks(t *testing.T) {
	if closeAsking(t, newPage(t)) {
		t.Error("closing an untouched page asked first")
	}

	p := newPage(t)
	_, d := builtinModel(t, "ogrs3")
	if err := control(t, modelForm(p, "ogrs3"), d, "previous_sanctions").Fill("3"); err != nil {
		t.Fatalf("type a value: %v", err)
	}
	if !closeAsking(t, p) {
		t.Error("closing the page with a typed value did not ask first")
	}
}

// TestClearCaseWipesForm enters and scores a case, presses Clear case, and checks
// that every field is empty, that the result is gone, and that leaving no longer
// asks.
func TestClearCaseWipesForm(t *testing.T) {
	p := newPage(t)
	_, d := builtinModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, ogrs3Case)
	submit(t, form)
	result := p.GetByTestId("result")
	expect := playwright.NewPlaywrightAssertions()
	if err := expect.Locator(result.GetByTestId("prob-1y")).ToBeVisible(); err != nil {
		t.Fatalf("no result shown: %v", err)
	}

	clear := form.GetByRole("button", playwright.LocatorGetByRoleOptions{
		Name: web.English.ClearCase, Exact: playwright.Bool(true)})
	if err := clear.Click(); err != nil {
		t.Fatalf("click %s: %v", web.English.ClearCase, err)
	}
	for _, pd := range d.Predictors {
		if got, err := control(t, form, d, pd.ID).InputValue(); err != nil || got != "" {
			t.Errorf("after %s, %s holds %q (%v), want it empty", web.English.ClearCase,
				pd.ID, got, err)
		}
	}
	if err := expect.Locator(result.Locator("*")).ToHaveCount(0); err != nil {
		t.Errorf("result region after %s: %v", web.English.ClearCase, err)
	}
	if closeAsking(t, p) {
		t.Error("closing the page after Clear case asked first")
	}
}
