package scoring

import (
	"errors"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// This file reads JSON (RFC 8259) into a small tree without package encoding/json,
// whose reflection adds about 1 MB to the WebAssembly engine. It is strict where
// the package's documents need it: no duplicate keys, nesting at most maxDepth deep,
// nothing after the value. Strings are read as encoding/json reads them: invalid
// UTF-8 and lone surrogates become U+FFFD.

// jsonKind is the kind of a JSON value.
type jsonKind uint8

// The kinds of JSON values.
const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

// jsonNode is one parsed JSON value. Text is a string's value, a number's literal
// text, or "true" or "false"; Keys are an object's member names in document order
// and Elems its member values (an array's elements).
type jsonNode struct {
	kind  jsonKind
	text  string
	keys  []string
	elems []jsonNode
}

// maxDepth bounds the nesting of a document, so that hostile input cannot exhaust the
// stack.
const maxDepth = 64

// errDuplicateKey reports an object that names the same key twice.
var errDuplicateKey = errors.New("duplicate key")

// errTrailingData reports data after the JSON value.
var errTrailingData = errors.New("unexpected data after the JSON value")

// parseJSON reads one JSON value that must fill data (less white space). Errors name
// the JSON path where reading stopped, "$" being the whole document.
func parseJSON(data []byte) (jsonNode, error) {
	p := jsonParser{data: data}
	n, err := p.value(0)
	if err != nil {
		return jsonNode{}, err
	}
	p.space()
	if p.at < len(p.data) {
		return jsonNode{}, errTrailingData
	}
	return n, nil
}

// jsonParser reads data from at. With dupOK, an object may repeat a key. With skip,
// it only checks the text and builds no tree (and allocates nothing); skip implies
// dupOK. Path holds where it is, for errors: the member names and element indices
// from base, the name of the whole ("$" when empty).
type jsonParser struct {
	data  []byte
	at    int
	dupOK bool
	skip  bool
	base  string
	path  []pathStep
}

// pathStep is one step of a JSON path: an object's member or an array's element.
type pathStep struct {
	key   string
	index int
}

// push enters a member (key) or, when key is empty, the element index.
func (p *jsonParser) push(key string, index int) {
	p.path = append(p.path, pathStep{key, index})
}

// pop leaves the innermost member or element.
func (p *jsonParser) pop() { p.path = p.path[:len(p.path)-1] }

// where renders the path, as $.predictors[3].min.
func (p *jsonParser) where() string {
	s := p.base
	if s == "" {
		s = "$"
	}
	for _, st := range p.path {
		if st.key != "" {
			s += "." + st.key
		} else {
			s += "[" + strconv.Itoa(st.index) + "]"
		}
	}
	return s
}

// space skips white space.
func (p *jsonParser) space() {
	for p.at < len(p.data) {
		switch p.data[p.at] {
		case ' ', '\t', '\n', '\r':
			p.at++
		default:
			return
		}
	}
}

// syntaxError describes the byte at p.at, or the end of input.
func (p *jsonParser) syntaxError(context string) error {
	path := p.where()
	if p.at >= len(p.data) {
		return errors.New(path + ": unexpected EOF")
	}
	return errors.New(path + ": invalid character " + quoteChar(p.data[p.at]) + " " + context)
}

// quoteChar renders a byte as encoding/json's syntax errors do.
func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < 0x20 || c >= 0x7f:
		return strconv.QuoteRune(rune(c))
	}
	return "'" + string(rune(c)) + "'"
}

// value reads one value at path.
func (p *jsonParser) value(depth int) (jsonNode, error) {
	if depth > maxDepth {
		return jsonNode{}, errors.New(p.where() + ": nested deeper than " + strconv.Itoa(maxDepth))
	}
	p.space()
	if p.at >= len(p.data) {
		return jsonNode{}, p.syntaxError("")
	}
	switch c := p.data[p.at]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, err := p.str()
		return jsonNode{kind: jsonString, text: s}, err
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if p.literal(lit) {
			if lit == "null" {
				return jsonNode{kind: jsonNull}, nil
			}
			return jsonNode{kind: jsonBool, text: lit}, nil
		}
	}
	return jsonNode{}, p.syntaxError("looking for beginning of value")
}

// literal reads word if it comes next.
func (p *jsonParser) literal(word string) bool {
	if len(p.data)-p.at < len(word) || string(p.data[p.at:p.at+len(word)]) != word {
		return false
	}
	p.at += len(word)
	return true
}

// object reads an object whose '{' is at p.at.
func (p *jsonParser) object(depth int) (jsonNode, error) {
	n := jsonNode{kind: jsonObject}
	p.at++
	p.space()
	if p.at < len(p.data) && p.data[p.at] == '}' {
		p.at++
		return n, nil
	}
	for {
		p.space()
		if p.at >= len(p.data) || p.data[p.at] != '"' {
			return n, p.syntaxError("looking for beginning of object key string")
		}
		key, err := p.str()
		if err != nil {
			return n, err
		}
		for _, k := range n.keys {
			if k == key && !p.dupOK && !p.skip {
				p.push(key, 0)
				return n, errorf("%s: %w", p.where(), errDuplicateKey)
			}
		}
		p.space()
		if p.at >= len(p.data) || p.data[p.at] != ':' {
			return n, p.syntaxError("after object key")
		}
		p.at++
		p.push(key, 0)
		v, err := p.value(depth + 1)
		if err != nil {
			return n, err
		}
		p.pop()
		if !p.skip {
			if n.keys == nil {
				n.keys, n.elems = make([]string, 0, 8), make([]jsonNode, 0, 8)
			}
			n.keys, n.elems = append(n.keys, key), append(n.elems, v)
		}
		if done, err := p.next('}', "after object key:value pair"); done || err != nil {
			return n, err
		}
	}
}

// array reads an array whose '[' is at p.at.
func (p *jsonParser) array(depth int) (jsonNode, error) {
	n := jsonNode{kind: jsonArray}
	p.at++
	p.space()
	if p.at < len(p.data) && p.data[p.at] == ']' {
		p.at++
		return n, nil
	}
	for i := 0; ; i++ {
		p.push("", i)
		v, err := p.value(depth + 1)
		if err != nil {
			return n, err
		}
		p.pop()
		if !p.skip {
			n.elems = append(n.elems, v)
		}
		if done, err := p.next(']', "after array element"); done || err != nil {
			return n, err
		}
	}
}

// next reads the ',' between members or the closing byte, reporting which.
func (p *jsonParser) next(closing byte, context string) (bool, error) {
	p.space()
	if p.at < len(p.data) {
		switch p.data[p.at] {
		case ',':
			p.at++
			return false, nil
		case closing:
			p.at++
			return true, nil
		}
	}
	return false, p.syntaxError(context)
}

// number reads a number, checking the grammar of RFC 8259 §6; the node keeps its text.
func (p *jsonParser) number() (jsonNode, error) {
	start := p.at
	p.accept('-')
	if !p.accept('0') && !p.digits() {
		return jsonNode{}, p.syntaxError("in numeric literal")
	}
	if p.accept('.') && !p.digits() {
		return jsonNode{}, p.syntaxError("after decimal point in numeric literal")
	}
	if p.accept('e') || p.accept('E') {
		if !p.accept('+') {
			p.accept('-')
		}
		if !p.digits() {
			return jsonNode{}, p.syntaxError("in exponent of numeric literal")
		}
	}
	return jsonNode{kind: jsonNumber, text: string(p.data[start:p.at])}, nil
}

// accept reads c if it comes next.
func (p *jsonParser) accept(c byte) bool {
	if p.at < len(p.data) && p.data[p.at] == c {
		p.at++
		return true
	}
	return false
}

// digits reads one or more decimal digits.
func (p *jsonParser) digits() bool {
	start := p.at
	for p.at < len(p.data) && '0' <= p.data[p.at] && p.data[p.at] <= '9' {
		p.at++
	}
	return p.at > start
}

// str reads a string whose '"' is at p.at and returns its value.
func (p *jsonParser) str() (string, error) {
	p.at++
	start := p.at
	for p.at < len(p.data) {
		c := p.data[p.at]
		switch {
		case c == '"':
			s := ""
			if !p.skip {
				s = string(p.data[start:p.at])
			}
			p.at++
			return s, nil
		case c == '\\' || c >= utf8.RuneSelf:
			return p.slowStr(start)
		case c < 0x20:
			return "", p.syntaxError("in string literal")
		}
		p.at++
	}
	return "", p.syntaxError("")
}

// slowStr reads the rest of a string that has escapes or non-ASCII bytes.
func (p *jsonParser) slowStr(start int) (string, error) {
	b := append([]byte(nil), p.data[start:p.at]...)
	for p.at < len(p.data) {
		c := p.data[p.at]
		switch {
		case c == '"':
			p.at++
			return string(b), nil
		case c == '\\':
			var err error
			if b, err = p.escape(b); err != nil {
				return "", err
			}
		case c < 0x20:
			return "", p.syntaxError("in string literal")
		case c < utf8.RuneSelf:
			b = append(b, c)
			p.at++
		default:
			r, size := utf8.DecodeRune(p.data[p.at:])
			b = utf8.AppendRune(b, r) // RuneError for invalid UTF-8
			p.at += size
		}
	}
	return "", p.syntaxError("")
}

// escape reads one escape sequence whose '\' is at p.at and appends its value.
func (p *jsonParser) escape(b []byte) ([]byte, error) {
	p.at++
	if p.at >= len(p.data) {
		return b, p.syntaxError("")
	}
	c := p.data[p.at]
	p.at++
	switch c {
	case '"', '\\', '/':
		return append(b, c), nil
	case 'b':
		return append(b, '\b'), nil
	case 'f':
		return append(b, '\f'), nil
	case 'n':
		return append(b, '\n'), nil
	case 'r':
		return append(b, '\r'), nil
	case 't':
		return append(b, '\t'), nil
	case 'u':
		return p.unicodeEscape(b)
	}
	p.at--
	return b, p.syntaxError("in string escape code")
}

// unicodeEscape reads the four hex digits after `\u` (and a second escape for a
// surrogate pair) and appends the character, U+FFFD for a lone surrogate.
func (p *jsonParser) unicodeEscape(b []byte) ([]byte, error) {
	r, ok := p.hex4()
	if !ok {
		return b, p.syntaxError("in \\u hexadecimal character escape")
	}
	if utf16.IsSurrogate(r) {
		save := p.at
		if p.accept('\\') && p.accept('u') {
			if r2, ok := p.hex4(); ok {
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					return utf8.AppendRune(b, d), nil
				}
			}
		}
		p.at, r = save, utf8.RuneError
	}
	return utf8.AppendRune(b, r), nil
}

// hex4 reads four hexadecimal digits.
func (p *jsonParser) hex4() (rune, bool) {
	if len(p.data)-p.at < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.data[p.at : p.at+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	p.at += 4
	return r, true
}
