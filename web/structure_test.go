package web

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"spiegel/scoring"
)

// TestEveryPredictorHasAControl checks, for every predictor of every built-in model,
// that its form (its group's case form, for a member of a group) has one control
// named after it, with a page-unique id, a label, the right kind of element, and an
// empty error element wired through aria-describedby.
func TestEveryPredictorHasAControl(t *testing.T) {
	page := parse(t, render(t, Index(builtinPage(t))))
	ids := map[string]int{}
	walk(page, func(n *html.Node) {
		if id := attr(n, "id"); id != "" {
			ids[id]++
		}
	})
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range cat.Models() {
		d := m.Describe()
		form := find(page, func(n *html.Node) bool {
			if d.Group != "" {
				return n.Data == "form" && attr(n, "data-group") == d.Group
			}
			return n.Data == "form" && attr(n, "data-model") == d.ID
		})
		if form == nil {
			t.Errorf("no form with data-model=%q or data-group=%q", d.ID, d.Group)
			continue
		}
		for _, p := range d.Predictors {
			checkField(t, page, form, d.ID, p)
		}
	}
}

// checkField checks one predictor's control, label and error element.
func checkField(t *testing.T, page, form *html.Node, model string, p scoring.PredictorDescription) {
	t.Helper()
	var controls []*html.Node
	walk(form, func(n *html.Node) {
		if attr(n, "name") == p.ID {
			controls = append(controls, n)
		}
	})
	if len(controls) != 1 {
		t.Errorf("%s/%s: %d controls named %q, want 1", model, p.ID, len(controls), p.ID)
		return
	}
	c := controls[0]
	id := attr(c, "id")
	label := find(page, func(n *html.Node) bool { return n.Data == "label" && attr(n, "for") == id })
	if id == "" || label == nil || strings.TrimSpace(textOf(label)) != p.Label {
		t.Errorf("%s/%s: control id %q has no label reading %q", model, p.ID, id, p.Label)
	}
	checkKind(t, model, c, p)

	errID := id + "-error"
	if !slices.Contains(strings.Fields(attr(c, "aria-describedby")), errID) {
		t.Errorf("%s/%s: aria-describedby %q lacks %q", model, p.ID, attr(c, "aria-describedby"), errID)
	}
	e := find(form, func(n *html.Node) bool { return attr(n, "id") == errID })
	if e == nil || attr(e, "data-testid") != "error-"+p.ID || textOf(e) != "" {
		t.Errorf("%s/%s: no empty error element id=%q data-testid=%q in the form",
			model, p.ID, errID, "error-"+p.ID)
	}
}

// checkKind checks that the control suits the predictor's type.
func checkKind(t *testing.T, model string, c *html.Node, p scoring.PredictorDescription) {
	t.Helper()
	var got, want string
	switch p.Type {
	case scoring.TypeLevel:
		var opts []string
		walk(c, func(n *html.Node) {
			if n.Data == "option" {
				opts = append(opts, attr(n, "value"))
			}
		})
		want = "select " + levelIDs(p)
		got = c.Data + " " + strings.Join(opts, ",")
	case scoring.TypeDate:
		want, got = "input date", c.Data+" "+attr(c, "type")
	case scoring.TypeCount:
		want, got = "input text numeric", c.Data+" "+attr(c, "type")+" "+attr(c, "inputmode")
	default:
		want, got = "input text decimal", c.Data+" "+attr(c, "type")+" "+attr(c, "inputmode")
	}
	if got != want {
		t.Errorf("%s/%s (%s): control is %q, want %q", model, p.ID, p.Type, got, want)
	}
}

// levelIDs lists "" (the choose option) and the predictor's level ids, comma-joined.
func levelIDs(p scoring.PredictorDescription) string {
	ids := []string{""}
	for _, l := range p.Levels {
		ids = append(ids, l.ID)
	}
	return strings.Join(ids, ",")
}

// TestPageHead checks the document's language, character set, policy and scripts:
// no script runs from the page itself, and no attribute holds script or style.
func TestPageHead(t *testing.T) {
	page := parse(t, render(t, Index(builtinPage(t))))
	root := find(page, func(n *html.Node) bool { return n.Data == "html" })
	if attr(root, "lang") != "en" {
		t.Errorf("html lang = %q, want en", attr(root, "lang"))
	}
	policy := find(page, func(n *html.Node) bool {
		return n.Data == "meta" && attr(n, "http-equiv") == "Content-Security-Policy"
	})
	if policy == nil || attr(policy, "content") != csp {
		t.Errorf("no Content-Security-Policy meta with %q", csp)
	}
	if find(page, func(n *html.Node) bool { return n.Data == "meta" && attr(n, "charset") != "" }) == nil {
		t.Errorf("no meta charset")
	}
	var srcs []string
	walk(page, func(n *html.Node) {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
				t.Errorf("<%s %s=%q>: inline script or style", n.Data, a.Key, a.Val)
			}
		}
		if n.Type != html.ElementNode || n.Data != "script" {
			return
		}
		switch {
		case attr(n, "src") != "" && hasAttr(n, "defer"):
			srcs = append(srcs, attr(n, "src"))
		case attr(n, "type") == "application/json" && attr(n, "id") == "spiegel-text":
		case attr(n, "type") == "application/json" && attr(n, "id") == "spiegel-demo-cases":
		default:
			t.Errorf("script %v is neither deferred with src nor the JSON text block", n.Attr)
		}
	})
	want := []string{"wasm_exec.js", WasmScript, "words.js", "app.js", "group.js", "explain.js",
		"validate.js", "faults.js", "casefile.js", "report.js"}
	if !slices.Equal(srcs, want) {
		t.Errorf("script sources = %q, want %q", srcs, want)
	}
	result := find(page, func(n *html.Node) bool { return attr(n, "data-testid") == "result" })
	if result == nil || attr(result, "aria-live") != "polite" {
		t.Errorf("no result region with aria-live=polite")
	}
}

// TestTextForScript checks that the JSON text block holds every message the page's
// scripts read (a non-empty string, or an object of more text), including the unit words of every built-in horizon and the names
// of every group's populations and outcomes.
func TestTextForScript(t *testing.T) {
	page := parse(t, render(t, Index(builtinPage(t))))
	block := find(page, func(n *html.Node) bool { return attr(n, "id") == "spiegel-text" })
	var got map[string]any
	if err := json.Unmarshal([]byte(textOf(block)), &got); err != nil {
		t.Fatalf("text block: %v", err)
	}
	checkScriptKeys(t, "assets/explain.js", `\btx\.([a-z0-9_]+)`, got["explain"])
	checkScriptKeys(t, "assets/explain.js", `\bpage\.text\.([a-z0-9_]+)`, map[string]any(got))
	keys := map[string]bool{}
	scripts := []string{"assets/app.js", "assets/words.js", "assets/group.js", "assets/validate.js",
		"assets/faults.js"}
	for _, name := range scripts {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`\btext\.([a-z0-9_]+)`).FindAllStringSubmatch(string(src), -1) {
			keys[m[1]] = true
		}
	}
	cat, _ := scoring.Builtin()
	for _, g := range cat.Groups() {
		for _, mb := range g.Definition().Members {
			keys["population_"+mb.Population], keys["outcome_"+mb.Outcome] = true, true
		}
	}
	for _, m := range cat.Models() {
		for _, h := range m.Describe().Horizons {
			keys["unit_"+h.Unit], keys["unit_"+h.Unit+"s"] = true, true
		}
	}
	for k := range keys {
		v, ok := got[k]
		if s, isString := v.(string); !ok || (isString && s == "") {
			t.Errorf("a script reads text.%s, which the text block lacks", k)
		}
	}
}

// checkScriptKeys checks that the object block of the text block holds a non-empty
// string (or an object of more text) for every key the script at name reads through
// the pattern's first group.
func checkScriptKeys(t *testing.T, name, pattern string, block any) {
	t.Helper()
	obj, _ := block.(map[string]any)
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	found := regexp.MustCompile(pattern).FindAllStringSubmatch(string(src), -1)
	if len(found) == 0 {
		t.Errorf("%s reads no text through %s", name, pattern)
	}
	for _, m := range found {
		if _, nested := obj[m[1]].(map[string]any); nested {
			continue
		}
		if s, _ := obj[m[1]].(string); s == "" {
			t.Errorf("%s reads %s, which the text block lacks", name, m[0])
		}
	}
}

// TestExplainTextComplete checks that no explanation message is empty in either
// language, and that both languages keep the same placeholders.
func TestExplainTextComplete(t *testing.T) {
	checkNoEmpty(t, "explainEN", reflect.ValueOf(explainEN))
	checkNoEmpty(t, "explainNL", reflect.ValueOf(explainNL))
	en, nl := reflect.ValueOf(explainEN), reflect.ValueOf(explainNL)
	holder := regexp.MustCompile(`\{[a-z]+\}`)
	for i := range en.NumField() {
		a := holder.FindAllString(en.Field(i).String(), -1)
		b := holder.FindAllString(nl.Field(i).String(), -1)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: placeholders %v in English, %v in Dutch", en.Type().Field(i).Name, a, b)
		}
	}
}

// TestEnglishComplete checks that no English message is empty.
func TestEnglishComplete(t *testing.T) {
	checkNoEmpty(t, "English", reflect.ValueOf(English))
}

// checkNoEmpty reports every empty string field of the struct v, recursively.
func checkNoEmpty(t *testing.T, path string, v reflect.Value) {
	for i := range v.NumField() {
		f, name := v.Field(i), path+"."+v.Type().Field(i).Name
		switch f.Kind() {
		case reflect.String:
			if f.String() == "" {
				t.Errorf("%s is empty", name)
			}
		case reflect.Struct:
			checkNoEmpty(t, name, f)
		}
	}
}

// parse parses an HTML document.
func parse(t *testing.T, s string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return n
}

// walk calls fn for n and each element below it, in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// find returns the first element at or below n for which ok is true, or nil.
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(n, func(e *html.Node) {
		if found == nil && ok(e) {
			found = e
		}
	})
	return found
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key, with or without a value.
func hasAttr(n *html.Node, key string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key })
}

// textOf returns the text below n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}
