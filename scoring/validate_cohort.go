package scoring

import (
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
)

// The kinds of observed outcome in a Cohort.
const (
	OutcomeTimeToEvent = "time_to_event" // follow-up time and event indicator
	OutcomeBinary      = "binary"        // outcome (0 or 1) at each horizon
)

// ErrMissingColumn reports a column that a validation needs and the data lack.
var ErrMissingColumn = errors.New("missing column")

// CohortSpec says which columns of a validation data set hold the observed outcome and
// the model inputs. Give either Time and Event, for time-to-event data (follow-up time
// in the unit of the model's horizons, ≥ 0; event 1 or 0), or Outcomes, for binary
// data: per horizon length (in the model's unit) the column of the outcome, 1 or 0,
// observed within that horizon. Columns maps a predictor id to the column that holds
// it; a predictor not in Columns is read from the column named like its id.
type CohortSpec struct {
	Time     string
	Event    string
	Outcomes map[float64]string
	Columns  map[string]string
}

// Cohort is a validation data set read from CSV: the usable rows with their observed
// outcome, and the rows that were refused, each listed in Bad with its reasons. No
// row is dropped silently. A Cohort is independent of any model; Validate reads a
// model's inputs from it.
type Cohort struct {
	SHA256 string   // hex SHA-256 of the bytes read
	Kind   string   // OutcomeTimeToEvent or OutcomeBinary
	Header []string // column names, in file order
	Rows   []CohortRow
	Bad    []BadRow
	Read   int // data rows read, usable and refused

	spec    CohortSpec
	col     map[string]int
	lengths []float64 // horizon lengths of the binary outcomes, ascending
}

// CohortRow is one usable row. Row counts data rows from 1 (the header is not a data
// row); Line is the line of the file where the row starts (the header is line 1).
// Outcome holds the binary outcomes in ascending order of horizon length.
type CohortRow struct {
	Row, Line int
	Fields    []string
	Time      float64
	Event     bool
	Outcome   []bool
}

// BadRow is a refused row, left out of every measure: its number among the data rows
// (from 1), the line where it starts (the header is line 1), the model that refused
// it when a model did, and one entry per refused field, named by its column.
type BadRow struct {
	Row    int          `json:"row"`
	Line   int          `json:"line"`
	Model  string       `json:"model,omitempty"`
	Errors []FieldError `json:"errors"`
}

// ReadCohort reads a CSV validation data set: a header row of column names, then one
// case per row. It refuses the whole file for a header that repeats a name or lacks a
// column that spec names (wrapping ErrMissingColumn), and lists in Cohort.Bad the rows
// it cannot use: a wrong number of fields, broken quoting, or a time, event or
// outcome that is not valid. Model inputs are checked later, by Validate. Data over
// MaxCohortBytes or MaxCohortRows are refused with an error wrapping
// ErrCohortTooLarge.
func ReadCohort(r io.Reader, spec CohortSpec) (*Cohort, error) {
	data, err := io.ReadAll(&limitReader{r: r, left: maxCohortBytes})
	if errors.Is(err, ErrCohortTooLarge) {
		return nil, err
	}
	if err != nil {
		return nil, errorf("read data: %w", err)
	}
	hash := newSHA256()
	hash.Write(data)
	cr := newCSVReader(data)
	c := &Cohort{spec: spec, col: map[string]int{}}
	if err := c.readHeader(cr); err != nil {
		return nil, err
	}
	if err := c.checkSpec(); err != nil {
		return nil, err
	}
	if err := c.readRows(cr); err != nil {
		return nil, err
	}
	c.SHA256 = hexString(hash.Sum(nil))
	return c, nil
}

// readHeader reads the column names, refusing an empty file and a repeated name.
func (c *Cohort) readHeader(cr *csvReader) error {
	header, err := cr.Read()
	if err == io.EOF {
		return errors.New("read header: the data are empty")
	}
	if errors.Is(err, ErrCohortTooLarge) {
		return err
	}
	if err != nil {
		return errorf("read header: %w", err)
	}
	for i, name := range header {
		name = strings.TrimSpace(strings.TrimPrefix(name, "\ufeff"))
		if _, dup := c.col[name]; dup {
			return errorf("header: column %q appears twice", clip(name))
		}
		c.col[name], header[i] = i, name
	}
	c.Header = header
	return nil
}

// checkSpec checks that the spec names one kind of outcome and that every column it
// names is in the header.
func (c *Cohort) checkSpec() error {
	s := &c.spec
	tte := s.Time != "" || s.Event != ""
	switch {
	case tte && len(s.Outcomes) > 0:
		return errors.New("give time and event columns or outcome columns, not both")
	case tte && (s.Time == "" || s.Event == ""):
		return errors.New("time-to-event data need both a time and an event column")
	case !tte && len(s.Outcomes) == 0:
		return errors.New("name the outcome: time and event columns, or outcome columns")
	}
	c.Kind = OutcomeTimeToEvent
	need := []string{s.Time, s.Event}
	if !tte {
		c.Kind, need = OutcomeBinary, nil
		for length := range s.Outcomes {
			c.lengths = append(c.lengths, length)
		}
		sort.Float64s(c.lengths)
		for _, length := range c.lengths {
			need = append(need, s.Outcomes[length])
		}
	}
	for _, id := range sortedKeys(s.Columns) {
		need = append(need, s.Columns[id])
	}
	return c.requireColumns(need)
}

// requireColumns reports every name that is not a column of the header.
func (c *Cohort) requireColumns(names []string) error {
	var missing []string
	for _, name := range names {
		if _, ok := c.col[name]; !ok {
			missing = append(missing, sprintf("%q", clip(name)))
		}
	}
	if len(missing) > 0 {
		return errorf("%w: %s (the header has %s)", ErrMissingColumn,
			strings.Join(missing, ", "), clipAt(strings.Join(c.Header, ", "), maxEchoList))
	}
	return nil
}

// readRows reads every data row, keeping the usable ones and listing the others.
func (c *Cohort) readRows(cr *csvReader) error {
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, ErrCohortTooLarge) {
			return err
		}
		if c.Read == maxCohortRows {
			return errTooManyRows()
		}
		c.Read++
		parse, _ := err.(*csvError)
		if err != nil && parse == nil {
			return errorf("read row %d: %w", c.Read, err)
		}
		if parse != nil {
			c.Bad = append(c.Bad, BadRow{Row: c.Read, Line: parse.StartLine,
				Errors: []FieldError{parseFieldError(parse, len(fields), len(c.Header))}})
			continue
		}
		line, _ := cr.FieldPos(0)
		row := CohortRow{Row: c.Read, Line: line, Fields: fields}
		if errs := c.readOutcome(&row); len(errs) > 0 {
			c.Bad = append(c.Bad, BadRow{Row: c.Read, Line: line, Errors: errs})
			continue
		}
		c.Rows = append(c.Rows, row)
	}
}

// parseFieldError describes a CSV parse error without the line number, which BadRow
// carries, with its code.
func parseFieldError(parse *csvError, fields, want int) FieldError {
	if errors.Is(parse.Err, errFieldCount) {
		return FieldError{Message: sprintf("%d fields, the header has %d", fields, want),
			Code: CodeFieldCount, Limit: strconv.Itoa(want), RelatedValue: strconv.Itoa(fields)}
	}
	return FieldError{Message: parse.problem(), Code: CodeCSVSyntax}
}

// readOutcome parses a row's time and event, or its binary outcomes.
func (c *Cohort) readOutcome(row *CohortRow) []FieldError {
	var errs []FieldError
	if c.Kind == OutcomeTimeToEvent {
		raw := row.Fields[c.col[c.spec.Time]]
		t, err := parseNumber(raw)
		switch {
		case strings.TrimSpace(raw) == "":
			errs = append(errs, FieldError{Field: c.spec.Time, Message: "time: missing",
				Code: CodeMissing})
		case err != nil:
			errs = append(errs, FieldError{Field: c.spec.Time, Value: raw,
				Message: "time: " + err.Error(), Code: CodeNotNumber})
		case t < 0:
			errs = append(errs, FieldError{Field: c.spec.Time, Value: raw,
				Message: "time: negative", Code: CodeBelow, Limit: "0"})
		}
		ev, fe := c.flag(row, c.spec.Event, "event")
		if fe != nil {
			errs = append(errs, *fe)
		}
		row.Time, row.Event = t, ev
		return errs
	}
	row.Outcome = make([]bool, len(c.lengths))
	for k, length := range c.lengths {
		v, fe := c.flag(row, c.spec.Outcomes[length], "outcome")
		if fe != nil {
			errs = append(errs, *fe)
		}
		row.Outcome[k] = v
	}
	return errs
}

// flag parses a 0/1 column of the row.
func (c *Cohort) flag(row *CohortRow, column, what string) (bool, *FieldError) {
	switch raw := strings.TrimSpace(row.Fields[c.col[column]]); raw {
	case "1":
		return true, nil
	case "0":
		return false, nil
	case "":
		return false, &FieldError{Field: column, Message: what + ": missing", Code: CodeMissing}
	}
	return false, &FieldError{Field: column, Value: row.Fields[c.col[column]],
		Message: what + ": want 0 or 1", Code: CodeNotFlag}
}

// column returns the column that holds predictor id: the mapped one, or its own name.
func (c *Cohort) column(id string) string {
	if name, ok := c.spec.Columns[id]; ok {
		return name
	}
	return id
}

// outcomeIndex returns the place of a horizon length among the binary outcomes.
func (c *Cohort) outcomeIndex(length float64) (int, bool) {
	for k, l := range c.lengths {
		if l == length {
			return k, true
		}
	}
	return 0, false
}

// sortedKeys returns the keys of a string map in order.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
