package scoring

import (
	"errors"
	"strconv"
	"strings"
)

// readCSVPopulation reads a header row of input ids, then one case per row. A row
// with the wrong number of fields or broken quoting is listed as bad; reading goes
// on at the next line.
func readCSVPopulation(p *Population, data []byte) error {
	r := &csvReader{data: data, line: 1}
	header, line, err := r.record()
	if err != nil {
		return errors.New("population header (line " + strconv.Itoa(line) + "): " + err.Error())
	}
	if header == nil {
		return errors.New("population: the CSV file is empty")
	}
	if err := checkCSVHeader(header); err != nil {
		return err
	}
	for row := 1; ; row++ {
		fields, line, err := r.record()
		switch {
		case err == nil && fields == nil:
			return nil
		case len(p.Cases)+len(p.Bad) >= MaxPopulation:
			return errTooMany
		case err != nil:
			p.Bad = append(p.Bad, RowError{Row: row, Line: line, Message: err.Error()})
			continue
		case len(fields) != len(header):
			p.Bad = append(p.Bad, RowError{Row: row, Line: line, Message: "row has " +
				strconv.Itoa(len(fields)) + " fields, the header " + strconv.Itoa(len(header))})
			continue
		}
		id, c := csvCase(header, fields)
		p.add(id, c, row, line)
	}
}

// checkCSVHeader trims the column names and refuses an empty or repeated one.
func checkCSVHeader(header []string) error {
	seen := map[string]bool{}
	for i, name := range header {
		name = strings.TrimSpace(name)
		if name == "" || seen[name] {
			return errors.New("population header: column " + strconv.Itoa(i+1) + " (" +
				strconv.Quote(name) + ") is empty or repeated")
		}
		seen[name], header[i] = true, name
	}
	return nil
}

// csvCase is the case of one row: the id column apart, empty cells left out.
func csvCase(header, fields []string) (string, Case) {
	id, c := "", make(Case, len(header))
	for i, name := range header {
		switch {
		case name == "id":
			id = fields[i]
		case fields[i] != "":
			c[name] = fields[i]
		}
	}
	return id, c
}

// csvReader reads RFC 4180 records: fields separated by commas, records by LF or
// CRLF, a field in double quotes holding commas, line breaks and doubled quotes.
// Blank lines are skipped.
type csvReader struct {
	data []byte
	pos  int
	line int
}

// record returns the next record's fields and the line it starts on; nil fields at
// the end of the data. After an error the reader has moved past the broken line.
func (r *csvReader) record() ([]string, int, error) {
	for r.pos < len(r.data) && (r.data[r.pos] == '\n' || r.data[r.pos] == '\r') {
		if r.data[r.pos] == '\n' {
			r.line++
		}
		r.pos++
	}
	start := r.line
	if r.pos >= len(r.data) {
		return nil, start, nil
	}
	var fields []string
	for {
		f, err := r.field()
		if err != nil {
			r.skipLine()
			return nil, start, err
		}
		fields = append(fields, f)
		if !r.take(',') {
			r.endOfRecord()
			return fields, start, nil
		}
	}
}

// field reads one field, quoted or not, up to the next comma or end of record.
func (r *csvReader) field() (string, error) {
	if !r.take('"') {
		end := r.pos
		for end < len(r.data) && !strings.ContainsRune(",\r\n", rune(r.data[end])) {
			if r.data[end] == '"' {
				return "", errors.New("a quote inside an unquoted field")
			}
			end++
		}
		f := string(r.data[r.pos:end])
		r.pos = end
		return f, nil
	}
	var b strings.Builder
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		r.pos++
		switch {
		case c == '"' && r.take('"'):
			b.WriteByte('"')
		case c == '"':
			if r.pos < len(r.data) && !strings.ContainsRune(",\r\n", rune(r.data[r.pos])) {
				return "", errors.New("text after a closing quote")
			}
			return b.String(), nil
		default:
			if c == '\n' {
				r.line++
			}
			b.WriteByte(c)
		}
	}
	return "", errors.New("a quoted field is not closed before the end of the file")
}

// take consumes c if it is next.
func (r *csvReader) take(c byte) bool {
	if r.pos < len(r.data) && r.data[r.pos] == c {
		r.pos++
		return true
	}
	return false
}

// endOfRecord consumes the line break after a record.
func (r *csvReader) endOfRecord() {
	r.take('\r')
	if r.take('\n') {
		r.line++
	}
}

// skipLine moves past the rest of the current line.
func (r *csvReader) skipLine() {
	for r.pos < len(r.data) && r.data[r.pos] != '\n' {
		r.pos++
	}
	r.endOfRecord()
}
