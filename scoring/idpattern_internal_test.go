package scoring

import (
	"regexp"
	"testing"
)

// TestIDPatternMatchesRegexp checks the id forms against the regular expressions
// they stand in for, over every string of up to four characters from an alphabet
// that has each kind of character.
func TestIDPatternMatchesRegexp(t *testing.T) {
	model := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	vars := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	alphabet := []string{"a", "z", "0", "9", "-", "_", "A", " ", "é"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		if got, want := modelIDPattern.MatchString(s), model.MatchString(s); got != want {
			t.Errorf("modelIDPattern.MatchString(%q) = %v, want %v", s, got, want)
		}
		if got, want := varIDPattern.MatchString(s), vars.MatchString(s); got != want {
			t.Errorf("varIDPattern.MatchString(%q) = %v, want %v", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, n-1)
		}
	}
	walk("", 4)
}
