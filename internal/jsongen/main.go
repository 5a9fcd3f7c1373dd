// Command jsongen writes scoring/json_gen*.go: JSON readers and writers for the
// package's document and record types, without reflection at run time. It looks at
// the types with reflect (here, at build time) and writes a static description of
// each type that follows encoding/json's rules for it, so that the WebAssembly engine
// need not link encoding/json and reflect (about 1 MB). json_gen.go holds the entry
// points and the typed forms; the descriptions go to one file per concept (see
// groups). Run it with
//
//	go generate ./scoring
//
// (which runs it with -tags jsongen: scoring/json_stub.go then stands in for the
// generated file, so that a stale json_gen.go cannot stop its own regeneration)
//
// after changing a type listed below or one they contain; a test in this package
// fails while the file is out of date, and scoring's tests compare the output with
// encoding/json's.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"spiegel/scoring"
)

// What to generate. API types are what scoring.AppendJSON writes (the JavaScript
// API's results); indent types what the package writes as indented documents;
// strict types the documents it reads refusing unknown fields; lax types what
// scoring.DecodeJSON reads ignoring them.
var (
	apiTypes = []any{scoring.Record{}, []scoring.Summary{}, scoring.Description{},
		scoring.ExplainRecord{}, []scoring.SweepPoint{}, []scoring.NamedNumber{},
		scoring.FaultSummary{}, scoring.VerifyReport{}, scoring.VariantRecord{},
		scoring.WhatIfRecord{}, scoring.ValidationResult{}, scoring.ComparisonResult{},
		scoring.RecalibrationResult{}, scoring.ModelReport{}, scoring.PopulationReport{},
		[]scoring.Exchange{}, scoring.FaultRunResult{}, scoring.VariantComparison{}}
	indentTypes = []any{scoring.Definition{}, scoring.GoldenFile{}, scoring.ParameterFile{}}
	strictTypes = []any{scoring.Definition{}, scoring.GroupDefinition{},
		scoring.ParameterFile{}, scoring.GoldenFile{}, scoring.ValidateRequest{}}
	laxTypes = []any{scoring.Fault{}, scoring.SweepRequest{}}
)

// groups sorts the descriptions into files by concept: each file describes its roots
// and every type they contain that an earlier file has not described.
var groups = []struct {
	file, doc string
	roots     []any
}{
	{"json_gen_documents.go", "model definitions, groups of variants, parameter files\n" +
		"// and golden cases",
		[]any{scoring.Definition{}, scoring.GroupDefinition{}, scoring.ParameterFile{},
			scoring.GoldenFile{}}},
	{"json_gen_records.go", "the calculator's answers: scores, descriptions,\n" +
		"// explanations, sweeps, what-if, variants and verification reports",
		[]any{scoring.Record{}, []scoring.Summary{}, scoring.Description{},
			scoring.ExplainRecord{}, []scoring.SweepPoint{}, scoring.SweepRequest{},
			[]scoring.NamedNumber{}, scoring.VerifyReport{}, scoring.VariantRecord{},
			scoring.WhatIfRecord{}, scoring.VariantComparison{}, scoring.ModelReport{}}},
	{"json_gen_studio.go", "the studio's answers and requests: validation,\n" +
		"// recalibration and the fault demonstration",
		[]any{scoring.ValidationResult{}, scoring.ComparisonResult{},
			scoring.RecalibrationResult{}, scoring.ValidateRequest{}, scoring.FaultSummary{},
			scoring.PopulationReport{}, []scoring.Exchange{}, scoring.FaultRunResult{},
			scoring.Fault{}}},
}

