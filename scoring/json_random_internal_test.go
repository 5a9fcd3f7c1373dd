package scoring

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"
)

// The types json_gen.go describes, as roots: what the JavaScript API writes, what
// the package writes indented, and what it reads.
var (
	randomAPITypes = []any{Record{}, []Summary{}, Description{}, ExplainRecord{},
		[]SweepPoint{}, []NamedNumber{}, FaultSummary{}, VerifyReport{}, VariantRecord{},
		WhatIfRecord{}, ValidationResult{}, ComparisonResult{}, RecalibrationResult{},
		ModelReport{}, PopulationReport{}, []Exchange{}, FaultRunResult{}, VariantComparison{}}
	randomDocTypes = []any{Definition{}, GroupDefinition{}, ParameterFile{}, GoldenFile{},
		ValidateRequest{}}
)

// TestJSONMatchesEncodingJSONOnRandomValues fills every type with random values
// (strings with quotes, control characters, HTML, U+2028 and invalid UTF-8; floats
// at the edges of encoding/json's exponent form; nil and empty slices and maps) and
// requires AppendJSON and marshalIndent to write encoding/json's bytes, and
// decodeStrict to read back what json.Unmarshal reads.
func TestJSONMatchesEncodingJSONOnRandomValues(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	n := 300
	if runtime.GOARCH == "wasm" {
		n = 40
	}
	for i := 0; i < n; i++ {
		for _, root := range randomAPITypes {
			v := randomValue(r, reflect.TypeOf(root), 0)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(v.Interface()); err != nil {
				t.Fatal(err)
			}
			want := bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})
			got, err := AppendJSON(nil, v.Interface())
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("AppendJSON(%T) = %s, %v\nencoding/json: %s", root, got, err, want)
			}
		}
		for _, root := range randomDocTypes {
			checkDocument(t, randomValue(r, reflect.TypeOf(root), 0))
		}
	}
}

// checkDocument compares marshalIndent with json.MarshalIndent and decodeStrict with
// json.Unmarshal for one value.
func checkDocument(t *testing.T, v reflect.Value) {
	t.Helper()
	want, err := json.MarshalIndent(v.Interface(), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	switch v.Interface().(type) {
	case Definition, GoldenFile: // what the package writes
		got, err := marshalIndent(v.Interface())
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("marshalIndent(%s) = %s, %v\nencoding/json: %s", v.Type(), got, err, want)
		}
	}
	wantV, gotV := reflect.New(v.Type()), reflect.New(v.Type())
	if err := json.Unmarshal(want, wantV.Interface()); err != nil {
		t.Fatal(err)
	}
	if err := decodeStrict(want, gotV.Interface()); err != nil {
		t.Fatalf("decodeStrict(%s) error: %v\n%s", v.Type(), err, want)
	}
	if !reflect.DeepEqual(gotV.Interface(), wantV.Interface()) {
		t.Fatalf("decodeStrict(%s) =\n%#v\njson.Unmarshal =\n%#v", v.Type(), gotV.Elem(),
			wantV.Elem())
	}
}

// randomStrings and randomFloats are the values randomValue draws from.
var (
	randomStrings = []string{"", "a", "id_1", `quote " and \ backslash`, "<b>&amp;</b>",
		"tab\tnew\nline\r\x00\x1f\x7f", "\u2028\u2029", "é ñ 日本", "\xff\xfe bad utf-8",
		"\b\f", "Taking & driving away"}
	randomFloats = []float64{0, math.Copysign(0, -1), 1, -2.5, 1e-6, 9.99e-7, 1e-7, 1e20, 1e21,
		1.5e300, 5e-324, math.MaxFloat64, 0.1, 1.0 / 3, 123456789.125}
)

// randomValue returns a random value of t.
func randomValue(r *rand.Rand, t reflect.Type, depth int) reflect.Value {
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.String:
		v.SetString(randomStrings[r.IntN(len(randomStrings))])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Int:
		v.SetInt(int64(r.IntN(2001) - 1000))
	case reflect.Float64:
		f := randomFloats[r.IntN(len(randomFloats))]
		if r.IntN(3) == 0 {
			f = r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
		}
		v.SetFloat(f)
	case reflect.Pointer:
		if r.IntN(3) > 0 {
			v.Set(reflect.New(t.Elem()))
			v.Elem().Set(randomValue(r, t.Elem(), depth+1))
		}
	case reflect.Slice:
		if n := r.IntN(5) - 1; n >= 0 && depth < 6 {
			v.Set(reflect.MakeSlice(t, n, n))
			for i := 0; i < n; i++ {
				v.Index(i).Set(randomValue(r, t.Elem(), depth+1))
			}
		}
	case reflect.Map:
		if n := r.IntN(5) - 1; n >= 0 && depth < 6 {
			v.Set(reflect.MakeMap(t))
			for i := 0; i < n; i++ {
				k := randomStrings[r.IntN(len(randomStrings))]
				v.SetMapIndex(reflect.ValueOf(k), randomValue(r, t.Elem(), depth+1))
			}
		}
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				v.Field(i).Set(randomValue(r, t.Field(i).Type, depth+1))
			}
		}
	}
	return v
}
