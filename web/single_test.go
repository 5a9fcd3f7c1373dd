package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"spiegel/webserve"
)

// builtSite is a built site as make build leaves it, with small stand-ins for the
// engine and Go's loader, and the page's own assets.
func builtSite(t *testing.T) fstest.MapFS {
	t.Helper()
	site := fstest.MapFS{
		WasmFile:       {Data: []byte("\x00asm\x01\x00\x00\x00 engine")},
		StudioWasmFile: {Data: []byte("\x00asm\x01\x00\x00\x00 whole engine")},
		"wasm_exec.js": {Data: []byte("\"use strict\";\nglobalThis.Go = class {};\n")},
	}
	entries, err := fs.ReadDir(Assets(), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(Assets(), e.Name())
		if err != nil {
			t.Fatal(err)
		}
		site[e.Name()] = &fstest.MapFile{Data: data}
	}
	return site
}

// renderSingle renders the built-in page as a single file from site.
func renderSingle(t *testing.T, site fstest.MapFS) ([]byte, Bundle) {
	t.Helper()
	doc, b, err := RenderSingle(context.Background(), builtinPage(t), site, EnglishSingle)
	if err != nil {
		t.Fatalf("RenderSingle: %v", err)
	}
	return doc, b
}

// TestSingleFileInlinesEverything checks the single file as a browser parses it:
// nothing loaded from elsewhere, each script and stylesheet of the page inline and
// byte for byte the site's file, the engine in base64, and a policy that admits
// exactly those inline texts by hash, connects nowhere and runs nothing else.
func TestSingleFileInlinesEverything(t *testing.T) {
	site := builtSite(t)
	doc, _ := renderSingle(t, site)
	page := parse(t, string(doc))

	var scripts, styles []string
	walk(page, func(n *html.Node) {
		switch {
		case hasAttr(n, "src"), n.Data == "link" && attr(n, "rel") != "icon":
			t.Errorf("<%s> still loads %q", n.Data, attr(n, "src")+attr(n, "href"))
		case n.Data == "script" && attr(n, "id") == wasmBlockID:
			if got, err := base64.StdEncoding.DecodeString(textOf(n)); err != nil ||
				!bytes.Equal(got, site[StudioWasmFile].Data) {
				t.Errorf("engine block decodes to %q (%v), want the site's %s", got, err,
					StudioWasmFile)
			}
		case n.Data == "script" && isJS(attr(n, "type")):
			scripts = append(scripts, textOf(n))
		case n.Data == "style":
			styles = append(styles, textOf(n))
		}
	})
	if len(scripts) < 2 || scripts[0] != string(site["wasm_exec.js"].Data) ||
		!slices.Contains(scripts, string(site["app.js"].Data)) ||
		!slices.Contains(scripts, string(site["faults.js"].Data)) {
		t.Errorf("inline scripts are not wasm_exec.js first, then app.js and faults.js among the rest")
	}
	wantStyles := []string{"style.css", "validate.css", "faults.css", "report.css"}
	if len(styles) != len(wantStyles) {
		t.Errorf("inline styles: %d, want %q", len(styles), wantStyles)
	}
	for i, name := range wantStyles {
		if i < len(styles) && styles[i] != string(site[name].Data) {
			t.Errorf("inline style %d is not %s", i, name)
		}
	}
	checkSingleCSP(t, page, scripts, styles)
}

// checkSingleCSP checks the policy in the page's meta element.
func checkSingleCSP(t *testing.T, page *html.Node, scripts, styles []string) {
	t.Helper()
	meta := find(page, func(n *html.Node) bool {
		return n.Data == "meta" && attr(n, "http-equiv") == "Content-Security-Policy"
	})
	if meta == nil {
		t.Fatal("no CSP meta element")
	}
	policy := map[string][]string{}
	for _, d := range strings.Split(attr(meta, "content"), ";") {
		f := strings.Fields(d)
		policy[f[0]] = f[1:]
	}
	want := map[string][]string{
		"default-src": {"'none'"}, "connect-src": {"'none'"}, "img-src": {"data:"},
		"base-uri": {"'none'"}, "form-action": {"'none'"},
		"script-src": {"'wasm-unsafe-eval'"}, "style-src": nil,
	}
	for _, s := range scripts {
		want["script-src"] = append(want["script-src"], CSPHash(s))
	}
	for _, s := range styles {
		want["style-src"] = append(want["style-src"], CSPHash(s))
	}
	for k, v := range want {
		got := slices.Sorted(slices.Values(policy[k]))
		if !slices.Equal(got, slices.Sorted(slices.Values(v))) {
			t.Errorf("CSP %s = %q, want %q", k, got, v)
		}
	}
	if len(policy) != len(want) {
		t.Errorf("CSP has directives %v, want exactly %v", policy, want)
	}
}

