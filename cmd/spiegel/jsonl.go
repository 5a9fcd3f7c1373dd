package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"spiegel/scoring"
)

// bom is the UTF-8 byte order mark some editors put at the start of a file.
const bom = "\ufeff"

// maxArrayBytes is the largest JSON array of cases read (256 MiB): an array is read
// whole, unlike JSON lines.
const maxArrayBytes = 256 << 20

// maxArrayCases is the most cases one JSON array may hold.
const maxArrayCases = 10_000_000

// scoreJSONL reads one JSON object per line and writes a record per non-blank line.
// A line that cannot be decoded gives an error record naming its line number. Input
// whose first character (after a byte order mark and white space) is "[" is one
// JSON array of case objects instead, read by scoreArray.
func scoreJSONL(m *scoring.Model, in io.Reader, out *recordWriter) error {
	br := bufio.NewReaderSize(in, 64<<10)
	if isArray(br) {
		return scoreArray(m, br, out)
	}
	lines := &lineReader{r: br}
	for {
		line, err := lines.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read line %d: %w", lines.n+1, err)
		}
		if lines.n == 1 {
			line = bytes.TrimPrefix(line, []byte(bom))
		}
		if len(bytes.TrimSpace(line)) == 0 && !lines.long {
			continue
		}
		if err := out.write(lineRecord(m, lines, line, out)); err != nil {
			return err
		}
	}
}

// isArray reports whether the buffered input starts, after a byte order mark and
// white space, with "[".
func isArray(br *bufio.Reader) bool {
	head, _ := br.Peek(br.Size())
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte(bom)), " \t\r\n")
	return len(head) > 0 && head[0] == '['
}

// scoreArray reads one JSON array of case objects and writes a record per element,
// in order. An element that cannot be decoded gives an error record naming its
// index (cases[i]); an array that is not well-formed JSON, or is too large, stops the
// run with one error, since its elements cannot be told apart.
func scoreArray(m *scoring.Model, in io.Reader, out *recordWriter) error {
	data, err := io.ReadAll(io.LimitReader(in, maxArrayBytes+1))
	if err != nil {
		return fmt.Errorf("read JSON array: %w", err)
	}
	if len(data) > maxArrayBytes {
		return fmt.Errorf("JSON array: longer than %d bytes; write JSON lines instead",
			maxArrayBytes)
	}
	elems, err := scoring.SplitCases(bytes.TrimPrefix(data, []byte(bom)), maxArrayCases)
	if err != nil {
		return fmt.Errorf("read the input as one JSON array (it starts with \"[\"): %w", err)
	}
	for i, e := range elems {
		var v any
		id, c, err := scoring.DecodeCase(e)
		if !utf8.Valid(e) {
			id, err = "", errNotUTF8 // no id: it could not be given back as written
		}
		if err != nil {
			v = scoring.ErrorRecord(m.ID(), id, fmt.Errorf("cases[%d]: %w", i, err))
		} else {
			v = out.result(m, id, c)
		}
		if err := out.write(v); err != nil {
			return err
		}
	}
	return nil
}

// errNotUTF8 refuses a case with bytes that are not UTF-8 text: decoding would replace
// them with U+FFFD, so that two different ids could come out as the same one.
var errNotUTF8 = errors.New("not valid UTF-8: bytes that are not text (save the file as UTF-8)")

// lineRecord decodes the line just read and returns out's result for it, or an error
// record.
func lineRecord(m *scoring.Model, lines *lineReader, line []byte, out *recordWriter) any {
	if lines.long {
		err := fmt.Errorf("line %d: longer than %d bytes", lines.n, maxLineBytes)
		return scoring.ErrorRecord(m.ID(), "", err)
	}
	id, c, err := scoring.DecodeCase(line)
	if !utf8.Valid(line) {
		id, err = "", errNotUTF8 // no id: it could not be given back as written
	}
	if err != nil {
		return scoring.ErrorRecord(m.ID(), id, fmt.Errorf("line %d: %w", lines.n, err))
	}
	return out.result(m, id, c)
}

// lineReader reads lines, numbering them from 1. It keeps at most maxLineBytes of a
// line: a longer one is read through and dropped, and reported by long.
type lineReader struct {
	r    *bufio.Reader
	n    int    // number of the line last returned
	long bool   // the line last returned was longer than maxLineBytes
	buf  []byte // the line being read
}

// next returns the next line without its line ending ("\n" or "\r\n"), or io.EOF
// after the last line.
func (l *lineReader) next() ([]byte, error) {
	l.buf, l.long = l.buf[:0], false
	for {
		chunk, err := l.r.ReadSlice('\n')
		l.keep(chunk)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && (len(l.buf) > 0 || l.long) {
			err = nil // a last line without a line ending
		}
		if err != nil {
			return nil, err
		}
		l.n++
		line := bytes.TrimSuffix(bytes.TrimSuffix(l.buf, []byte("\n")), []byte("\r"))
		l.long = l.long || len(line) > maxLineBytes
		return line, nil
	}
}

// keep appends a chunk of the current line unless the line is already too long, with
// room for a line ending after maxLineBytes.
func (l *lineReader) keep(chunk []byte) {
	if l.long || len(l.buf)+len(chunk) > maxLineBytes+len("\r\n") {
		l.long, l.buf = true, l.buf[:0]
		return
	}
	l.buf = append(l.buf, chunk...)
}
