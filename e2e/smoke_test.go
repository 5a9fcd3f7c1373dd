//go:build e2e

package e2e

import "testing"

// TestEngineLoads checks that the page loads the engine, that the engine lists at
// least one model, and that nothing was thrown in the page on the way.
func TestEngineLoads(t *testing.T) {
	p := newPage(t)

	got := p.evalJS(t, `() => window.spiegel.models()`)
	models, ok := got.([]any)
	if !ok || len(models) == 0 {
		t.Errorf("spiegel.models() = %T %v, want a non-empty array", got, got)
	}
	if errs := p.PageErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}
