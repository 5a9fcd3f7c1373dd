package wasm

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonWriter writes JSON by hand, for the fault demonstration's answers, so that
// this part of the adapter needs neither encoding/json nor fmt. Commas are placed
// by the writer: each value or key after the first in its object or array gets one.
type jsonWriter struct {
	b        []byte
	first    []bool // per open object or array: nothing written in it yet
	afterKey bool   // a key was just written; its value needs no comma
}

// sep writes the comma a new value or key needs.
func (w *jsonWriter) sep() {
	if w.afterKey {
		w.afterKey = false
		return
	}
	if n := len(w.first); n > 0 {
		if !w.first[n-1] {
			w.b = append(w.b, ',')
		}
		w.first[n-1] = false
	}
}

// open starts an object ('{') or array ('[').
func (w *jsonWriter) open(c byte) {
	w.sep()
	w.b = append(w.b, c)
	w.first = append(w.first, true)
}

// close ends the innermost object ('}') or array (']').
func (w *jsonWriter) close(c byte) {
	w.b = append(w.b, c)
	w.first = w.first[:len(w.first)-1]
}

// key writes an object member's name.
func (w *jsonWriter) key(k string) {
	w.sep()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':')
	w.afterKey = true
}

// str writes a string value.
func (w *jsonWriter) str(s string) {
	w.sep()
	w.b = appendJSONString(w.b, s)
}

// num writes a number in the shortest form that reads back exactly; a value that
// is not finite, which JSON cannot hold, becomes null.
func (w *jsonWriter) num(f float64) {
	w.sep()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = strconv.AppendFloat(w.b, f, 'g', -1, 64)
}

// int writes a whole number.
func (w *jsonWriter) int(n int) {
	w.sep()
	w.b = strconv.AppendInt(w.b, int64(n), 10)
}

// bool writes true or false.
func (w *jsonWriter) bool(v bool) {
	w.sep()
	w.b = strconv.AppendBool(w.b, v)
}

// field writes the member k with a string value.
func (w *jsonWriter) field(k, v string) {
	w.key(k)
	w.str(v)
}

// intField writes the member k with a whole-number value.
func (w *jsonWriter) intField(k string, n int) {
	w.key(k)
	w.int(n)
}

// appendJSONString appends s as a JSON string: quotes, backslashes and control
// characters escaped, invalid UTF-8 replaced by U+FFFD, and U+2028 and U+2029
// escaped so that the text is also valid JavaScript.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == '\t':
			b = append(b, '\\', 't')
		case r < 0x20 || r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		case r == utf8.RuneError && size == 1:
			b = append(b, "\\ufffd"...)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
