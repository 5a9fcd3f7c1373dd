//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
)

// axeFile is axe-core, unpacked by .ci/install-test-deps.sh; the tests inject it
// into the page under test, and the product never carries it.
const axeFile = "../.cache/axe/package/axe.min.js"

// axeViolation is one rule axe-core found broken, with the nodes that break it.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// checkAxe injects axe-core into the page, runs it on the whole document and fails
// the test for every violation, naming the rule and the elements.
func checkAxe(t *testing.T, p *testPage, state string) {
	t.Helper()
	src, err := os.ReadFile(axeFile)
	if err != nil {
		t.Fatalf("axe-core missing (run make test-deps): %v", err)
	}
	// The page's CSP admits only its own scripts, so axe is evaluated through the
	// DevTools protocol rather than added as a script element.
	if _, err := p.Evaluate(string(src) + "\n;undefined"); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	raw, err := p.Evaluate(`async () => JSON.stringify((await axe.run(document,
		{ resultTypes: ["violations"] })).violations)`)
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	var violations []axeViolation
	if err := json.Unmarshal([]byte(raw.(string)), &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		for _, n := range v.Nodes {
			t.Errorf("%s: axe %s (%s): %v %s", state, v.ID, v.Help, n.Target, n.HTML)
		}
	}
	if len(violations) > 0 {
		saveShot(t, p.Locator("body"), filepath.Base(t.Name())+".png")
	}
}

// checkAxeSees makes sure the injected axe-core does find a violation: an
// unlabelled input added to the page must be reported, then it is removed.
func checkAxeSees(t *testing.T, p *testPage) {
	t.Helper()
	n, err := p.Evaluate(`async () => {
		const probe = document.createElement("input");
		probe.id = "axe-probe";
		document.body.append(probe);
		const r = await axe.run("#axe-probe", { runOnly: ["label"] });
		probe.remove();
		return r.violations.length;
	}`)
	if err != nil || n != 1 {
		t.Fatalf("axe-core on an unlabelled input found %v violations (%v), want 1", n, err)
	}
}

// TestAccessibility runs axe-core on the English and Dutch pages, untouched and
// with an OGRS3 result, and on the OxRec-NL section with a synthetic result.
func TestAccessibility(t *testing.T) {
	for _, path := range []string{"/", "/index.nl.html"} {
		t.Run(path, func(t *testing.T) {
			p := newPageAt(t, path)
			checkAxe(t, p, path+" initial")
			checkAxeSees(t, p)
			loadDemo(t, p, "ogrs3-first-theft")
			if err := modelForm(p, "ogrs3").GetByTestId("calculate").Click(); err != nil {
				t.Fatal(err)
			}
			if err := expect.Locator(p.GetByTestId("prob-1y")).ToBeVisible(); err != nil {
				t.Fatal(err)
			}
			checkAxe(t, p, path+" with a result")

			if _, err := p.GetByTestId("model-picker").SelectOption(playwright.SelectOptionValues{
				Values: &[]string{oxrecGroup}}); err != nil {
				t.Fatal(err)
			}
			loadDemo(t, p, "oxrec-detained-8")
			section := p.Locator(`section[data-group="` + oxrecGroup + `"]`)
			if err := caseForm(section).GetByTestId("calculate").Click(); err != nil {
				t.Fatal(err)
			}
			if err := expect.Locator(p.GetByTestId("group-result")).ToBeVisible(); err != nil {
				t.Fatal(err)
			}
			checkAxe(t, p, path+" with an OxRec synthetic result")
			if path == "/index.nl.html" {
				// The result's notice joins the file's and the model's: both in Dutch.
				err := expect.Locator(p.GetByTestId("group-result")).ToContainText(
					"SYNTHETISCH — NIET OxRec. Verzonnen getallen")
				if err != nil {
					t.Errorf("Dutch synthetic notice: %v", err)
				}
			}
		})
	}
}

// TestKeyboardOnly loads a demo case and calculates with the keyboard alone:
// Enter on the demo button, then Tab through the form until Calculate has the
// focus, then Enter. The result region announces politely, and the band of the
// OxRec-NL synthetic result reads as words, not only as a colour.
func TestKeyboardOnly(t *testing.T) {
	p := newPage(t)
	loadDemo(t, p, "ogrs3-female-fraud")
	button := modelForm(p, "ogrs3").GetByTestId("calculate")
	if err := modelForm(p, "ogrs3").Locator("select").First().Focus(); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		focused, err := button.Evaluate("b => b === document.activeElement", nil)
		if err != nil {
			t.Fatal(err)
		}
		if focused == true {
			break
		}
		if i == 40 {
			t.Fatal("Tab never reached Calculate")
		}
		if err := p.Keyboard().Press("Tab"); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Keyboard().Press("Enter"); err != nil {
		t.Fatal(err)
	}
	m, _ := builtinModel(t, "ogrs3")
	checkProbabilities(t, p.GetByTestId("result"), m, scoring.Case(demoCase(t, "ogrs3-female-fraud").Case))
	if live, _ := p.GetByTestId("result").GetAttribute("aria-live"); live != "polite" {
		t.Errorf("result region aria-live = %q, want polite", live)
	}

	if _, err := p.GetByTestId("model-picker").SelectOption(playwright.SelectOptionValues{
		Values: &[]string{oxrecGroup}}); err != nil {
		t.Fatal(err)
	}
	loadDemo(t, p, "oxrec-detained-8")
	if err := caseForm(p.Locator(`section[data-group="` + oxrecGroup + `"]`)).
		GetByTestId("calculate").Press("Enter"); err != nil {
		t.Fatal(err)
	}
	band := p.GetByTestId("group-result").GetByTestId("band-1y")
	if err := expect.Locator(band).ToHaveText(regexp.MustCompile(`^(Low|Medium|High)$`)); err != nil {
		t.Errorf("band in words: %v", err)
	}
}
