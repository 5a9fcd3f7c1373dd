//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
)

// demoCase returns a demo case of the library by id.
func demoCase(t *testing.T, id string) web.DemoCase {
	t.Helper()
	cases, err := web.DemoCases()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range cases {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("no demo case %q", id)
	return web.DemoCase{}
}

// loadDemo opens the demo list (unless open) and presses the case's button with the keyboard.
func loadDemo(t *testing.T, p *testPage, id string) {
	t.Helper()
	list := p.GetByTestId("demo-cases")
	if open, _ := list.Evaluate("d => d.open", nil); open != true {
		if err := list.Locator("summary").Click(); err != nil {
			t.Fatalf("open the demo list: %v", err)
		}
	}
	button := p.GetByTestId("demo-" + id).GetByRole("button")
	if err := button.Focus(); err != nil {
		t.Fatalf("focus demo %s: %v", id, err)
	}
	if err := p.Keyboard().Press("Enter"); err != nil {
		t.Fatal(err)
	}
	if err := expect.Locator(p.GetByTestId("case-status")).ToContainText(regexp.MustCompile(`Fictional|Fictief`)); err != nil {
		t.Fatalf("demo %s not loaded: %v", id, err)
	}
}

// TestDemoCaseLoadsAndScores loads an OGRS3 demo case in one keypress and checks
// the form holds its values and Calculate gives what scoring gives.
func TestDemoCaseLoadsAndScores(t *testing.T) {
	p := newPage(t)
	demo := demoCase(t, "ogrs3-long-record")
	loadDemo(t, p, demo.ID)
	m, d := builtinModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	for id, want := range demo.Case {
		if got, _ := control(t, form, d, id).InputValue(); got != want {
			t.Errorf("after loading, %s = %q, want %q", id, got, want)
		}
	}
	if got := text(t, p.GetByTestId("case-status")); strings.Contains(got, "null") {
		t.Errorf("status after loading reads %q", got)
	}
	submit(t, form)
	checkProbabilities(t, p.GetByTestId("result"), m, scoring.Case(demo.Case))
}

// TestDemoCaseOxRec loads an OxRec-NL demo case: the page switches to the group,
// loads the synthetic parameters, and the result, computed in the variant the
// rule chooses, is marked synthetic.
func TestDemoCaseOxRec(t *testing.T) {
	p := newPage(t)
	if _, err := p.GetByTestId("model-picker").SelectOption(playwright.SelectOptionValues{
		Values: &[]string{oxrecGroup}}); err != nil {
		t.Fatal(err)
	}
	loadDemo(t, p, "oxrec-detained-4")
	section := p.Locator(`section[data-group="` + oxrecGroup + `"]`)
	if err := expect.Locator(section.GetByTestId("params-passed")).ToBeVisible(); err != nil {
		t.Fatalf("synthetic parameters not loaded: %v", err)
	}
	if err := expect.Locator(section.GetByTestId("variant-population")).
		ToHaveAttribute("data-population", "not_detained"); err != nil {
		t.Errorf("4 months detained: %v", err)
	}
	submit(t, caseForm(section))
	result := p.GetByTestId("result").GetByTestId("group-result")
	if err := expect.Locator(result.GetByTestId("result-synthetic")).ToBeVisible(); err != nil {
		t.Fatalf("no synthetic result: %v", err)
	}
}

// TestSaveAndOpenCase saves a typed OGRS3 case to a file (checking that saving
// makes no request), clears the form, opens the file and checks every value is
// back; then opens bad files, each refused with the field named and the typed
// value kept.
func TestSaveAndOpenCase(t *testing.T) {
	p := newPage(t)
	_, d := builtinModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, ogrs3Case)

	log := &requestLog{}
	p.OnRequest(log.add)
	dl, err := p.ExpectDownload(func() error { return p.GetByTestId("save-case").Click() })
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	if dl.SuggestedFilename() != "spiegel-case-ogrs3.json" {
		t.Errorf("saved as %q, want spiegel-case-ogrs3.json", dl.SuggestedFilename())
	}
	path := filepath.Join(t.TempDir(), dl.SuggestedFilename())
	if err := dl.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	requests, _ := log.snapshot()
	for _, u := range requests {
		if !strings.Contains(u, " blob:") {
			t.Errorf("saving requested %s", u)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var saved struct {
		Format string            `json:"format"`
		Model  string            `json:"model"`
		Case   map[string]string `json:"case"`
	}
	if err := json.Unmarshal(data, &saved); err != nil || saved.Format != "spiegel-case/1" ||
		saved.Model != "ogrs3" || len(saved.Case) != len(ogrs3Case) {
		t.Fatalf("saved file %s (%v), want the OGRS3 case", data, err)
	}

	// Clear, then open the saved file.
	if err := form.GetByTestId("clear-case").Click(); err != nil {
		t.Fatal(err)
	}
	openCase(t, p, "case.json", data)
	for id, want := range ogrs3Case {
		// The page reads the file asynchronously: wait for the value.
		c := control(t, form, d, id)
		if err := expect.Locator(c).ToHaveValue(want); err != nil {
			got, _ := c.InputValue()
			t.Errorf("after opening, %s = %q, want %q", id, got, want)
		}
	}
	checkBadFiles(t, p, form, d)
}

// openCase gives the open-case input a file made of data.
func openCase(t *testing.T, p *testPage, name string, data []byte) {
	t.Helper()
	input := p.GetByLabel(web.English.JS.Case.Open, playwright.PageGetByLabelOptions{
		Exact: playwright.Bool(true)})
	if err := input.SetInputFiles([]playwright.InputFile{{Name: name,
		MimeType: "application/json", Buffer: data}}); err != nil {
		t.Fatalf("choose %s: %v", name, err)
	}
}

// checkBadFiles opens files that must be refused and checks the reason names the
// field, and that what was typed stays.
func checkBadFiles(t *testing.T, p *testPage, form playwright.Locator, d scoring.Description) {
	t.Helper()
	typed := control(t, form, d, "previous_sanctions")
	if err := typed.Fill("33"); err != nil {
		t.Fatal(err)
	}
	bad := []struct{ name, data, want string }{
		{"broken.json", `{"format": "spiegel-case/1", `, "not valid JSON"},
		{"other.json", `{"format": "x"}`, "not a Spiegel case"},
		{"model.json", `{"format": "spiegel-case/1", "model": "nope", "case": {}}`, "“nope”"},
		{"field.json", `{"format": "spiegel-case/1", "model": "ogrs3", "case": {"shoe_size": "9"}}`,
			"shoe_size: " + web.English.JS.Case.NoField},
		{"id.json", `{"format": "spiegel-case/1", "model": "ogrs3", "case": {"ogrs3--sex": "male"}}`,
			"ogrs3--sex: " + web.English.JS.Case.NoField},
		{"level.json", `{"format": "spiegel-case/1", "model": "ogrs3", "case": {"sex": "x", "previous_sanctions": "1"}}`,
			"Sex (sex): “x” is not one of the answers"},
		// A date input empties a value that is not a date without a word: the page
		// must name it rather than say "Opened" over an emptied field.
		{"date.json", `{"format": "spiegel-case/1", "model": "ogrs3", "case": {"birth_date": "1990-02-30", "previous_sanctions": "1"}}`,
			"Date of birth (birth_date): “1990-02-30” is not a date written YYYY-MM-DD"},
		{"datefmt.json", `{"format": "spiegel-case/1", "model": "ogrs3", "case": {"assessment_date": "15-01-2025"}}`,
			"Date of the assessment (assessment_date): “15-01-2025” is not a date written YYYY-MM-DD"},
	}
	status := p.GetByTestId("case-status")
	for _, b := range bad {
		openCase(t, p, b.name, []byte(b.data))
		if err := expect.Locator(status).ToContainText(b.want); err != nil {
			t.Errorf("%s: %v", b.name, err)
		}
		if err := expect.Locator(status).ToContainText("Not opened: " + b.name); err != nil {
			t.Errorf("%s: %v", b.name, err)
		}
		if got, _ := typed.InputValue(); got != "33" {
			t.Errorf("after %s, the typed value is %q, want 33", b.name, got)
		}
	}
}

// caseFile is a saved-case file of the OGRS3 case c.
func caseFile(t *testing.T, c scoring.Case) []byte {
	t.Helper()
	data, err := json.Marshal(map[string]any{"format": "spiegel-case/1", "model": "ogrs3",
		"case": c})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestOpenCaseAsksBeforeReplacing opens a case file over a form with entered
// values, on the English and the Dutch page: a modal dialog in the page's language
// asks first, with the keep button focused; Escape keeps what was entered, and the
// replace button, reached with Tab and pressed with Enter, opens the file.
func TestOpenCaseAsksBeforeReplacing(t *testing.T) {
	for _, lang := range pageLangs {
		t.Run(lang.text.Lang, func(t *testing.T) {
			p, form, d := ogrs3Entered(t, lang.path, lang.text, ogrs3Case)
			other := scoring.Case{"sex": "male", "previous_sanctions": "2"}
			msg := lang.text.JS.Case
			dialog := p.GetByRole("dialog", playwright.PageGetByRoleOptions{Name: msg.ReplaceTitle})
			input := p.GetByLabel(msg.Open, playwright.PageGetByLabelOptions{Exact: playwright.Bool(true)})
			choose := func() {
				if err := input.SetInputFiles([]playwright.InputFile{{Name: "other.json",
					MimeType: "application/json", Buffer: caseFile(t, other)}}); err != nil {
					t.Fatal(err)
				}
				if err := expect.Locator(dialog).ToBeVisible(); err != nil {
					t.Fatalf("no question before replacing entered values: %v", err)
				}
			}

			// Escape keeps the form as it was.
			choose()
			keep := dialog.GetByRole("button", playwright.LocatorGetByRoleOptions{Name: msg.ReplaceKeep})
			if err := expect.Locator(keep).ToBeFocused(); err != nil {
				t.Errorf("keep button not focused first: %v", err)
			}
			if err := expect.Locator(dialog).ToContainText(web.Fill(msg.ReplaceText,
				map[string]string{"model": d.Name, "file": "other.json"})); err != nil {
				t.Errorf("dialog text: %v", err)
			}
			if err := p.Keyboard().Press("Escape"); err != nil {
				t.Fatal(err)
			}
			if err := expect.Locator(dialog).ToBeHidden(); err != nil {
				t.Fatalf("Escape did not close the dialog: %v", err)
			}
			status := p.GetByTestId("case-status")
			if err := expect.Locator(status).ToHaveText(web.Fill(msg.Kept,
				map[string]string{"file": "other.json"})); err != nil {
				t.Errorf("status after keeping: %v", err)
			}
			checkValuesKept(t, form, d, ogrs3Case)

			// Tab, Enter on the replace button opens the file.
			choose()
			if err := p.Keyboard().Press("Tab"); err != nil {
				t.Fatal(err)
			}
			replace := dialog.GetByRole("button", playwright.LocatorGetByRoleOptions{Name: msg.ReplaceConfirm})
			if err := expect.Locator(replace).ToBeFocused(); err != nil {
				t.Errorf("Tab from keep does not reach replace: %v", err)
			}
			if err := p.Keyboard().Press("Enter"); err != nil {
				t.Fatal(err)
			}
			if err := expect.Locator(status).ToHaveText(web.Fill(msg.Opened,
				map[string]string{"file": "other.json"})); err != nil {
				t.Errorf("status after replacing: %v", err)
			}
			for _, pd := range d.Predictors {
				if err := expect.Locator(control(t, form, d, pd.ID)).ToHaveValue(other[pd.ID]); err != nil {
					t.Errorf("after replacing, %s: %v", pd.ID, err)
				}
			}
		})
	}
}

// TestOpenCaseWithJSONNumber opens a case file whose count is a JSON number, as the
// engine and the command take it: it fills the form as text; a non-finite or other
// non-text value is still refused, naming the field.
func TestOpenCaseWithJSONNumber(t *testing.T) {
	p := newPage(t)
	_, d := builtinModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	openCase(t, p, "number.json", []byte(`{"format": "spiegel-case/1", "model": "ogrs3",
		"case": {"sex": "male", "previous_sanctions": 7}}`))
	if err := expect.Locator(control(t, form, d, "previous_sanctions")).ToHaveValue("7"); err != nil {
		t.Errorf("a JSON number did not fill the field: %v", err)
	}
	if err := form.GetByTestId("clear-case").Click(); err != nil {
		t.Fatal(err)
	}
	openCase(t, p, "object.json", []byte(`{"format": "spiegel-case/1", "model": "ogrs3",
		"case": {"previous_sanctions": {"n": 7}}}`))
	status := p.GetByTestId("case-status")
	if err := expect.Locator(status).ToContainText("(previous_sanctions): " +
		web.English.JS.Case.NotText); err != nil {
		t.Errorf("an object value: %v", err)
	}
}
