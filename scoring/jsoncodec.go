package scoring

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// The helpers below read and write JSON's basic values for jsonschema.go. They follow
// encoding/json's rules (field names matched exactly, else ignoring case; null leaves
// a value as it is; omitempty; map keys in order; floats as it writes them), which
// the tests check by comparing with encoding/json.

// jsonDecoder reads nodes into Go values. Lax decoders ignore unknown fields, as
// json.Unmarshal does; strict ones refuse them, as DisallowUnknownFields does.
type jsonDecoder struct{ lax bool }

// unknown refuses an unknown field, unless d is lax.
func (d *jsonDecoder) unknown(path, key string) error {
	if d.lax {
		return nil
	}
	if path == "" {
		return errors.New("json: unknown field " + strconv.Quote(key))
	}
	return errors.New(path + ": unknown field " + strconv.Quote(key))
}

// member is the path of a member: path and key joined by a dot, as encoding/json
// names a field in its errors (array indices are not part of it).
func member(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// typeError reports a value of the wrong kind for goType at path, as encoding/json's
// UnmarshalTypeError does: "path: string is not a valid float64".
func (d *jsonDecoder) typeError(n *jsonNode, path, goType string) error {
	if path == "" {
		path = "document"
	}
	what := [...]string{"null", "bool", "number", "string", "array", "object"}[n.kind]
	if n.kind == jsonNumber && (goType == "int" || goType == "float64") {
		what += " " + n.text
	}
	return errors.New(path + ": " + what + " is not a valid " + goType)
}

// str reads a string.
func (d *jsonDecoder) str(n *jsonNode, path string, v *string, name string) error {
	switch n.kind {
	case jsonNull:
		return nil
	case jsonString:
		*v = n.text
		return nil
	}
	return d.typeError(n, path, name)
}

// text reads a string, or a number as it is written.
func (d *jsonDecoder) text(n *jsonNode, path string, v *string, name string) error {
	if n.kind == jsonNumber {
		*v = n.text
		return nil
	}
	return d.str(n, path, v, name)
}

// bool reads a boolean.
func (d *jsonDecoder) bool(n *jsonNode, path string, v *bool, name string) error {
	switch n.kind {
	case jsonNull:
		return nil
	case jsonBool:
		*v = n.text == "true"
		return nil
	}
	return d.typeError(n, path, name)
}

// float reads a float64; a number beyond its range is refused.
func (d *jsonDecoder) float(n *jsonNode, path string, v *float64, name string) error {
	switch n.kind {
	case jsonNull:
		return nil
	case jsonNumber:
		f, err := strconv.ParseFloat(n.text, 64)
		if err != nil {
			return d.typeError(n, path, name)
		}
		*v = f
		return nil
	}
	return d.typeError(n, path, name)
}

// int reads a whole number written without fraction or exponent.
func (d *jsonDecoder) int(n *jsonNode, path string, v *int, name string) error {
	switch n.kind {
	case jsonNull:
		return nil
	case jsonNumber:
		i, err := strconv.ParseInt(n.text, 10, strconv.IntSize)
		if err != nil {
			return d.typeError(n, path, name)
		}
		*v = int(i)
		return nil
	}
	return d.typeError(n, path, name)
}

// decodeWith parses data (strictly: no duplicate keys, nothing after the value) and
// decodes it with fn; lax decoding ignores unknown fields.
func decodeWith(data []byte, lax bool, fn func(*jsonDecoder, *jsonNode) error) error {
	if len(data) > MaxDocumentBytes {
		return errors.New("document of " + strconv.Itoa(len(data)) + " bytes is larger than " +
			strconv.Itoa(MaxDocumentBytes))
	}
	n, err := parseJSON(data)
	if err == errTrailingData {
		return errors.New("unexpected data after the JSON document")
	}
	if err != nil {
		return err
	}
	return fn(&jsonDecoder{lax: lax}, &n)
}

// jsonWriter appends JSON text to b. The first error (a number JSON cannot hold)
// stays in err and the text is then incomplete.
type jsonWriter struct {
	b          []byte
	err        error
	escapeHTML bool
}

// key writes the separator before a member (none before the first) and the member's
// name, given with its quotes and colon.
func (w *jsonWriter) key(first *bool, quotedName string) {
	if !*first {
		w.b = append(w.b, ',')
	}
	*first = false
	w.b = append(w.b, quotedName...)
}

// sep writes the ',' before every element but the first.
func (w *jsonWriter) sep(i int) {
	if i > 0 {
		w.b = append(w.b, ',')
	}
}

// null writes null.
func (w *jsonWriter) null() { w.b = append(w.b, "null"...) }

// bool writes a boolean.
func (w *jsonWriter) bool(v bool) { w.b = strconv.AppendBool(w.b, v) }

// int writes an integer.
func (w *jsonWriter) int(v int) { w.b = strconv.AppendInt(w.b, int64(v), 10) }

// float writes a float64 as encoding/json does: the shortest decimal that reads back
// exactly, in exponent form below 1e-6 and from 1e21 on, with the exponent's leading
// zero dropped. NaN and infinities are an error, as JSON has no way to write them.
func (w *jsonWriter) float(v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if w.err == nil {
			w.err = errors.New("json: unsupported value: " + strconv.FormatFloat(v, 'g', -1, 64))
		}
		w.b = append(w.b, '0')
		return
	}
	format := byte('f')
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, v, format, -1, 64)
	if n := len(w.b); format == 'e' && n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' &&
		w.b[n-2] == '0' {
		w.b[n-2] = w.b[n-1]
		w.b = w.b[:n-1]
	}
}

// str writes a string as encoding/json does: `"` and `\` escaped, control characters
// as \b \f \n \r \t or \u00XX, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped,
// and <, > and & escaped when escapeHTML is set.
func (w *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!w.escapeHTML || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(append(b, s[start:i]...), `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&15])
			i += size
			start = i
			continue
		}
		i += size
	}
	w.b = append(append(b, s[start:]...), '"')
}

// jsonKeys returns the keys of a map, in no order.
func jsonKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

// indentJSON re-indents compact JSON text as json.MarshalIndent(v, "", indent) lays
// it out: one member or element per line, "key": value, and empty objects and arrays
// kept as {} and [].
func indentJSON(src []byte, indent string) []byte {
	out := make([]byte, 0, len(src)*2)
	depth, inString, escaped := 0, false, false
	newline := func() {
		out = append(out, '\n')
		for i := 0; i < depth; i++ {
			out = append(out, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			out = append(out, c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			out = append(out, c)
		case '{', '[':
			out = append(out, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				out = append(out, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}
