package scoring_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"spiegel/scoring"
)

// faultyCSV is rossi-cox data with one fault per refused row; "g h" spans lines 8–9.
const faultyCSV = `id,week,arrest,fin,age,wexp,mar,paro,prio
a,20,1,no,27,no,not married,yes,3
b,52,0,yes,23,yes,married,yes,1
c,17,1,maybe,18,no,not married,yes,8
d,abc,0,no,30,yes,married,no,0
e,52,2,no,30,yes,married,no,0
f,52,0,no,30
"g
h",30,1,yes,25,no,not married,no,5
i,52,0,no,,yes,married,no,2
j,40,1,no,19,no,not married,yes,12
k,52,0,yes,35,yes,married,yes,0
l,10,1,no,21,no,not married,no,4
m,52,0,no,44,yes,married,yes,1
`

// tte is the time-to-event spec of faultyCSV.
var tte = scoring.CohortSpec{Time: "week", Event: "arrest"}

// readCSV reads a cohort from text, failing the test on error.
func readCSV(t *testing.T, text string, spec scoring.CohortSpec) *scoring.Cohort {
	t.Helper()
	c, err := scoring.ReadCohort(strings.NewReader(text), spec)
	if err != nil {
		t.Fatalf("ReadCohort error: %v", err)
	}
	return c
}

func TestValidateListsBadRows(t *testing.T) {
	c := readCSV(t, faultyCSV, tte)
	v, err := scoring.Validate(builtin(t, "rossi-cox"), c, scoring.ValidationOptions{Horizon: 26})
	if err != nil {
		t.Fatal(err)
	}
	want := []scoring.BadRow{
		{Row: 3, Line: 4, Model: "rossi-cox", Errors: []scoring.FieldError{{Field: "fin",
			Value: "maybe", Message: "not one of the accepted values", Code: "unknown_level"}}},
		{Row: 4, Line: 5, Errors: []scoring.FieldError{{Field: "week", Value: "abc",
			Message: "time: not a finite number", Code: "not_number"}}},
		{Row: 5, Line: 6, Errors: []scoring.FieldError{{Field: "arrest", Value: "2",
			Message: "event: want 0 or 1", Code: "not_flag"}}},
		{Row: 6, Line: 7, Errors: []scoring.FieldError{{Message: "5 fields, the header has 9",
			Code: "field_count", Limit: "9", RelatedValue: "5"}}},
		{Row: 8, Line: 10, Model: "rossi-cox", Errors: []scoring.FieldError{{Field: "age",
			Message: "missing", Code: "missing"}}},
	}
	if !reflect.DeepEqual(v.BadRows, want) {
		t.Errorf("Validate bad rows = %+v, want %+v", v.BadRows, want)
	}
	got := v.Data
	if got.Rows != 12 || got.Used != 7 || got.Bad != 5 || got.Used+got.Bad != got.Rows ||
		v.N != 7 {
		t.Errorf("Validate data = %+v, n %d; want 12 rows read, 7 used, 5 listed as bad",
			got, v.N)
	}
}

func TestReadCohortLineNumbers(t *testing.T) {
	c := readCSV(t, faultyCSV, tte)
	var lines []int
	for _, r := range c.Rows {
		lines = append(lines, r.Line)
	}
	want := []int{2, 3, 4, 8, 10, 11, 12, 13, 14}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("ReadCohort lines of usable rows = %v, want %v (header is line 1)", lines, want)
	}
}

func TestReadCohortRefuses(t *testing.T) {
	tests := []struct {
		name string
		text string
		spec scoring.CohortSpec
		want string
	}{
		{"empty data", "", tte, "empty"},
		{"a column twice", "week,arrest,week\n", tte, `column "week" appears twice`},
		{"no time column", "arrest,fin\n", tte, `missing column: "week"`},
		{"a mapped column absent", "week,arrest\n",
			scoring.CohortSpec{Time: "week", Event: "arrest",
				Columns: map[string]string{"age": "age_years"}}, `"age_years"`},
		{"both kinds of outcome", "week,arrest,y\n", scoring.CohortSpec{Time: "week",
			Event: "arrest", Outcomes: map[float64]string{26: "y"}}, "not both"},
		{"time without event", "week\n", scoring.CohortSpec{Time: "week"}, "both a time"},
		{"no outcome", "week\n", scoring.CohortSpec{}, "name the outcome"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scoring.ReadCohort(strings.NewReader(tt.text), tt.spec)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadCohort(%q) = %v, want an error mentioning %q", tt.text, err, tt.want)
			}
		})
	}
}

