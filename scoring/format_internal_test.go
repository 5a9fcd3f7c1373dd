package scoring

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

// TestSprintfMatchesFmt checks the small formatter against fmt over every verb and
// argument type the package uses.
func TestSprintfMatchesFmt(t *testing.T) {
	ref := Ref{Source: "howard2009", At: "Table 3"}
	tests := []struct {
		format string
		args   []any
	}{
		{"plain text", nil},
		{"%s and %s", []any{"a", errors.New("an error")}},
		{"%q is %q", []any{"x\"y", "tab\there é \x01"}},
		{"%d of %d", []any{3, int64(-12)}},
		{"%v %v %v %v", []any{1.5, 1e21, 1e-7, -0.0}},
		{"%v %v %v", []any{math.Inf(1), math.Inf(-1), math.NaN()}},
		{"%g %.3g %.6g %.15g %.17g %.2g", []any{0.1, 2.0 / 3, 123456789.0, 0.1, 0.1, 1e-9}},
		{"%v and %s", []any{ref, ref}},
		{"%v", []any{[]string{"at", "cap"}}},
		{"%v %v", []any{true, 42}},
		{"100%% sure, %v", []any{errors.New("e")}},
		{"%v", []any{nil}},
	}
	for _, tt := range tests {
		got, want := sprintf(tt.format, tt.args...), fmt.Sprintf(tt.format, tt.args...)
		if got != want {
			t.Errorf("sprintf(%q) = %q, want %q", tt.format, got, want)
		}
	}
}

// TestErrorfWraps checks that %w wraps like fmt.Errorf: the message, errors.Is, and
// one or several wrapped errors.
func TestErrorfWraps(t *testing.T) {
	inner := &InputError{Predictor: "age", Value: "x", Err: ErrNotNumber}
	one := errorf("case %d: %w", 3, inner)
	if want := fmt.Errorf("case %d: %w", 3, inner).Error(); one.Error() != want {
		t.Errorf("errorf = %q, want %q", one, want)
	}
	var ie *InputError
	if !errors.As(one, &ie) || !errors.Is(one, ErrNotNumber) || errors.Unwrap(one) != inner {
		t.Errorf("errorf(%%w) does not unwrap to %v", inner)
	}
	two := errorf("%w: %w", ErrRefused, ErrInvalid)
	if two.Error() != "parameter file refused: invalid definition" ||
		!errors.Is(two, ErrRefused) || !errors.Is(two, ErrInvalid) {
		t.Errorf("errorf with two %%w = %v, does not wrap both", two)
	}
	if plain := errorf("no wrap %s", "here"); errors.Unwrap(plain) != nil {
		t.Errorf("errorf without %%w unwraps to %v", errors.Unwrap(plain))
	}
}

// TestFindInputErrorsMatchesErrorsAs compares findInputErrors with errors.As over
// errors wrapped once, twice, joined and bare.
func TestFindInputErrorsMatchesErrorsAs(t *testing.T) {
	one := &InputError{Predictor: "age", Err: ErrMissing}
	two := &InputError{Predictor: "sex", Err: ErrUnknownLevel}
	many := InputErrors{one, two}
	for _, err := range []error{
		one, many, errorf("case: %w", one), errorf("cases[2]: %w", errorf("case: %w", many)),
		errors.Join(errors.New("x"), two, many), errorf("%w and %w", ErrRefused, two),
		errors.New("plain"), ErrMissing,
	} {
		var wantMany InputErrors
		var wantOne *InputError
		if !errors.As(err, &wantMany) {
			errors.As(err, &wantOne)
		}
		gotMany, gotOne := findInputErrors(err)
		if len(gotMany) != len(wantMany) || gotOne != wantOne {
			t.Errorf("findInputErrors(%v) = %v, %v; want %v, %v", err, gotMany, gotOne, wantMany,
				wantOne)
		}
	}
}
