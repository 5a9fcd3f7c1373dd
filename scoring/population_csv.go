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
	r := newCSVReader(data)
	header, err := r.Read()
	if err == errEOF {
		return errors.New("population: the CSV file is empty")
	}
	if err != nil {
		return errors.New("population header (line " + strconv.Itoa(r.recLine) + "): " +
			err.Error())
	}
	if err := checkCSVHeader(header); err != nil {
		return err
	}
	for row := 1; ; row++ {
		fields, err := r.Read()
		line := r.recLine
		switch {
		case err == errEOF:
			return nil
		case len(p.Cases)+len(p.Bad) >= MaxPopulation:
			return errTooMany
		case err != nil && !errors.Is(err, errFieldCount):
			p.Bad = append(p.Bad, RowError{Row: row, Line: line, Message: csvProblem(err),
				Code: CodeCSVSyntax})
			continue
		case len(fields) != len(header):
			n, want := strconv.Itoa(len(fields)), strconv.Itoa(len(header))
			p.Bad = append(p.Bad, RowError{Row: row, Line: line, Message: "row has " + n +
				" fields, the header " + want, Code: CodeFieldCount, Limit: want,
				RelatedValue: n})
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
				strconv.Quote(clip(name)) + ") is empty or repeated")
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

// csvProblem words a CSV reading error for the person who wrote the file.
func csvProblem(err error) string {
	if ce, ok := err.(*csvError); ok {
		return ce.problem()
	}
	return err.Error()
}
