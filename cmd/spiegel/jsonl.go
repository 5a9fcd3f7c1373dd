package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"spiegel/scoring"
)

// bom is the UTF-8 byte order mark some editors put at the start of a file.
const bom = "\ufeff"

// scoreJSONL reads one JSON object per line and writes a record per non-blank line.
// A line that cannot be decoded gives an error record naming its line number.
func scoreJSONL(m *scoring.Model, in io.Reader, out *recordWriter) error {
	lines := &lineReader{r: bufio.NewReader(in)}
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

// lineRecord decodes the line just read and returns out's result for it, or an error
// record.
func lineRecord(m *scoring.Model, lines *lineReader, line []byte, out *recordWriter) any {
	if lines.long {
		err := fmt.Errorf("line %d: longer than %d bytes", lines.n, maxLineBytes)
		return scoring.ErrorRecord(m.ID(), "", err)
	}
	id, c, err := scoring.DecodeCase(line)
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
