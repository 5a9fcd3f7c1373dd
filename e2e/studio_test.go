//go:build e2e

package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/web"
)

// studioCall asks the page for the numbers of a model through the studio's
// function before the whole engine is there, and reports what came back then and
// after: whether the first answer was a Promise, the numbers it resolved to, whether
// a second call answers at once, whether the model computes, and the functions of
// the whole engine that the page's spiegel lacked before (app.js's list of the
// studio's functions against the engine's).
const studioCall = `async (id) => {
	const before = Object.keys(spiegel);
	const first = spiegel.numbers(id);
	const wasPromise = first instanceof Promise;
	const numbers = await first;
	return {
		wasPromise,
		numbers: Array.isArray(numbers) ? numbers.length : -1,
		atOnce: !(spiegel.numbers(id) instanceof Promise),
		computable: spiegel.describe(id).computable === true,
		lacked: Object.keys(spiegel).filter((k) => !before.includes(k)).join(","),
	};
}`

// TestStudioEngineLoadsWhenAsked checks that the served page starts the
// calculator's engine only, that a studio function called before the whole engine
// is there loads it and answers through a Promise, and that the whole engine, which
// then answers every call at once, computes with the parameter file loaded in the
// calculator before it came.
func TestStudioEngineLoadsWhenAsked(t *testing.T) {
	f := newOxRecFixture(t)
	p, section := oxrecPage(t)
	log := &requestLog{}
	p.OnRequest(log.add)
	loadSynthetic(t, section)
	isStudio := func(r string) bool { return strings.HasSuffix(r, "/"+web.StudioScript) }
	if urls, _ := log.snapshot(); slices.ContainsFunc(urls, isStudio) {
		t.Fatalf("the page loaded the whole engine before it was asked for: %q", urls)
	}

	const id = "oxrec-nl-detained-general"
	m, err := f.bound.Model(id)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.evalJS(t, studioCall, id).(map[string]any)
	want := map[string]any{"wasPromise": true, "numbers": len(m.Numbers()), "atOnce": true,
		"computable": true, "lacked": ""}
	for k, v := range want {
		if fmt.Sprint(got[k]) != fmt.Sprint(v) {
			t.Errorf("%s = %v, want %v (all: %v)", k, got[k], v, got)
		}
	}
	if urls, _ := log.snapshot(); !slices.ContainsFunc(urls, isStudio) {
		t.Errorf("requests %q: the whole engine was not among them", urls)
	}
	checkConsoleClean(t, p, nil)
}

// studioFailedCalls calls the studio's functions that the fault demonstration and
// the loading of a recalibrated model use, with the whole engine unreachable, and
// returns each answer's error (or "rejected: ..." for a rejected Promise).
const studioFailedCalls = `async () => {
	const calls = {
		loadModel: () => spiegel.loadModel("{}", ""),
		faultStart: () => spiegel.faultStart("ogrs3", { kind: "replace_value" }, "1"),
		exchanges: () => spiegel.exchanges("ogrs3"),
	};
	const out = {};
	for (const [name, call] of Object.entries(calls)) {
		try {
			const r = await call();
			out[name] = r && r.error ? r.error : JSON.stringify(r);
		} catch (err) {
			out[name] = "rejected: " + err;
		}
	}
	return out;
}`

// TestStudioEngineFailureShownInPage checks that when the whole engine cannot be
// loaded, the studio's functions answer with an error record that says so, rather
// than a rejected Promise, and that the fault demonstration shows it when first used.
func TestStudioEngineFailureShownInPage(t *testing.T) {
	p := newPage(t)
	err := p.Route("**/"+web.StudioScript, func(r playwright.Route) { r.Abort() })
	if err != nil {
		t.Fatalf("route: %v", err)
	}
	want, _, _ := strings.Cut(web.English.JS.StudioFailed, "{reason}")
	got, _ := p.evalJS(t, studioFailedCalls).(map[string]any)
	for _, name := range []string{"loadModel", "faultStart", "exchanges"} {
		if s := fmt.Sprint(got[name]); !strings.HasPrefix(s, want) {
			t.Errorf("spiegel.%s with no whole engine = %q, want an error starting %q",
				name, s, want)
		}
	}

	section := p.GetByTestId("faults")
	if err := labelled(section, web.English.JS.FaultsModel).Focus(); err != nil {
		t.Fatalf("focus the demonstration: %v", err)
	}
	shown := section.GetByTestId("faults-engine-error")
	if err := expect.Locator(shown).ToContainText(want); err != nil {
		t.Errorf("fault demonstration with no whole engine: %v", err)
	}
	checkConsoleClean(t, p, nil)
}