func main() {
	dir := flag.String("dir", ".", "folder to write the files to")
	flag.Parse()
	files, err := Generate()
	if err != nil {
		log.Fatal(err)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(*dir, name), src, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// Generate returns the formatted source of each generated file, by file name.
func Generate() (map[string][]byte, error) {
	g := &gen{done: map[reflect.Type]bool{}}
	g.header(`"errors"; "unsafe"`)
	g.p("//go:generate go run -tags jsongen ../internal/jsongen -dir .")
	g.entryPoints()
	files := map[string][]byte{}
	if err := g.flush(files, "json_gen.go"); err != nil {
		return nil, err
	}
	// The entry points named the roots; each group now describes what it reaches.
	g.done, g.todo = map[reflect.Type]bool{}, nil
	for _, grp := range groups {
		g.header(`"unsafe"`)
		g.p("// The descriptions of %s,", grp.doc)
		g.p("// and of every type they contain that an earlier file does not describe.")
		g.p("var (")
		for _, x := range grp.roots {
			g.desc(reflect.TypeOf(x))
		}
		for len(g.todo) > 0 {
			t := g.todo[0]
			g.todo = g.todo[1:]
			g.describe(t)
		}
		g.p(")")
		if err := g.flush(files, grp.file); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// flush formats what has been written as the file name and starts a new one.
func (g *gen) flush(files map[string][]byte, name string) error {
	src, err := format.Source(g.buf.Bytes())
	if err != nil {
		return fmt.Errorf("format generated %s: %w", name, err)
	}
	files[name] = src
	g.buf.Reset()
	return nil
}

// gen accumulates the file.
type gen struct {
	buf  bytes.Buffer
	done map[reflect.Type]bool
	todo []reflect.Type
}

func (g *gen) p(format string, args ...any) { fmt.Fprintf(&g.buf, format+"\n", args...) }

// header starts a file that imports imports.
func (g *gen) header(imports string) {
	g.p("// Code generated by internal/jsongen; DO NOT EDIT.")
	g.p("")
	g.p("//go:build !jsongen")
	g.p("")
	g.p("package scoring")
	g.p("")
	g.p("import (%s)", imports)
	g.p("")
}

// entryPoints writes AppendJSON, DecodeJSON, decodeStrict and marshalIndent, and the
// JSON form of each of their types.
func (g *gen) entryPoints() {
	g.p("")
	g.p("// AppendJSON appends v encoded as encoding/json's Encoder encodes it with")
	g.p("// SetEscapeHTML(false), less the final newline. v is one of the types below; any")
	g.p("// other type, and a number JSON cannot hold (NaN, an infinity), is an error; b is")
	g.p("// then returned as it was.")
	g.p("func AppendJSON(b []byte, v any) ([]byte, error) {")
	g.p("w := &jsonWriter{b: b}")
	g.p("switch v := v.(type) {")
	for _, x := range apiTypes {
		t := reflect.TypeOf(x)
		g.p("case %s: w.write(%s, unsafe.Pointer(&v))", goType(t), g.desc(t))
		if t.Kind() == reflect.Struct {
			g.p("case *%s: if v == nil { w.null() } else { w.write(%s, unsafe.Pointer(v)) }",
				goType(t), g.desc(t))
		}
	}
	g.p(`default: return b, errors.New("AppendJSON: cannot encode this type")`)
	g.p("}")
	g.p("if w.err != nil { return b, w.err }")
	g.p("return w.b, nil")
	g.p("}")

	g.p("")
	g.p("// marshalIndent is json.MarshalIndent(v, \"\", \" \") for the package's documents.")
	g.p("func marshalIndent(v any) ([]byte, error) {")
	g.p("w := &jsonWriter{escapeHTML: true}")
	g.p("switch v := v.(type) {")
	for _, x := range indentTypes {
		t := reflect.TypeOf(x)
		g.p("case %s: w.write(%s, unsafe.Pointer(&v))", goType(t), g.desc(t))
		g.p("case *%s: w.write(%s, unsafe.Pointer(v))", goType(t), g.desc(t))
	}
	g.p(`default: return nil, errors.New("marshalIndent: cannot encode this type")`)
	g.p("}")
	g.p("if w.err != nil { return nil, w.err }")
	g.p(`return indentJSON(w.b, " "), nil`)
	g.p("}")

	g.forms()

	g.decodeEntry("decodeStrict", false, strictTypes,
		"decodeStrict decodes one JSON document into v, refusing unknown fields, duplicate\n"+
			"// keys, nesting deeper than maxDepth, trailing data and documents over\n"+
			"// MaxDocumentBytes. Errors name the JSON path.")
	g.decodeEntry("DecodeJSON", true, laxTypes,
		"DecodeJSON decodes one JSON document into v as json.Unmarshal does, ignoring\n"+
			"// unknown fields but refusing duplicate keys, nesting deeper than 64 and trailing\n"+
			"// data. v is a pointer to one of the types below.")
}

// forms writes one JSON value per type: exported for AppendJSON's and DecodeJSON's
// types, unexported for the documents, so that a program that names only some of
// them links only their descriptions (AppendJSON's switch links them all).
func (g *gen) forms() {
	g.p("")
	g.p("// The JSON forms of AppendJSON's and DecodeJSON's types, and of the documents that")
	g.p("// decodeStrict reads.")
	g.p("var (")
	seen := map[reflect.Type]bool{}
	for _, list := range [][]any{apiTypes, laxTypes, strictTypes} {
		for _, x := range list {
			t := reflect.TypeOf(x)
			if seen[t] {
				continue
			}
			seen[t] = true
			name := mangle(t) + "JSON"
			if !isIn(apiTypes, t) && !isIn(laxTypes, t) {
				name = strings.ToLower(name[:1]) + name[1:]
			}
			g.p("%s = JSON[%s]{%s}", name, goType(t), g.desc(t))
		}
	}
	g.p(")")
}

// isIn reports whether list holds a value of type t.
func isIn(list []any, t reflect.Type) bool {
	for _, x := range list {
		if reflect.TypeOf(x) == t {
			return true
		}
	}
	return false
}

func (g *gen) decodeEntry(name string, lax bool, types []any, doc string) {
	g.p("")
	g.p("// %s", doc)
	g.p("func %s(data []byte, v any) error {", name)
	g.p("return decodeWith(data, %v, func(d *jsonDecoder, n *jsonNode) error {", lax)
	g.p("switch v := v.(type) {")
	for _, x := range types {
		t := reflect.TypeOf(x)
		g.p(`case *%s: return d.read(%s, n, "", unsafe.Pointer(v))`, goType(t), g.desc(t))
	}
	g.p("}")
	g.p(`return errors.New("%s: cannot decode into this type")`, name)
	g.p("})")
	g.p("}")
}

// goType is t as written in package scoring.
func goType(t reflect.Type) string {
	return strings.ReplaceAll(t.String(), "scoring.", "")
}

// mangle names a type for a variable name.
func mangle(t reflect.Type) string {
	if t.Name() != "" {
		return strings.ToUpper(t.Name()[:1]) + t.Name()[1:]
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "Ptr" + mangle(t.Elem())
	case reflect.Slice:
		return "Slice" + mangle(t.Elem())
	case reflect.Map:
		return "Map" + mangle(t.Elem())
	}
	panic("jsongen: cannot name " + t.String())
}

// desc returns the expression for t's description, queuing it to be written.
func (g *gen) desc(t reflect.Type) string {
	if t.PkgPath() == "" {
		switch t.Kind() {
		case reflect.String:
			return "&jsonTypeString"
		case reflect.Bool:
			return "&jsonTypeBool"
		case reflect.Int:
			return "&jsonTypeInt"
		case reflect.Float64:
			return "&jsonTypeFloat"
		}
	}
	if !g.done[t] {
		g.done[t] = true
		g.todo = append(g.todo, t)
	}
	return "&jt" + mangle(t)
}

// describe writes the variable that describes t, as a composite literal that the
// compiler lays out as static data.
func (g *gen) describe(t reflect.Type) {
	name := "jt" + mangle(t)
	if t == reflect.TypeOf(scoring.NumberOrText("")) {
		g.p("%s = jsonType{kind: jtText, name: %q}", name, t.String())
		return
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Float64:
		kind := map[reflect.Kind]string{reflect.String: "jtString", reflect.Bool: "jtBool",
			reflect.Int: "jtInt", reflect.Float64: "jtFloat"}[t.Kind()]
		g.p("%s = jsonType{kind: %s, name: %q}", name, kind, t.String())
	case reflect.Pointer:
		g.p("%s = jsonType{kind: jtPtr, name: %q, elem: %s, newElem: jsonNew[%s]}", name,
			t.String(), g.desc(t.Elem()), goType(t.Elem()))
	case reflect.Slice:
		e := goType(t.Elem())
		g.p("%s = jsonType{kind: jtSlice, name: %q, elem: %s, size: unsafe.Sizeof(*new(%s)), "+
			"makeSlice: jsonMakeSlice[%s]}", name, t.String(), g.desc(t.Elem()), e, e)
	case reflect.Map:
		if t.Key().Kind() != reflect.String || t.Key().PkgPath() != "" {
			panic("jsongen: map key " + t.Key().String())
		}
		e := goType(t.Elem())
		g.p("%s = jsonType{kind: jtMap, name: %q, elem: %s, newElem: jsonNew[%s], "+
			"mapKeys: jsonMapKeys[%s], mapGet: jsonMapGet[%s], mapSet: jsonMapSet[%s], "+
			"mapLen: jsonMapLen[%s], mapMake: jsonMapMake[%s]}",
			name, t.String(), g.desc(t.Elem()), e, e, e, e, e, e)
	case reflect.Struct:
		g.p("%s = jsonType{kind: jtStruct, name: %q, fields: []jsonField{", name, t.String())
		for _, f := range fields(t, "") {
			g.p("{key: %q, name: %q, off: unsafe.Offsetof(%s{}.%s), t: %s, omit: %v},",
				fmt.Sprintf("%q:", f.name), f.name, goType(t), promoted(f.sel), g.desc(f.t),
				f.omitEmpty)
		}
		g.p("}}")
	default:
		panic("jsongen: cannot describe " + t.String())
	}
}

// promoted is the last part of a selector: unsafe.Offsetof(T{}.F) with F promoted
// from an embedded struct is F's offset in T, while T{}.E.F would be its offset in E.
func promoted(sel string) string {
	return sel[strings.LastIndex(sel, ".")+1:]
}

// field is one JSON member of a struct: its name, whether it is omitted when empty,
// and the Go selector from the struct value (through embedded structs).
type field struct {
	name      string
	omitEmpty bool
	sel       string
	t         reflect.Type
}

// fields lists a struct's JSON members in encoding/json's order, embedded structs'
// members in place.
func fields(t reflect.Type, prefix string) []field {
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			out = append(out, fields(f.Type, prefix+f.Name+".")...)
			continue
		}
		if opts != "" && opts != "omitempty" {
			panic("jsongen: option " + opts + " of " + t.String() + "." + f.Name)
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, field{name, opts == "omitempty", prefix + f.Name, f.Type})
	}
	seen := map[string]bool{}
	for _, f := range out {
		if seen[f.name] {
			panic("jsongen: two fields named " + f.name + " in " + t.String())
		}
		seen[f.name] = true
	}
	return out
}
