package scoring

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
)

// MaxPopulationBytes is the largest population file read (64 MiB).
const MaxPopulationBytes = 64 << 20

// The formats ReadPopulation reads.
const (
	FormatCSV   = "csv"   // a header row of input ids, then one case per row (RFC 4180)
	FormatJSONL = "jsonl" // one JSON object per line; blank lines are skipped
	FormatJSON  = "json"  // one JSON array of objects
)

// ReadPopulation reads the cases of a population file in the given format, or, when
// format is empty, in the format its first character suggests ('[' JSON, '{' JSON
// lines, anything else CSV). A CSV column or JSON member named id is the case's id;
// the others are inputs, passed as they are (an empty CSV cell is left out, so that
// the model reports the input as missing). A record that cannot be read is listed in
// Bad, with its number and line, and left out; the file as a whole is refused only
// when it cannot be read past a point (an unclosed array or quote is reported in Bad
// when it ends the file), has no usable header or holds more than MaxPopulation
// records.
func ReadPopulation(data []byte, format string) (*Population, error) {
	if len(data) > MaxPopulationBytes {
		return nil, errors.New("population file of " + strconv.Itoa(len(data)) +
			" bytes is larger than " + strconv.Itoa(MaxPopulationBytes))
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	if format == "" {
		format = guessFormat(data)
	}
	p := &Population{Format: format}
	var err error
	switch format {
	case FormatCSV:
		err = readCSVPopulation(p, data)
	case FormatJSONL:
		err = readJSONLPopulation(p, data)
	case FormatJSON:
		err = readJSONPopulation(p, data)
	default:
		return nil, errors.New("population format " + strconv.Quote(clip(format)) +
			": want csv, jsonl or json")
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// bom is the UTF-8 byte order mark some editors put at the start of a file.
const bom = "\ufeff"

// guessFormat reads the format from the first non-blank character.
func guessFormat(data []byte) string {
	switch t := bytes.TrimLeft(data, " \t\r\n"); {
	case len(t) > 0 && t[0] == '[':
		return FormatJSON
	case len(t) > 0 && t[0] == '{':
		return FormatJSONL
	}
	return FormatCSV
}

// errTooMany reports a file with more records than MaxPopulation.
var errTooMany = errors.New("population: more than " + strconv.Itoa(MaxPopulation) +
	" cases; split the file")

// addDecoded decodes one JSON record and adds it, or lists it as bad.
func (p *Population) addDecoded(raw []byte, row, line int) error {
	if len(p.Cases)+len(p.Bad) >= MaxPopulation {
		return errTooMany
	}
	id, c, err := DecodeCase(raw)
	if err != nil {
		p.Bad = append(p.Bad, caseRowError(err, id, row, line))
		return nil
	}
	p.add(id, c, row, line)
	return nil
}

// caseRowError lists a record that DecodeCase refused, with the code of the reason.
func caseRowError(err error, id string, row, line int) RowError {
	r := RowError{Row: row, Line: line, ID: id, Message: err.Error(), Code: CodeNotJSON}
	// firstOf, not errors.As, which brings reflection into the WebAssembly engine.
	in, isInput := firstOf[*InputError](err)
	switch {
	case isInput:
		r.Code, r.Related = CodeNotText, in.Predictor
	case errors.Is(err, errCaseNotObject):
		r.Code = CodeNotObject
	case errors.Is(err, errCaseTooLarge):
		r.Code, r.Limit = CodeCaseTooLarge, strconv.Itoa(MaxCaseBytes)
	}
	return r
}

// readJSONLPopulation reads one JSON object per non-blank line.
func readJSONLPopulation(p *Population, data []byte) error {
	row := 0
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		row++
		if err := p.addDecoded(line, row, i+1); err != nil {
			return err
		}
	}
	return nil
}

// readJSONPopulation reads the elements of one JSON array. An element that is not
// a case is listed as bad; text that is not an array, or breaks off, stops the read.
func readJSONPopulation(p *Population, data []byte) error {
	s := &jsonScanner{data: data, line: 1}
	s.space()
	if !s.take('[') {
		return s.fail("population: not a JSON array")
	}
	for row := 1; ; row++ {
		s.space()
		if row == 1 && s.take(']') {
			break
		}
		start, line := s.pos, s.line
		if err := s.value(); err != nil {
			p.Bad = append(p.Bad, RowError{Row: row, Line: line, Message: err.Error(),
				Code: CodeNotJSON})
			return nil
		}
		if err := p.addDecoded(data[start:s.pos], row, line); err != nil {
			return err
		}
		s.space()
		if s.take(']') {
			break
		}
		if !s.take(',') {
			return s.fail("population: want , or ] after element " + strconv.Itoa(row))
		}
	}
	s.space()
	if s.pos != len(data) {
		return s.fail("population: unexpected text after the array")
	}
	return nil
}

// jsonScanner finds the extent of JSON values without decoding them, counting lines;
// DecodeCase checks each element in full.
type jsonScanner struct {
	data []byte
	pos  int
	line int
}

// fail is an error naming the scanner's line.
func (s *jsonScanner) fail(msg string) error {
	return errors.New("line " + strconv.Itoa(s.line) + ": " + msg)
}

// space skips white space.
func (s *jsonScanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '\n':
			s.line++
		case ' ', '\t', '\r':
		default:
			return
		}
		s.pos++
	}
}

// take consumes c if it is next.
func (s *jsonScanner) take(c byte) bool {
	if s.pos < len(s.data) && s.data[s.pos] == c {
		s.pos++
		return true
	}
	return false
}

// value skips one value: a string, an object or array with everything in it, or a
// bare literal up to the next delimiter.
func (s *jsonScanner) value() error {
	if s.pos >= len(s.data) {
		return errors.New("the array is not closed")
	}
	switch s.data[s.pos] {
	case '"':
		return s.str()
	case '{', '[':
		return s.nested()
	}
	for s.pos < len(s.data) && !strings.ContainsRune(",]} \t\r\n", rune(s.data[s.pos])) {
		s.pos++
	}
	return nil
}

// str skips a string, escapes included.
func (s *jsonScanner) str() error {
	for s.pos++; s.pos < len(s.data); s.pos++ {
		switch s.data[s.pos] {
		case '\\':
			s.pos++
		case '\n':
			return errors.New("a string runs past the end of its line")
		case '"':
			s.pos++
			return nil
		}
	}
	return errors.New("a string is not closed")
}

// nested skips an object or array, matching brackets outside strings.
func (s *jsonScanner) nested() error {
	depth := 0
	for s.pos < len(s.data) {
		switch c := s.data[s.pos]; c {
		case '"':
			if err := s.str(); err != nil {
				return err
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case '\n':
			s.line++
		}
		s.pos++
		if depth == 0 {
			return nil
		}
		if depth > maxDepth {
			return errors.New("nested deeper than " + strconv.Itoa(maxDepth))
		}
	}
	return errors.New("an object or array is not closed")
}