// TestSingleFileBundle checks the bundle: the manifest is what sha256sum prints
// for the inlined files in name order (every file of the site but the calculator's
// engine, which the whole engine contains), the hash is that of the manifest, and
// the page shows it.
func TestSingleFileBundle(t *testing.T) {
	site := builtSite(t)
	doc, b := renderSingle(t, site)

	names := slices.Sorted(func(yield func(string) bool) {
		for name := range site {
			if name != WasmFile && !yield(name) {
				return
			}
		}
	})
	var manifest strings.Builder
	for _, name := range names {
		fmt.Fprintf(&manifest, "%x  %s\n", sha256.Sum256(site[name].Data), name)
	}
	sum := sha256.Sum256([]byte(manifest.String()))
	if b.Manifest != manifest.String() || b.SHA256 != hex.EncodeToString(sum[:]) ||
		!slices.Equal(b.Files, names) {
		t.Errorf("bundle = %+v, want manifest\n%s and its hash %x", b, manifest.String(), sum)
	}
	page := parse(t, string(doc))
	for id, want := range map[string]string{"bundle-sha256": b.SHA256,
		"bundle-manifest": b.Manifest} {
		n := find(page, func(n *html.Node) bool { return attr(n, "data-testid") == id })
		if n == nil || textOf(n) != want {
			t.Errorf("the page's %s is not %q", id, want)
		}
	}

	// The same site gives the same file, so that its published hash can be checked.
	again, _ := renderSingle(t, site)
	if !bytes.Equal(doc, again) {
		t.Error("two renderings of the same site differ")
	}
}

// TestSingleFileRefuses checks what cannot be inlined safely or at all.
func TestSingleFileRefuses(t *testing.T) {
	tests := []struct {
		phrase string
		edit   func(fstest.MapFS)
		want   string
	}{
		{"a script that would end its element", func(s fstest.MapFS) {
			s["app.js"] = &fstest.MapFile{Data: []byte("x = '</SCRIPT>';")}
		}, "</script"},
		{"a comment opener in a script", func(s fstest.MapFS) {
			s["wasm_exec.js"] = &fstest.MapFile{Data: []byte("x = '<!--';")}
		}, "<!--"},
		{"carriage returns, which would change the hash", func(s fstest.MapFS) {
			s["style.css"] = &fstest.MapFile{Data: []byte("body {}\r\n")}
		}, `"\r"`},
		{"no engine", func(s fstest.MapFS) { delete(s, StudioWasmFile) }, "make build"},
		{"no loader", func(s fstest.MapFS) { delete(s, "wasm_exec.js") }, "wasm_exec.js"},
	}
	for _, tt := range tests {
		site := builtSite(t)
		tt.edit(site)
		_, _, err := RenderSingle(context.Background(), builtinPage(t), site, EnglishSingle)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: RenderSingle error = %v, want one naming %q", tt.phrase, err, tt.want)
		}
	}
}

// TestPagePolicyMatchesServedHeader checks that the page's own policy and the one
// webserve sends are the same, but for frame-ancestors, which only a header can
// carry: the two are enforced together, so a difference would break the page.
func TestPagePolicyMatchesServedHeader(t *testing.T) {
	page := parse(t, render(t, Index(builtinPage(t))))
	meta := find(page, func(n *html.Node) bool {
		return n.Data == "meta" && attr(n, "http-equiv") == "Content-Security-Policy"
	})
	if meta == nil {
		t.Fatal("no CSP meta element")
	}
	if got := attr(meta, "content") + "; frame-ancestors 'none'"; got != webserve.CSP {
		t.Errorf("page policy + frame-ancestors = %q, want webserve.CSP %q", got, webserve.CSP)
	}
}
