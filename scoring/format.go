package scoring

import "strconv"

// This file is a small stand-in for fmt.Sprintf and fmt.Errorf. Package fmt reaches
// every value through reflection, and with it adds about 0.7 MB to the WebAssembly
// engine the page downloads; the messages of this package need only a handful of
// verbs on a handful of types, which a type switch formats the same way.
//
// Verbs: %s (string, error, Stringer), %q (string, as strconv.Quote), %d (integers),
// %v (as %s or %d, floats as %g, a []string as [a b]), %g and %.Ng (floats, as strconv.FormatFloat with
// 'g'), %w (an error, wrapped as fmt.Errorf wraps it) and %%. Anything else is
// written as fmt writes a bad verb, so that a test sees it.

// sprintf formats like fmt.Sprintf for the verbs above.
func sprintf(format string, args ...any) string {
	s, _ := format1(format, args)
	return s
}

// errorf formats like fmt.Errorf for the verbs above: one %w makes an error that
// unwraps to its argument, several one that unwraps to all of them.
func errorf(format string, args ...any) error {
	s, wrapped := format1(format, args)
	switch len(wrapped) {
	case 0:
		return &plainError{s}
	case 1:
		return &wrapError{s, wrapped[0]}
	}
	return &wrapErrors{s, wrapped}
}

// plainError is an error with a formatted message.
type plainError struct{ msg string }

func (e *plainError) Error() string { return e.msg }

// wrapError is a formatted error that wraps one error.
type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

// wrapErrors is a formatted error that wraps several errors.
type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string   { return e.msg }
func (e *wrapErrors) Unwrap() []error { return e.errs }

// format1 formats args by format and returns the %w arguments.
func format1(format string, args []any) (string, []error) {
	var wrapped []error
	out := make([]byte, 0, len(format)+16*len(args))
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			out = append(out, c)
			continue
		}
		prec := -1
		i++
		if format[i] == '.' {
			prec, i = readPrec(format, i+1)
		}
		verb := format[i]
		if verb == '%' {
			out = append(out, '%')
			continue
		}
		if next >= len(args) {
			out = append(out, "%!"+string(verb)+"(MISSING)"...)
			continue
		}
		arg := args[next]
		next++
		if err, ok := arg.(error); ok && verb == 'w' {
			wrapped = append(wrapped, err)
			verb = 'v'
		}
		out = appendArg(out, verb, prec, arg)
	}
	return string(out), wrapped
}

// readPrec reads the digits of a precision starting at i and returns it with the
// index of the verb that follows.
func readPrec(format string, i int) (int, int) {
	p := 0
	for i < len(format)-1 && format[i] >= '0' && format[i] <= '9' {
		p = 10*p + int(format[i]-'0')
		i++
	}
	return p, i
}

// appendArg appends one argument formatted by verb.
func appendArg(out []byte, verb byte, prec int, arg any) []byte {
	switch x := arg.(type) {
	case string:
		switch verb {
		case 's', 'v':
			return append(out, x...)
		case 'q':
			return strconv.AppendQuote(out, x)
		}
	case error:
		if verb == 's' || verb == 'v' {
			return append(out, x.Error()...)
		}
	case interface{ String() string }:
		if verb == 's' || verb == 'v' {
			return append(out, x.String()...)
		}
	case int:
		if verb == 'd' || verb == 'v' {
			return strconv.AppendInt(out, int64(x), 10)
		}
	case int64:
		if verb == 'd' || verb == 'v' {
			return strconv.AppendInt(out, x, 10)
		}
	case float64:
		if verb == 'g' || verb == 'v' {
			return strconv.AppendFloat(out, x, 'g', prec, 64)
		}
	case []string:
		if verb == 'v' {
			out = append(out, '[')
			for i, e := range x {
				if i > 0 {
					out = append(out, ' ')
				}
				out = append(out, e...)
			}
			return append(out, ']')
		}
	case bool:
		if verb == 'v' || verb == 't' {
			return strconv.AppendBool(out, x)
		}
	case nil:
		if verb == 'v' {
			return append(out, "<nil>"...)
		}
	}
	return append(out, "%!"+string(verb)+"(BADTYPE)"...)
}
