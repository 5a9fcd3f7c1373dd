package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestParseJSONMatchesEncodingJSON reads random texts made of JSON's pieces (and
// some that are not) with parseJSON and with encoding/json, and requires the same
// verdict and, for valid texts, the same values: strings unescaped alike (escapes,
// surrogate pairs, lone surrogates, invalid UTF-8), numbers with the same text.
// Duplicate keys, which parseJSON refuses on purpose, are left out.
func TestParseJSONMatchesEncodingJSON(t *testing.T) {
	pieces := []string{"{", "}", "[", "]", ",", ":", `"a"`, `"b"`, `"\u00e9"`, `"\ud83d\ude00"`,
		`"\ud83d"`, `"\ude00x"`, `"\n\t\"\\\/"`, "\"\xff\"", `"\x"`, "0", "-1", "1.5e3", "01",
		"1.", ".5", "-", "1e", "true", "false", "null", "nul", " ", "\n", "\t", `"`, "x"}
	r := rand.New(rand.NewPCG(9, 10))
	n := 200000
	if runtime.GOARCH == "wasm" {
		n = 20000
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := r.IntN(9); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := []byte(b.String())
		node, err := parseJSON(text)
		if errors.Is(err, errDuplicateKey) {
			continue
		}
		if (err == nil) != json.Valid(text) {
			t.Fatalf("parseJSON(%q) error = %v, json.Valid = %v", text, err, json.Valid(text))
		}
		if err != nil {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if got := nodeValue(&node); !reflect.DeepEqual(got, want) {
			t.Fatalf("parseJSON(%q) = %#v, encoding/json = %#v", text, got, want)
		}
	}
}

// nodeValue converts a node to what encoding/json decodes into an any with UseNumber.
func nodeValue(n *jsonNode) any {
	switch n.kind {
	case jsonBool:
		return n.text == "true"
	case jsonNumber:
		return json.Number(n.text)
	case jsonString:
		return n.text
	case jsonArray:
		out := []any{}
		for i := range n.elems {
			out = append(out, nodeValue(&n.elems[i]))
		}
		return out
	case jsonObject:
		out := map[string]any{}
		for i, k := range n.keys {
			out[k] = nodeValue(&n.elems[i])
		}
		return out
	}
	return nil
}
