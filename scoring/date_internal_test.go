package scoring

import (
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// TestCivilDaysMatchTime checks days_from_civil and civil_from_days against package
// time for every day from 1600 to 2400 and for years far from today.
func TestCivilDaysMatchTime(t *testing.T) {
	check := func(tm time.Time) {
		days := int(tm.Unix() / 86400)
		want := civilDate{tm.Year(), int(tm.Month()), tm.Day()}
		if got := daysFromCivil(want.y, want.m, want.d); got != days {
			t.Fatalf("daysFromCivil(%v) = %d, want %d", want, got, days)
		}
		if got := civilFromDays(days); got != want {
			t.Fatalf("civilFromDays(%d) = %v, want %v", days, got, want)
		}
		if got := want.String(); got != tm.Format(time.DateOnly) {
			t.Fatalf("String() = %q, want %q", got, tm.Format(time.DateOnly))
		}
	}
	step := 1
	if runtime.GOARCH == "wasm" {
		step = 5 // the same code, at a tenth of the speed under Node
	}
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	for tm := start; tm.Year() < 2400; tm = tm.AddDate(0, 0, step) {
		check(tm)
	}
	for _, y := range []int{-10000, -1001, -980, -5, -1, 0, 5, 999, 9999, 10000, 123456} {
		check(time.Date(y, 2, 28, 0, 0, 0, 0, time.UTC))
		check(time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC))
	}
}

// TestAddYearsMatchesTime checks addYears against time.AddDate, including 29 February.
func TestAddYearsMatchesTime(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		tm := time.Date(1900+r.IntN(201), time.Month(1+r.IntN(12)), 1+r.IntN(31), 0, 0, 0, 0,
			time.UTC)
		if i%10 == 0 {
			tm = time.Date(1904+4*r.IntN(50), 2, 29, 0, 0, 0, 0, time.UTC)
		}
		n := r.IntN(2400) - 1200
		c := civilDate{tm.Year(), int(tm.Month()), tm.Day()}
		if got, want := c.addYears(n).String(), tm.AddDate(n, 0, 0).Format(time.DateOnly); got != want {
			t.Fatalf("%v.addYears(%d) = %s, want %s", c, n, got, want)
		}
	}
}

// TestParseCivilMatchesTime compares parseCivil with time.Parse(time.DateOnly) over
// every month 00–13 and day 00–32 of leap, common and century years, and over
// mangled dates.
func TestParseCivilMatchesTime(t *testing.T) {
	var inputs []string
	for _, y := range []string{"1900", "2000", "2023", "2024", "2100", "0000", "9999"} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				inputs = append(inputs, y+"-"+pad2(m)+"-"+pad2(d))
			}
		}
	}
	inputs = append(inputs, "", "2024-1-05", "2024-01-5", "24-01-05", "+024-01-05",
		"-024-01-05", "2024/01/05", "2024-01-05 ", " 2024-01-05", "2024-01-05T00:00",
		"2024-0a-05", "2024--1-05", "2024-01--5", "２024-01-05", "20240-1-05")
	for _, s := range inputs {
		tm, err := time.Parse(time.DateOnly, s)
		want := err == nil && len(s) == len(time.DateOnly)
		got, ok := parseCivil(s)
		if ok != want {
			t.Errorf("parseCivil(%q) ok = %v, want %v", s, ok, want)
			continue
		}
		if ok && got != (civilDate{tm.Year(), int(tm.Month()), tm.Day()}) {
			t.Errorf("parseCivil(%q) = %v, want %v", s, got, tm.Format(time.DateOnly))
		}
	}
}

func pad2(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }
