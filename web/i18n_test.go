package web

import (
	"encoding/json"
	"maps"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"spiegel/scoring"
)

// TestDutchComplete checks that no string field of the Dutch text, nested structs
// included, is empty: a message added to Text in English only fails here.
func TestDutchComplete(t *testing.T) {
	checkNoEmpty(t, "Dutch", reflect.ValueOf(Dutch))
	checkNoEmpty(t, "DutchSingle", reflect.ValueOf(DutchSingle))
}

// placeholder matches a {name} placeholder of a message.
var placeholder = regexp.MustCompile(`\{[a-z]+\}`)

// TestDutchPlaceholders checks that each Dutch message has the placeholders of its
// English one, so that no value goes missing in Dutch.
func TestDutchPlaceholders(t *testing.T) {
	en, nl := stringFields("", reflect.ValueOf(English)), stringFields("", reflect.ValueOf(Dutch))
	for path, e := range en {
		want, got := placeholder.FindAllString(e, -1), placeholder.FindAllString(nl[path], -1)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("Dutch%s has placeholders %q, English %q", path, got, want)
		}
	}
}

// stringFields returns every string field of the struct v by its path.
func stringFields(path string, v reflect.Value) map[string]string {
	out := map[string]string{}
	for i := range v.NumField() {
		f, name := v.Field(i), path+"."+v.Type().Field(i).Name
		switch f.Kind() {
		case reflect.String:
			out[name] = f.String()
		case reflect.Struct:
			for k, s := range stringFields(name, f) {
				out[k] = s
			}
		}
	}
	return out
}

// builtinModelTexts returns every model text the built-in definitions, groups and
// the synthetic parameter file carry (the string values of TextKeys fields; the
// horizons are ids and units, sources are citations), each with where it is.
func builtinModelTexts(t *testing.T) map[string]string {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, trust := range []string{scoring.TrustVerified, scoring.TrustImported,
		scoring.TrustSynthetic, scoring.TrustUnverified} {
		texts[trust] = "trust level"
	}
	texts[scoring.ReferenceNoteIntercept] = "engine's reference note"
	texts[scoring.ReferenceNoteCox] = "engine's reference note"
	for _, m := range cat.Models() {
		collectTexts(t, m.ID(), m.Definition(), texts)
		// A reference profile's note is a text too (explain.js translates it).
		if r := m.Definition().Reference; r != nil {
			texts[r.Note] = m.ID() + " reference"
		}
		// A warning's message is a text too (the page writes it through WarningLine).
		for _, p := range m.Definition().Predictors {
			if p.Warn != nil {
				texts[p.Warn.Message] = m.ID() + " warning"
			}
		}
	}
	for _, g := range cat.Groups() {
		def := g.Definition()
		texts[def.Name], texts[def.Rule.Label], texts[def.Rule.Unit] = def.ID, def.ID, def.ID
		// The rule's locator is prose the page shows beside its citation.
		texts[def.Rule.AtLeast.Ref.At] = def.ID + " rule source"
	}
	var params any
	if err := json.Unmarshal(scoring.SyntheticOxRecParams, &params); err != nil {
		t.Fatal(err)
	}
	collectTexts(t, "synthetic parameters", params, texts)
	// The synthetic populations' descriptions are texts too (faults.js translates
	// them); distribution names are input ids.
	for _, s := range scoring.PopulationSpecs() {
		texts[s.Note] = "population " + s.ID
		for _, d := range s.Distributions {
			for _, x := range []string{d.Unit, d.Note, d.Source} {
				if x != "" {
					texts[x] = "population " + s.ID + " " + d.Name
				}
			}
		}
	}
	return texts
}

// collectTexts adds the model texts of v (marshalled to JSON) to texts.
func collectTexts(t *testing.T, where string, v any, texts map[string]string) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && slices.Contains(TextKeys, k) && s != "" {
					texts[s] = where + path + "." + k
				}
				if k != "sources" && k != "horizons" && k != "golden" {
					walk(path+"."+k, e)
				}
			}
		case []any:
			for _, e := range x {
				walk(path+"[]", e)
			}
		}
	}
	walk("", doc)
}

// TestDutchModelTexts checks that every model text of every built-in model, group
// and the synthetic parameters has a Dutch entry, so that a new model, predictor or
// level (or a reworded one) cannot silently stay English; and that the table holds
// no entry that no built-in text uses.
func TestDutchModelTexts(t *testing.T) {
	texts := builtinModelTexts(t)
	for s, where := range texts {
		if hasLetter(s) && strings.TrimSpace(dutchModels.Texts[s]) == "" {
			t.Errorf("no Dutch for %q (%s)", s, where)
		}
	}
	for s := range dutchModels.Texts {
		if _, ok := texts[s]; !ok {
			t.Errorf("Dutch entry %q translates no built-in text", s)
		}
	}
	if !slices.Equal(Dutch.JS.Models.Keys, TextKeys) {
		t.Errorf("Dutch.JS.Models.Keys = %q, want TextKeys", Dutch.JS.Models.Keys)
	}
}

// TestDutchPage renders the Dutch page and checks its language, that the model
// texts are in Dutch, and its link to the English page.
func TestDutchPage(t *testing.T) {
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	page := parse(t, render(t, Index(NewPage(cat, Dutch))))
	root := find(page, func(n *html.Node) bool { return n.Data == "html" })
	if attr(root, "lang") != "nl" {
		t.Errorf("html lang = %q, want nl", attr(root, "lang"))
	}
	doc := visibleText(page)
	for _, want := range []string{"Delictgroep van de huidige veroordeling", "Bereken",
		"Geboortedatum", "gedetineerd gedurende 6 maanden of langer", "Niet-gedetineerd"} {
		if !strings.Contains(doc, want) {
			t.Errorf("Dutch page lacks %q", want)
		}
	}
	for _, english := range []string{"Calculate", "Offence group of the current conviction",
		"Date of birth", "Choose…"} {
		if strings.Contains(doc, english) {
			t.Errorf("Dutch page still has English %q", english)
		}
	}
	link := find(page, func(n *html.Node) bool { return attr(n, "data-testid") == "lang-en" })
	if link == nil || attr(link, "href") != "index.html" || attr(link, "lang") != "en" ||
		attr(link, "hreflang") != "en" || textOf(link) != "English" {
		t.Errorf("Dutch page: no link to index.html with lang and hreflang en")
	}
}

// TestLanguageLinks checks the English page's link to the Dutch one, in the site
// and in the single-file build.
func TestLanguageLinks(t *testing.T) {
	p := builtinPage(t)
	want := []Alternate{{Lang: "nl", Name: "Nederlands", Href: "index.nl.html"}}
	if !reflect.DeepEqual(p.Others, want) {
		t.Errorf("English page links %v, want %v", p.Others, want)
	}
	single := p.WithFiles(SingleFile).Others
	if len(single) != 1 || single[0].Href != "spiegel.nl.html" {
		t.Errorf("single file links %v, want spiegel.nl.html", single)
	}
}

// TestScriptTextNested checks that every msg.<key> that casefile.js and
// report.js read (msg is their part of the text) is in their part of the JSON text block, in both languages.
func TestScriptTextNested(t *testing.T) {
	for _, lang := range Languages {
		data, err := json.Marshal(lang.JS)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatal(err)
		}
		for file, part := range map[string]string{"assets/casefile.js": "case",
			"assets/report.js": "report"} {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			msgs, _ := got[part].(map[string]any)
			for _, m := range regexp.MustCompile(`\bmsg\.([a-z0-9_]+)`).FindAllStringSubmatch(string(src), -1) {
				if s, _ := msgs[m[1]].(string); s == "" {
					t.Errorf("%s: %s reads msg.%s, which %s.%s lacks", lang.Lang, file, m[1], part, m[1])
				}
			}
		}
	}
}

// hasLetter reports whether s has a letter: a text of digits and signs alone
// ("10–11") reads the same in every language.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// visibleText returns the text of the page outside script elements, each text
// node on its own line.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data + "\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestModelTextsJoined checks that a synthetic file's notice joined to a model's
// notice, as scoring's Model.Notice gives it, is translated in both parts, and
// that an unknown text stays as it is.
func TestModelTextsJoined(t *testing.T) {
	cat := demoCatalog(t)
	m, err := cat.Model("oxrec-nl-detained-general")
	if err != nil {
		t.Fatal(err)
	}
	got := dutchModels.T(m.Notice())
	if !strings.HasPrefix(got, "SYNTHETISCH — NIET OxRec.") || !strings.Contains(got, "opgeschort") {
		t.Errorf("T(%q) = %q, want both parts in Dutch", m.Notice(), got)
	}
	if got := dutchModels.T("Yes please"); got != "Yes please" {
		t.Errorf("T(unknown) = %q, want it unchanged", got)
	}
}

// TestInputErrorsNLComplete checks that the Dutch page can write every reason the
// engine gives for a refused value, with no placeholder the engine does not fill, and
// that it has no entry for a code the engine does not have.
func TestInputErrorsComplete(t *testing.T) {
	codes := scoring.ErrorCodes()
	known := map[string]bool{"{limit}": true, "{related}": true, "{related_value}": true}
	for lang, cat := range map[string]map[string]string{
		"English": English.JS.InputErrors, "Dutch": Dutch.JS.InputErrors} {
		for _, c := range codes {
			if cat[c] == "" {
				t.Errorf("no %s message for the engine's error code %q", lang, c)
			}
		}
		for c, msg := range cat {
			if !slices.Contains(codes, c) {
				t.Errorf("%s message for %q, which is not an engine error code", lang, c)
			}
			for _, p := range regexp.MustCompile(`\{[a-z_]+\}`).FindAllString(msg, -1) {
				if !known[p] {
					t.Errorf("%s message for %q has placeholder %s, which the engine does not fill",
						lang, c, p)
				}
			}
		}
	}
}

// TestInputErrorsENAsEngine checks that the English catalog, filled with an error's
// arguments, says what the engine says, for refusals of each code it can reach on
// the built-in OGRS3 model.
func TestInputErrorsENAsEngine(t *testing.T) {
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m, _ := cat.Model("ogrs3")
	valid := scoring.Case{"sex": "male", "offence_group": "6", "previous_sanctions": "1",
		"birth_date": "1990-08-25", "conviction_date": "2020-08-15",
		"first_sanction_date": "2015-11-27", "assessment_date": "2021-03-31"}
	bad := []struct{ field, value string }{
		{"sex", ""}, {"sex", "x"}, {"previous_sanctions", "a"}, {"previous_sanctions", "1.5"},
		{"previous_sanctions", "-1"}, {"previous_sanctions", "501"}, {"birth_date", "1990-02-30"},
		{"first_sanction_date", "2020-09-01"}, {"first_sanction_date", "1999-08-24"},
		{"assessment_date", "2999-01-01"}, {"colour", "blue"}, {"birth_date", "1909-08-25"},
		{"previous_sanctions", "0"},
	}
	seen := map[string]bool{}
	for _, b := range bad {
		c := maps.Clone(valid)
		c[b.field] = b.value
		if b.value == "" {
			delete(c, b.field)
		}
		for _, e := range scoring.ScoreRecord(m, "", c).Errors {
			seen[e.Code] = true
			got := Fill(English.JS.InputErrors[e.Code], map[string]string{"limit": e.Limit,
				"related": e.Related, "related_value": e.RelatedValue})
			if got != e.Message {
				t.Errorf("%s=%q: English catalog says %q, the engine %q", b.field, b.value, got,
					e.Message)
			}
		}
	}
	if len(seen) < 12 {
		t.Errorf("the cases reached %d codes (%v), want at least 12", len(seen), seen)
	}
}

// TestParamsRefusalComplete checks that both pages explain every kind of
// parameter-file refusal the engine names, and nothing else.
func TestParamsRefusalComplete(t *testing.T) {
	codes := scoring.RefusalCodes()
	for lang, cat := range map[string]map[string]string{
		"English": English.JS.ParamsRefusal, "Dutch": Dutch.JS.ParamsRefusal} {
		for _, c := range codes {
			if cat[c] == "" {
				t.Errorf("no %s explanation of the refusal code %q", lang, c)
			}
		}
		if len(cat) != len(codes) {
			t.Errorf("%s explains %d refusal codes, the engine has %d", lang, len(cat), len(codes))
		}
	}
}

// TestMeasureWarningsComplete checks that the Dutch page writes every warning of the
// validation measures from its code and has no entry for a code the engine lacks;
// the English page shows the engine's words.
func TestMeasureWarningsComplete(t *testing.T) {
	codes := scoring.MeasureWarningCodes()
	for _, c := range codes {
		if Dutch.JS.ValWarn[c] == "" {
			t.Errorf("no Dutch words for the measures' warning %q", c)
		}
	}
	for c := range Dutch.JS.ValWarn {
		if !slices.Contains(codes, c) {
			t.Errorf("Dutch words for %q, which is not a warning code of the engine", c)
		}
	}
	if English.JS.ValWarn != nil {
		t.Errorf("English.JS.ValWarn = %v, want none (the engine's words)", English.JS.ValWarn)
	}
}
