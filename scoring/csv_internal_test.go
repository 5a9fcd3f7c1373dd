package scoring

import (
	"encoding/csv"
	"errors"
	"io"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestCSVReaderMatchesEncodingCSV reads random short texts over an alphabet of every
// character that matters to CSV with both readers, and requires the same records,
// the same errors (worded the same) and the same record lines.
func TestCSVReaderMatchesEncodingCSV(t *testing.T) {
	alphabet := []string{"a", "b", ",", `"`, "\n", "\r", "\r\n", " ", "é", `""`}
	r := rand.New(rand.NewPCG(5, 6))
	texts := []string{"", "\n", "a,b\n1,2\n", "a,b\r\n1,2\r\n\r\n3,4", `"a""b",c` + "\n",
		"a,\"b\nc\",d\n1,2,3\n", "\"abc", "\"abc\n", "\"abc\n\n", "a,b\n1\n2,3,4\n5,6\n"}
	n := 40000
	if runtime.GOARCH == "wasm" {
		n = 4000 // the same code, at a tenth of the speed under Node
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		for n := r.IntN(14); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		want := csvRecords(t, func() csvRead {
			cr := csv.NewReader(strings.NewReader(text))
			return csvRead{cr.Read, cr.FieldPos}
		})
		got := csvRecords(t, func() csvRead {
			cr := newCSVReader([]byte(text))
			return csvRead{cr.Read, cr.FieldPos}
		})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("reading %q:\n got %q\nwant %q", text, got, want)
		}
	}
}

// csvRead is a reader's two methods.
type csvRead struct {
	read     func() ([]string, error)
	fieldPos func(int) (int, int)
}

// csvRecords reads every record and renders each with its error and line.
func csvRecords(t *testing.T, open func() csvRead) []string {
	cr := open()
	var out []string
	for i := 0; i < 100; i++ {
		rec, err := cr.read()
		if err == io.EOF {
			return out
		}
		line := ""
		if err == nil || errors.Is(err, csv.ErrFieldCount) || errors.Is(err, errFieldCount) {
			l, _ := cr.fieldPos(0)
			line = itoaTest(l)
		}
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if err != nil && !errors.Is(err, csv.ErrFieldCount) && !errors.Is(err, errFieldCount) {
			rec = nil // the partial record of a parse error is not used
		}
		out = append(out, strings.Join(rec, "|")+" @"+line+" "+msg)
	}
	t.Fatal("more than 100 records")
	return nil
}

func itoaTest(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }
