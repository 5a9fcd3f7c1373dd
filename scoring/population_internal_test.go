package scoring

import (
	"testing"
	"time"
)

// TestCalendarAgainstTime checks the day-number arithmetic against the time
// package, every day from 1900 to 2100.
func TestCalendarAgainstTime(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= 2100; d = d.AddDate(0, 0, 1) {
		want := int(d.Sub(epoch).Hours() / 24)
		if got := daysFromCivil(d.Year(), int(d.Month()), d.Day()); got != want {
			t.Fatalf("daysFromCivil(%s) = %d, want %d", d.Format(time.DateOnly), got, want)
		}
		if got := civilFromDays(want).String(); got != d.Format(time.DateOnly) {
			t.Fatalf("civilFromDays(%d) = %s, want %s", want, got, d.Format(time.DateOnly))
		}
	}
}

func TestAddYears(t *testing.T) {
	tests := []struct {
		phrase, from string
		years        int
		want         string
	}{
		{"plain date", "2001-03-15", -18, "1983-03-15"},
		{"leap day to a common year", "2024-02-29", -1, "2023-02-28"},
		{"leap day to a leap year", "2024-02-29", -4, "2020-02-29"},
		{"forward", "1999-12-31", 10, "2009-12-31"},
	}
	for _, tt := range tests {
		c, err := parseDate(tt.from)
		if err != nil {
			t.Fatal(err)
		}
		got := civilFromDays(addYears(daysFromCivil(c.y, c.m, c.d), tt.years)).String()
		if got != tt.want {
			t.Errorf("%s: addYears(%s, %d) = %s, want %s", tt.phrase, tt.from, tt.years, got, tt.want)
		}
	}
}
