package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The single-file build (make single) is the calculator page rendered by Index, as
// for the site, with every file it loads put inside it, so that it works opened
// from disk with no network at all:
//
//   - each <link rel="stylesheet"> becomes a <style> holding the file;
//   - each <script src> is removed and its file appended, in the same order, as an
//     inline <script> at the end of <body> (inline scripts cannot be deferred, and
//     app.js needs the page above it);
//   - the engine goes before them as a data block, <script
//     type="application/octet-stream" id="spiegel-wasm">, in base64, which app.js
//     reads instead of fetching: the whole engine, StudioWasmFile, so that the
//     studio is there from the start (a file read from disk gains nothing from
//     loading it later);
//   - the page's Content-Security-Policy is replaced by SingleCSP, which admits
//     those inline scripts and styles by their SHA-256 and allows no connection;
//   - the footer shows the bundle SHA-256 (see Bundle).
//
// The files are copied byte for byte, so that each can be checked with sha256sum
// against the site's files.

// WasmFile is the file name of the calculator's engine in the built site, which the
// served page loads (as WasmScript).
const WasmFile = "spiegel.wasm"

// StudioWasmFile is the file name of the whole engine, the calculator's functions
// and the studio's, which the served page loads when the studio is first opened
// (as StudioScript), and which the single file carries.
const StudioWasmFile = "spiegel-studio.wasm"

// wasmBlockID is the id of the data block holding the engine; app.js looks for it.
const wasmBlockID = "spiegel-wasm"

// SingleText is the text the single file adds to the page, per language (see
// SingleTextFor).
type SingleText struct {
	BundleSHA256 string // before the bundle hash
	BundleHow    string // summary of the manifest's disclosure
}

// EnglishSingle is SingleText in English.
var EnglishSingle = SingleText{
	BundleSHA256: "Offline build. SHA-256 of the engine, scripts and styles it contains:",
	BundleHow: "What is hashed: sha256sum of these files of the built site, " +
		"in this order, itself hashed with sha256sum",
}

// DutchSingle is SingleText in Dutch.
var DutchSingle = SingleText{
	BundleSHA256: "Offline versie. SHA-256 van de rekenmodule, scripts en stijlen die ze bevat:",
	BundleHow: "Wat gehasht is: sha256sum van deze bestanden van de gebouwde site, " +
		"in deze volgorde, zelf gehasht met sha256sum",
}

// SingleTextFor returns the SingleText of a language tag, English when there is
// none for it.
func SingleTextFor(lang string) SingleText {
	if lang == Dutch.Lang {
		return DutchSingle
	}
	return EnglishSingle
}

// Bundle describes the files a single file carries. Manifest is what `sha256sum
// NAME...` prints for them, names in byte order, one "HEX  NAME" line each; SHA256
// is the hex SHA-256 of Manifest. So, in the folder of the built site,
//
//	sha256sum app.js spiegel-studio.wasm style.css wasm_exec.js | sha256sum
//
// prints SHA256 (for the files of today's page), which the page shows.
type Bundle struct {
	Files    []string
	Manifest string
	SHA256   string
}