func TestValidateMissingInputColumns(t *testing.T) {
	text := strings.ReplaceAll(faultyCSV, "prio\n", "priors\n")
	c := readCSV(t, text, tte)
	_, err := scoring.Validate(builtin(t, "rossi-cox"), c, scoring.ValidationOptions{Horizon: 26})
	if !errors.Is(err, scoring.ErrMissingColumn) || !strings.Contains(err.Error(), `"prio"`) {
		t.Errorf("Validate without a prio column = %v, want ErrMissingColumn naming prio", err)
	}
}

func TestValidateMapsColumns(t *testing.T) {
	renamed := strings.Replace(faultyCSV, ",age,", ",age_years,", 1)
	spec := tte
	spec.Columns = map[string]string{"age": "age_years"}
	m := builtin(t, "rossi-cox")
	a, errA := scoring.Validate(m, readCSV(t, faultyCSV, tte), scoring.ValidationOptions{Horizon: 26})
	b, errB := scoring.Validate(m, readCSV(t, renamed, spec), scoring.ValidationOptions{Horizon: 26})
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if b.BadRows[4].Errors[0].Field != "age_years" || b.Brier != a.Brier || b.N != a.N {
		t.Errorf("Validate with age mapped to age_years = %+v, want the unmapped result "+
			"with errors naming age_years", b.BadRows[4])
	}
}

func TestValidateRefusesMismatches(t *testing.T) {
	c := readCSV(t, faultyCSV, tte)
	tests := []struct {
		name  string
		model string
		opt   scoring.ValidationOptions
		want  string
	}{
		{"a horizon the model lacks", "rossi-cox", scoring.ValidationOptions{Horizon: 30},
			"no horizon of length 30 (it has 26w = 26 week, 52w = 52 week)"},
		{"an absent subgroup column", "rossi-cox",
			scoring.ValidationOptions{Horizon: 26, By: "race"}, `"race"`},
		{"a template without parameters", "oxrec-nl-detained-general",
			scoring.ValidationOptions{Horizon: 1}, "cannot compute"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scoring.Validate(builtin(t, tt.model), c, tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate(%s, %+v) = %v, want an error mentioning %q", tt.model,
					tt.opt, err, tt.want)
			}
		})
	}

	// A column mapped for an id the model does not read is a typing error.
	spec := tte
	spec.Columns = map[string]string{"bogus": "prio"}
	_, err := scoring.Validate(builtin(t, "rossi-cox"), readCSV(t, faultyCSV, spec),
		scoring.ValidationOptions{Horizon: 26})
	if err == nil || !strings.Contains(err.Error(), `"bogus" is mapped to column "prio"`) {
		t.Errorf("Validate with bogus=prio mapped = %v, want it refused", err)
	}
}

func TestValidateQuintiles(t *testing.T) {
	c := readCSV(t, faultyCSV, tte)
	m := builtin(t, "rossi-cox")
	_, err := scoring.Validate(m, c, scoring.ValidationOptions{Horizon: 26, By: "mar",
		Quintiles: true})
	if err == nil || !strings.Contains(err.Error(), "subgroup quintiles: not a finite number") {
		t.Errorf("Validate by quintiles of mar = %v, want every row refused as not a number", err)
	}
	v, err := scoring.Validate(m, c, scoring.ValidationOptions{Horizon: 26, By: "prio",
		Quintiles: true})
	if err != nil {
		t.Fatal(err)
	}
	var levels []string
	n := 0
	for _, g := range v.Subgroups.Groups {
		levels, n = append(levels, g.Level), n+g.N
	}
	// prio of the used rows: 0 1 1 3 4 5 12; ranks 1 2 2 4 5 6 7 → fifths 1 2 2 3 4 5 5.
	if want := []string{"Q1", "Q2", "Q3", "Q4", "Q5"}; !reflect.DeepEqual(levels, want) || n != v.N {
		t.Errorf("Validate by quintiles of prio: levels %v over %d rows, want %v over %d",
			levels, n, want, v.N)
	}
}

func TestCompareUsesCommonRows(t *testing.T) {
	c := readCSV(t, faultyCSV, tte)
	cox, paroled := builtin(t, "rossi-cox"), builtin(t, "rossi-cox-paroled")
	cmp, err := scoring.Compare([]*scoring.Model{cox, paroled}, c,
		scoring.ValidationOptions{Horizon: 52})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range cmp.Models {
		alone, err := scoring.Validate(modelOf(t, v.Model), c, scoring.ValidationOptions{Horizon: 52})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(v.Measures, alone.Measures) || v.Data != cmp.Data {
			t.Errorf("Compare %s = %+v, want Validate's %+v", v.Model, v.Measures, alone.Measures)
		}
	}
}

// TestBadRowCodes checks the codes of rows that cannot be read, beyond those of
// TestValidateListsBadRows, so that a page can word them in its own language.
func TestBadRowCodes(t *testing.T) {
	text := "id,week,arrest,fin,age,wexp,mar,paro,prio\n" +
		"a,-3,1,no,27,no,not married,yes,3\n" +
		"b,5\"2,0,yes,23,yes,married,yes,1\n" +
		"c,\"17\"x,1,no,18,no,not married,yes,8\n" +
		"e,,,no,30,yes,married,no,0\n" +
		"d,52,0,no,30,yes,married,no,\"0\n"
	want := []scoring.FieldError{
		{Field: "week", Value: "-3", Message: "time: negative", Code: "below", Limit: "0"},
		{Message: "a quote inside an unquoted field (column 4)", Code: "csv_syntax"},
		{Message: "text after a closing quote (column 6)", Code: "csv_syntax"},
		{Field: "week", Message: "time: missing", Code: "missing"},
		{Field: "arrest", Message: "event: missing", Code: "missing"},
		{Message: "a quoted field is not closed before the end of the file",
			Code: "csv_syntax"},
	}
	c := readCSV(t, text, tte)
	var got []scoring.FieldError
	for _, b := range c.Bad {
		got = append(got, b.Errors...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bad rows' errors\n%+v\nwant\n%+v", got, want)
	}
}

// TestMissingColumnEchoIsClipped gives a header of a megabyte and a column name of
// as much: the refusal names both, clipped, instead of repeating them whole.
func TestMissingColumnEchoIsClipped(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	c := readCSV(t, strings.Replace(faultyCSV, "prio\n", huge+"\n", 1), tte)
	_, err := scoring.Validate(builtin(t, "rossi-cox"), c, scoring.ValidationOptions{Horizon: 26})
	if !errors.Is(err, scoring.ErrMissingColumn) || len(err.Error()) > 1000 ||
		!strings.Contains(err.Error(), "(the header has id, week,") {
		t.Errorf("Validate with a 1 MB column: %d bytes of error, %.200v", len(err.Error()), err)
	}
	spec := tte
	spec.Time = huge
	_, err = scoring.ReadCohort(strings.NewReader(faultyCSV), spec)
	if !errors.Is(err, scoring.ErrMissingColumn) || len(err.Error()) > 1000 {
		t.Errorf("ReadCohort of a 1 MB time column: %d bytes of error", len(err.Error()))
	}
	_, err = scoring.ReadCohort(strings.NewReader("id,"+huge+","+huge+"\n"), tte)
	if err == nil || len(err.Error()) > 1000 || !strings.Contains(err.Error(), "appears twice") {
		t.Errorf("ReadCohort of a 1 MB column given twice: %.200v", err)
	}
	_, err = scoring.ReadPopulation([]byte(huge+","+huge+"\n1,2\n"), "csv")
	if err == nil || len(err.Error()) > 1000 || !strings.Contains(err.Error(), "repeated") {
		t.Errorf("ReadPopulation of a 1 MB column given twice: %.200v", err)
	}
	mapped := tte
	mapped.Columns = map[string]string{huge: "prio"}
	c = readCSV(t, faultyCSV, mapped)
	_, err = scoring.Validate(builtin(t, "rossi-cox"), c, scoring.ValidationOptions{Horizon: 26})
	if err == nil || len(err.Error()) > 1000 || !strings.Contains(err.Error(), "not an input") {
		t.Errorf("Validate with a 1 MB id mapped: %.200v", err)
	}
	_, err = scoring.ReadPopulation([]byte("a\n1\n"), huge)
	if err == nil || len(err.Error()) > 1000 || !strings.Contains(err.Error(), "xxx…") {
		t.Errorf("ReadPopulation with a 1 MB format: %.200v", err)
	}
}
