package scoring

import (
	"errors"
	"strings"
	"testing"
)

// withLimits lowers the data-set limits for one test.
func withLimits(t *testing.T, bytes int64, rows int) {
	t.Helper()
	oldBytes, oldRows := maxCohortBytes, maxCohortRows
	maxCohortBytes, maxCohortRows = bytes, rows
	t.Cleanup(func() { maxCohortBytes, maxCohortRows = oldBytes, oldRows })
}

func TestReadCohortLimits(t *testing.T) {
	spec := CohortSpec{Time: "week", Event: "arrest"}
	data := "week,arrest\n" + strings.Repeat("10,1\n", 4) // 12 + 4×5 = 32 bytes
	tests := []struct {
		name  string
		bytes int64
		rows  int
		want  string // "" when the data must be read
	}{
		{"exactly at both limits", 32, 4, ""},
		{"one byte over", 31, 4, "more than 31 bytes"},
		{"over in the header", 5, 4, "more than 5 bytes"},
		{"one row over", 32, 3, "more than 3 data rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withLimits(t, tt.bytes, tt.rows)
			c, err := ReadCohort(strings.NewReader(data), spec)
			switch {
			case tt.want == "" && (err != nil || len(c.Rows) != 4):
				t.Errorf("ReadCohort = %v, %v; want 4 rows", c, err)
			case tt.want != "" && (!errors.Is(err, ErrCohortTooLarge) ||
				!strings.Contains(err.Error(), tt.want)):
				t.Errorf("ReadCohort error = %v, want ErrCohortTooLarge naming %q", err, tt.want)
			}
		})
	}
}
