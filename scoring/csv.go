package scoring

import (
	"errors"
	"io"
	"strconv"
)

// csvReader reads comma-separated records (RFC 4180) as encoding/csv's Reader does
// with its defaults, which ReadCohort used: fields may be quoted, "" in a quoted
// field is one quote, a quoted field may span lines, \r\n ends a line as \n does,
// empty lines are skipped, and every record must have as many fields as the first.
// It exists because encoding/csv formats its errors with package fmt, which would
// bring fmt, os and reflect into the WebAssembly engine; the tests compare the two.
type csvReader struct {
	data      []byte
	at        int
	line      int // the line at data[at], from 1
	lineStart int // the offset in data where that line starts
	fields    int // fields per record, from the first record; 0 before it
	recLine   int // the line the last record started on
}

// csvError is a record that could not be read, as encoding/csv's ParseError: the
// line the record started on, the line and column (in bytes, from 1) of the error,
// and the reason.
type csvError struct {
	StartLine, Line, Column int
	Err                     error
}

// Error words the error as encoding/csv's ParseError does.
func (e *csvError) Error() string {
	if e.Err == errFieldCount {
		return "record on line " + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	at := "parse error on line " + strconv.Itoa(e.Line) + ", column " +
		strconv.Itoa(e.Column) + ": " + e.Err.Error()
	if e.StartLine != e.Line {
		return "record on line " + strconv.Itoa(e.StartLine) + "; " + at
	}
	return at
}

func (e *csvError) Unwrap() error { return e.Err }

// problem words the error for the person who wrote the file, without the line,
// which the caller reports with the row.
func (e *csvError) problem() string {
	col := " (column " + strconv.Itoa(e.Column) + ")"
	switch e.Err {
	case errBareQuote:
		return "a quote inside an unquoted field" + col
	case errQuote:
		return "text after a closing quote" + col
	case errUnclosed:
		return "a quoted field is not closed before the end of the file"
	}
	return e.Err.Error()
}

// The reasons a record is refused, worded as encoding/csv words them.
var (
	errFieldCount = errors.New("wrong number of fields")
	errBareQuote  = errors.New("bare \" in non-quoted-field")
	errQuote      = errors.New("extraneous or missing \" in quoted-field")
	// errUnclosed is errQuote (encoding/csv's words) when the data end inside quotes.
	errUnclosed = errors.New(errQuote.Error())
)

// newCSVReader reads records from data.
func newCSVReader(data []byte) *csvReader {
	return &csvReader{data: data, line: 1}
}

// FieldPos returns the line the last record started on (column unused, 0).
func (r *csvReader) FieldPos(int) (int, int) { return r.recLine, 0 }

// Read returns the next record; errEOF after the last. A record with the wrong number
// of fields is returned with a *csvError; a record with broken quoting gives only the
// *csvError, and reading goes on at the next line.
func (r *csvReader) Read() ([]string, error) {
	r.skipEmptyLines()
	if r.at >= len(r.data) {
		return nil, errEOF
	}
	r.recLine = r.line
	var record []string
	var err *csvError
	for {
		field, last, e := r.field()
		if e != nil {
			err = e
			r.skipLine()
			break
		}
		record = append(record, field)
		if last {
			break
		}
	}
	switch {
	case r.fields == 0:
		r.fields = len(record)
	case err == nil && len(record) != r.fields:
		err = &csvError{StartLine: r.recLine, Line: r.recLine, Column: 1, Err: errFieldCount}
	}
	if err != nil {
		return record, err
	}
	return record, nil
}

// errEOF ends the records.
var errEOF = io.EOF

// fail is a parse error at offset at of the current line.
func (r *csvReader) fail(at int, err error) *csvError {
	return &csvError{StartLine: r.recLine, Line: r.line, Column: at - r.lineStart + 1, Err: err}
}

// newline passes a \n at r.at.
func (r *csvReader) newline() {
	r.at++
	r.line++
	r.lineStart = r.at
}

// skipEmptyLines passes over lines that hold nothing (a bare \r counts as nothing).
func (r *csvReader) skipEmptyLines() {
	for r.at < len(r.data) {
		switch {
		case r.data[r.at] == '\n':
			r.newline()
		case r.data[r.at] == '\r' && (r.at+1 == len(r.data) || r.data[r.at+1] == '\n'):
			r.at++
		default:
			return
		}
	}
}

// skipLine passes the rest of the current line, after a refused record.
func (r *csvReader) skipLine() {
	for r.at < len(r.data) {
		if r.data[r.at] == '\n' {
			r.newline()
			return
		}
		r.at++
	}
}

// endOfLine reports whether the record ends at r.at (end of data, \n or \r\n, or \r
// at the end of data), and passes the line end.
func (r *csvReader) endOfLine() bool {
	switch {
	case r.at >= len(r.data):
		return true
	case r.data[r.at] == '\n':
		r.newline()
		return true
	case r.data[r.at] == '\r' && (r.at+1 == len(r.data) || r.data[r.at+1] == '\n'):
		r.at++
		return r.endOfLine()
	}
	return false
}

// field reads one field and the separator after it; last is true when the record
// ends there.
func (r *csvReader) field() (string, bool, *csvError) {
	if r.at < len(r.data) && r.data[r.at] == '"' {
		return r.quoted()
	}
	start := r.at
	for r.at < len(r.data) {
		c := r.data[r.at]
		if c == ',' {
			f := string(r.data[start:r.at])
			r.at++
			return f, false, nil
		}
		if c == '\n' || c == '\r' && (r.at+1 == len(r.data) || r.data[r.at+1] == '\n') {
			break
		}
		if c == '"' {
			return "", false, r.fail(r.at, errBareQuote)
		}
		r.at++
	}
	f := string(r.data[start:r.at])
	r.endOfLine()
	return f, true, nil
}

// quoted reads a quoted field whose opening quote is at r.at.
func (r *csvReader) quoted() (string, bool, *csvError) {
	r.at++
	var b []byte
	for r.at < len(r.data) {
		c := r.data[r.at]
		switch {
		case c == '"' && r.at+1 < len(r.data) && r.data[r.at+1] == '"':
			b = append(b, '"')
			r.at += 2
		case c == '"':
			r.at++
			if r.at < len(r.data) && r.data[r.at] == ',' {
				r.at++
				return string(b), false, nil
			}
			if r.endOfLine() {
				return string(b), true, nil
			}
			return "", false, r.fail(r.at-1, errQuote)
		case c == '\r' && r.at+1 < len(r.data) && r.data[r.at+1] == '\n':
			r.at++ // \r\n in a quoted field is read as \n
		case c == '\n':
			b = append(b, c)
			r.newline()
		default:
			b = append(b, c)
			r.at++
		}
	}
	return "", false, r.eofInQuotes()
}

// eofInQuotes is the error for data that end inside a quoted field. encoding/csv
// places it after the last byte of the last line that has any, its newline included
// (a final \r not counted).
func (r *csvReader) eofInQuotes() *csvError {
	end := len(r.data)
	if end > r.lineStart && r.data[end-1] == '\r' {
		end-- // encoding/csv drops a \r before the end of the data
	}
	e := r.fail(end, errUnclosed)
	if end == r.lineStart && r.line > r.recLine {
		prev := r.lineStart - 1
		for prev > 0 && r.data[prev-1] != '\n' {
			prev--
		}
		e.Line, e.Column = r.line-1, r.lineStart-prev+1
		if r.lineStart >= 2 && r.data[r.lineStart-2] == '\r' {
			e.Column-- // \r\n counts as one byte, as encoding/csv reads it
		}
	}
	return e
}
