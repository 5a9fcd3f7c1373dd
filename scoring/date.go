package scoring

import "strconv"

// Calendar dates without package time, which adds about 0.3 MB to the WebAssembly
// engine: a date is a day number, and the proleptic Gregorian calendar is converted
// both ways with the algorithms days_from_civil and civil_from_days of [1].
//
// [1] Hinnant H (2013). chrono-Compatible Low-Level Date Algorithms.
// https://howardhinnant.github.io/date_algorithms.html

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d. A day beyond the
// end of its month counts on into the next (29 February of a common year is 1 March),
// as time.Date normalises it.
func daysFromCivil(y, m, d int) int {
	// The year is taken to start on 1 March, so that the leap day is its last day;
	// an era is 400 years, 146097 days.
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400 // [0, 399]
	mp := (m + 9) % 12 // March = 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) civilDate {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return civilDate{y, m, d}
}

// floorDiv is a / b rounded towards minus infinity, for b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// daysIn is the number of days of month m of year y.
func daysIn(y, m int) int {
	if m == 12 {
		return 31
	}
	return daysFromCivil(y, m+1, 1) - daysFromCivil(y, m, 1)
}

// addYears returns the date n years after c (before, for negative n), a 29 February
// that does not exist becoming 1 March.
func (c civilDate) addYears(n int) civilDate {
	return civilFromDays(daysFromCivil(c.y+n, c.m, c.d))
}

// String renders the date as YYYY-MM-DD (the year as package time writes it: at least
// four digits, a minus sign before negative years).
func (c civilDate) String() string {
	b := make([]byte, 0, 12)
	y := c.y
	if y < 0 {
		b, y = append(b, '-'), -y
	}
	b = appendPadded(b, y, 4)
	b = appendPadded(append(b, '-'), c.m, 2)
	return string(appendPadded(append(b, '-'), c.d, 2))
}

// appendPadded appends the non-negative n with leading zeros to width digits.
func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// parseCivil reads a date written exactly YYYY-MM-DD with a month 01–12 and a day
// that the month has; ok is false for anything else.
func parseCivil(s string) (civilDate, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return civilDate{}, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return civilDate{}, false
	}
	return civilDate{y, m, d}, true
}

// digits reads s, which must be all ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = 10*n + int(s[i]-'0')
	}
	return n, true
}
