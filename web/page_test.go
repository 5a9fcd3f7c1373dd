package web

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/a-h/templ"

	"spiegel/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixture is a small model description with one predictor of each kind a form
// knows: levels with help, a bounded count, a number with a minimum only and a
// proxy warning, a number with neither bound nor unit, and a date. It is synthetic,
// cannot compute, and carries a notice and a population.
func fixture() scoring.Description {
	half, zero, twenty := 0.5, 0.0, 20.0
	return scoring.Description{
		ID: "fixture", Name: "Fixture model", Version: "1", Family: "logistic",
		Outcome: "an outcome", IntendedUse: "Testing the form generator.",
		Notice: "Not a real model.", Synthetic: true, Trust: scoring.TrustSynthetic,
		Citation: "Nobody (2026). A fixture. — Table 1", Population: "testers",
		Parameters: "the fixture has no parameters",
		Predictors: []scoring.PredictorDescription{
			{ID: "group", Label: "Group", Help: "Which group <b>really</b>.", Type: "level",
				Levels: []scoring.Level{{ID: "a", Label: "A & co"}, {ID: "b", Label: "B"}}},
			{ID: "events", Label: "Events", Type: "count", Unit: "events",
				Min: &zero, Max: &twenty},
			{ID: "dose", Label: "Dose", Type: "number", Unit: "mg", Min: &half,
				Proxy: "Dose may stand in for weight."},
			{ID: "score", Label: "Score", Type: "number"},
			{ID: "start", Label: "Start date", Type: "date"},
		},
		Horizons: []scoring.HorizonDescription{{Label: "1y", Length: 1, Unit: "year"}},
	}
}

// dutchPage is the built-in page in Dutch.
func dutchPage(t *testing.T) Page {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return NewPage(cat, Dutch)
}

// TestGolden renders each case and compares it with testdata/<name>.golden.html
// after normaliseHTML. Run with -update to rewrite the files.
func TestGolden(t *testing.T) {
	form := NewForm(fixture(), English)
	form.Selected = true
	tests := []struct {
		name string
		c    templ.Component
	}{
		{"index", Index(builtinPage(t))},
		{"index-nl", Index(dutchPage(t))},
		{"form-fixture", ModelForm(form, English)},
		{"form-fixture-hidden", ModelForm(NewForm(fixture(), English), English)},
		{"group-oxrec-nl", GroupView(builtinPage(t).Groups[0], English)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, tt.c)
			path := filepath.Join("testdata", tt.name+".golden.html")
			if *update {
				if err := os.WriteFile(path, []byte(readable(got)), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./web -update to create it)", err)
			}
			if normaliseHTML(got) != normaliseHTML(string(want)) {
				t.Errorf("%s differs from %s; run go test ./web -update and review the diff\ngot:\n%s",
					tt.name, path, readable(got))
			}
		})
	}
}

// builtinPage is the page for the built-in catalog in English.
func builtinPage(t *testing.T) Page {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatalf("Builtin() error: %v", err)
	}
	return NewPage(cat, English)
}

// render renders c to a string.
func render(t *testing.T, c templ.Component) string {
	t.Helper()
	var b bytes.Buffer
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.String()
}

var (
	betweenTags = regexp.MustCompile(`>\s+<`)
	spaces      = regexp.MustCompile(`\s+`)
)

// normaliseHTML removes whitespace between tags and collapses other runs of
// whitespace, so that golden files may be reformatted by hand.
func normaliseHTML(s string) string {
	s = betweenTags.ReplaceAllString(s, "><")
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

// openTag matches the start of an opening tag that directly follows another tag.
var openTag = regexp.MustCompile(`><([^/])`)

// readable starts each opening tag that follows another tag on a new line, for
// reviewable golden files; normaliseHTML undoes it.
func readable(s string) string {
	return openTag.ReplaceAllString(normaliseHTML(s), ">\n<$1") + "\n"
}

func TestFill(t *testing.T) {
	tests := []struct {
		phrase, s string
		args      map[string]string
		want      string
	}{
		{"replaces every placeholder", "{min} to {max} {unit}",
			map[string]string{"min": "0", "max": "5", "unit": "kg"}, "0 to 5 kg"},
		{"keeps unknown placeholders", "{a} {b}", map[string]string{"a": "x"}, "x {b}"},
		{"does not reread replacements", "{a}", map[string]string{"a": "{b}", "b": "no"}, "{b}"},
	}
	for _, tt := range tests {
		if got := Fill(tt.s, tt.args); got != tt.want {
			t.Errorf("%s: Fill(%q, %v) = %q, want %q", tt.phrase, tt.s, tt.args, got, tt.want)
		}
	}
}

func TestRangeText(t *testing.T) {
	f := NewForm(fixture(), English)
	want := map[string]string{"group": "", "events": "0 to 20 events",
		"dose": "at least 0.5 mg", "score": "", "start": ""}
	for _, fd := range f.Fields {
		if fd.Range != want[fd.ID] {
			t.Errorf("range of %s = %q, want %q", fd.ID, fd.Range, want[fd.ID])
		}
	}
}

func TestWriteSite(t *testing.T) {
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := WriteSite(context.Background(), dir, cat, English); err != nil {
		t.Fatalf("WriteSite: %v", err)
	}
	for _, name := range []string{"index.html", "app.js", "style.css"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("WriteSite did not write %s: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "wasm_exec.js")); err == nil {
		t.Errorf("WriteSite wrote wasm_exec.js, which must come from the Go that built the wasm")
	}
}
