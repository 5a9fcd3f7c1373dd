package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"spiegel/scoring"
)

// scoreCSV reads a header row of field names, then one case per row, and writes a
// record per row. A column named id is the case id; the others are passed to the
// model as they are, so that the model warns about those it does not use. A row that
// cannot be read gives an error record naming its line.
func scoreCSV(m *scoring.Model, in io.Reader, out *recordWriter) error {
	r := csv.NewReader(in)
	header, err := readHeader(r)
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return err
	}
	for {
		row, err := r.Read()
		if err == io.EOF {
			return nil
		}
		rec, err := rowRecord(m, r, header, row, err, out)
		if err != nil {
			return err
		}
		if err := out.write(rec); err != nil {
			return err
		}
	}
}

// readHeader reads the field names, refusing a name given twice or one that is not
// UTF-8 text.
func readHeader(r *csv.Reader) ([]string, error) {
	header, err := r.Read()
	if err != nil {
		if err != io.EOF {
			err = fmt.Errorf("read header: %w", err)
		}
		return nil, err
	}
	seen := map[string]bool{}
	for i, name := range header {
		name = strings.TrimSpace(strings.TrimPrefix(name, bom))
		switch {
		case !utf8.ValidString(name):
			return nil, fmt.Errorf("header: column %d: %w", i+1, errNotUTF8)
		case seen[name]:
			return nil, fmt.Errorf("header: column %q appears twice", scoring.Clip(name))
		}
		seen[name], header[i] = true, name
	}
	return header, nil
}

// rowRecord returns out's result for one row, or the error record for a row that
// could not be parsed (readErr a *csv.ParseError). Any other read error stops the run.
func rowRecord(m *scoring.Model, r *csv.Reader, header, row []string,
	readErr error, out *recordWriter) (any, error) {
	var parse *csv.ParseError
	if readErr != nil && !errors.As(readErr, &parse) {
		return nil, readErr
	}
	if err := checkRow(parse, header, row); err != nil {
		return scoring.ErrorRecord(m.ID(), "", err), nil
	}
	line, _ := r.FieldPos(0)
	if size := rowBytes(row); size > maxLineBytes {
		err := fmt.Errorf("line %d: row of %d bytes is longer than %d", line, size, maxLineBytes)
		return scoring.ErrorRecord(m.ID(), "", err), nil
	}
	raw := make(map[string]any, len(header))
	valid := true
	for i, name := range header {
		raw[name] = row[i]
		valid = valid && utf8.ValidString(row[i])
	}
	id, c, err := scoring.CaseFromMap(raw)
	if !valid {
		id, err = "", errNotUTF8 // no id: it could not be given back as written
	}
	if err != nil {
		return scoring.ErrorRecord(m.ID(), id, fmt.Errorf("line %d: %w", line, err)), nil
	}
	return out.result(m, id, c), nil
}

// checkRow turns a parse error into an error naming the line where the row starts.
func checkRow(parse *csv.ParseError, header, row []string) error {
	switch {
	case parse == nil:
		return nil
	case errors.Is(parse.Err, csv.ErrFieldCount):
		return fmt.Errorf("line %d: %w: %d, header has %d", parse.StartLine, parse.Err,
			len(row), len(header))
	}
	return fmt.Errorf("line %d: %w", parse.StartLine, parse.Err)
}

// rowBytes is the total length of a row's fields.
func rowBytes(row []string) int {
	n := 0
	for _, f := range row {
		n += len(f)
	}
	return n
}