// newBundle hashes the named files of files.
func newBundle(files map[string][]byte) Bundle {
	var b Bundle
	for name := range files {
		b.Files = append(b.Files, name)
	}
	slices.Sort(b.Files)
	var m strings.Builder
	for _, name := range b.Files {
		sum := sha256.Sum256(files[name])
		fmt.Fprintf(&m, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	sum := sha256.Sum256([]byte(m.String()))
	b.Manifest, b.SHA256 = m.String(), hex.EncodeToString(sum[:])
	return b
}

// SingleCSP is the single file's Content-Security-Policy for the hashes of its
// inline scripts and styles (each "'sha256-BASE64'"): nothing may be loaded or
// connected to, only those scripts run, and WebAssembly may compile.
func SingleCSP(scriptHashes, styleHashes []string) string {
	return "default-src 'none'; script-src " + strings.Join(scriptHashes, " ") +
		" 'wasm-unsafe-eval'; style-src " + strings.Join(styleHashes, " ") +
		"; connect-src 'none'; img-src data:; base-uri 'none'; form-action 'none'"
}

// CSPHash returns the CSP source expression that admits an inline script or style
// whose text is s.
func CSPHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// RenderSingle renders the page as one self-contained HTML document, reading the
// files it loads and StudioWasmFile from site, the built site (make build). It returns
// the document and its bundle.
func RenderSingle(ctx context.Context, p Page, site fs.FS, st SingleText) ([]byte, Bundle, error) {
	var buf bytes.Buffer
	if err := Index(p).Render(ctx, &buf); err != nil {
		return nil, Bundle{}, fmt.Errorf("render page: %w", err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		return nil, Bundle{}, fmt.Errorf("parse rendered page: %w", err)
	}
	in := &inliner{site: site, files: map[string][]byte{}}
	b, err := in.inline(doc, st)
	if err != nil {
		return nil, Bundle{}, err
	}
	buf.Reset()
	if err := html.Render(&buf, doc); err != nil {
		return nil, Bundle{}, fmt.Errorf("write single file: %w", err)
	}
	return buf.Bytes(), b, nil
}

// inliner moves the files of a parsed page into it.
type inliner struct {
	site          fs.FS
	files         map[string][]byte // every file inlined, by name
	scripts       []string          // texts of the inline scripts, in page order
	scriptHashes  []string
	styleHashes   []string
	csp, body     *html.Node
	footer        *html.Node
	externalLinks []*html.Node // stylesheets and scripts to inline
}

// inline rewrites doc and returns its bundle.
func (in *inliner) inline(doc *html.Node, st SingleText) (Bundle, error) {
	if err := in.find(doc); err != nil {
		return Bundle{}, err
	}
	for _, n := range in.externalLinks {
		if err := in.replace(n); err != nil {
			return Bundle{}, err
		}
	}
	wasm, err := in.read(StudioWasmFile)
	if err != nil {
		return Bundle{}, err
	}
	in.body.AppendChild(element(atom.Script, base64.StdEncoding.EncodeToString(wasm),
		"type", "application/octet-stream", "id", wasmBlockID))
	for _, s := range in.scripts {
		in.body.AppendChild(element(atom.Script, s))
	}
	b := newBundle(in.files)
	in.footer.AppendChild(bundleInfo(b, st))
	setNodeAttr(in.csp, "content", SingleCSP(in.scriptHashes, in.styleHashes))
	return b, nil
}

// find records the nodes the single file changes, and fails when the page lacks
// one or loads something this build does not know how to inline.
func (in *inliner) find(doc *html.Node) error {
	var errs []error
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch {
		case n.DataAtom == atom.Meta && strings.EqualFold(nodeAttr(n, "http-equiv"),
			"Content-Security-Policy"):
			in.csp = n
		case n.DataAtom == atom.Body:
			in.body = n
		case n.DataAtom == atom.Footer && in.footer == nil:
			in.footer = n
		case n.DataAtom == atom.Link && nodeAttr(n, "rel") == "stylesheet",
			n.DataAtom == atom.Script && nodeHasAttr(n, "src"):
			in.externalLinks = append(in.externalLinks, n)
		case n.DataAtom == atom.Script && isJS(nodeAttr(n, "type")):
			errs = append(errs, errors.New("the page has an inline script without a hash"))
		case nodeHasAttr(n, "src") || (n.DataAtom == atom.Link && nodeAttr(n, "rel") != "icon"):
			errs = append(errs, fmt.Errorf("<%s> loads %q, which is not inlined", n.Data,
				nodeAttr(n, "src")+nodeAttr(n, "href")))
		}
	}
	if in.csp == nil || in.body == nil || in.footer == nil {
		errs = append(errs, errors.New("the page lacks its CSP meta, body or footer"))
	}
	return errors.Join(errs...)
}

// replace inlines one stylesheet link or script element.
func (in *inliner) replace(n *html.Node) error {
	name := nodeAttr(n, "href")
	if n.DataAtom == atom.Script {
		name = nodeAttr(n, "src")
	}
	if n.DataAtom == atom.Script && name == WasmScript {
		n.Parent.RemoveChild(n) // the engine goes in as a data block instead
		return nil
	}
	data, err := in.read(name)
	if err != nil {
		return err
	}
	text := string(data)
	if err := checkRawText(name, text, n.Data); err != nil {
		return err
	}
	if n.DataAtom == atom.Script {
		in.scripts = append(in.scripts, text)
		in.scriptHashes = append(in.scriptHashes, CSPHash(text))
		n.Parent.RemoveChild(n)
		return nil
	}
	in.styleHashes = append(in.styleHashes, CSPHash(text))
	n.Parent.InsertBefore(element(atom.Style, text), n)
	n.Parent.RemoveChild(n)
	return nil
}

// read reads a file of the site by the name the page gives it, relative to the
// page, and records it in the bundle.
func (in *inliner) read(name string) ([]byte, error) {
	if !fs.ValidPath(name) || strings.Contains(name, ":") {
		return nil, fmt.Errorf("cannot inline %q: not a file of the site", name)
	}
	data, err := fs.ReadFile(in.site, name)
	if err != nil {
		return nil, fmt.Errorf("inline %s (run make build first): %w", name, err)
	}
	in.files[name] = data
	return data, nil
}

// checkRawText refuses a file that would not survive as the text of a <script> or
// <style> element: one that could end the element or change how HTML parses it,
// or with carriage returns, which the parser turns into line feeds, so that the
// text the browser hashes would differ from the file.
func checkRawText(name, text, tag string) error {
	lower := strings.ToLower(text)
	for _, bad := range []string{"</" + tag, "<!--", "<script", "\r"} {
		if strings.Contains(lower, bad) {
			return fmt.Errorf("cannot inline %s: it contains %q", name, bad)
		}
	}
	return nil
}

// bundleInfo is the footer's account of the bundle: its SHA-256 and the manifest.
func bundleInfo(b Bundle, st SingleText) *html.Node {
	div := element(atom.Div, "", "class", "bundle")
	p := element(atom.P, st.BundleSHA256+" ")
	p.AppendChild(element(atom.Code, b.SHA256, "data-testid", "bundle-sha256"))
	details := element(atom.Details, "")
	details.AppendChild(element(atom.Summary, st.BundleHow))
	details.AppendChild(element(atom.Pre, b.Manifest, "data-testid", "bundle-manifest"))
	div.AppendChild(p)
	div.AppendChild(details)
	return div
}

// element returns a new element with the given text (if not empty) and attributes,
// given as name, value pairs.
func element(a atom.Atom, text string, attrs ...string) *html.Node {
	n := &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String()}
	for i := 0; i+1 < len(attrs); i += 2 {
		n.Attr = append(n.Attr, html.Attribute{Key: attrs[i], Val: attrs[i+1]})
	}
	if text != "" {
		n.AppendChild(&html.Node{Type: html.TextNode, Data: text})
	}
	return n
}

// nodeAttr returns the value of n's attribute key, or "".
func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeHasAttr reports whether n has the attribute key.
func nodeHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// setNodeAttr sets n's attribute key to val.
func setNodeAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// isJS reports whether a script type attribute makes the script executable
// JavaScript (empty, a JavaScript MIME type or module) rather than a data block.
func isJS(typ string) bool {
	switch strings.ToLower(strings.TrimSpace(typ)) {
	case "", "text/javascript", "application/javascript", "module":
		return true
	}
	return false
}
