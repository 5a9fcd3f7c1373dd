package scoring

import (
	"errors"
	"io"
	"strconv"
)

// The largest validation data set ReadCohort reads: MaxCohortBytes bytes and
// MaxCohortRows data rows. Both leave room for a year's cases of a large probation
// service (about 40,000 reports, DOMAIN.md §1) many times over, while keeping a
// browser tab within its memory.
const (
	MaxCohortBytes = 256 << 20
	MaxCohortRows  = 1_000_000
)

// ErrCohortTooLarge reports a validation data set over MaxCohortBytes or
// MaxCohortRows.
var ErrCohortTooLarge = errors.New("the data set is too large")

// maxCohortBytes and maxCohortRows are the limits in force: the constants, lowered
// by the package's tests.
var (
	maxCohortBytes int64 = MaxCohortBytes
	maxCohortRows        = MaxCohortRows
)

// errTooManyBytes is the error for data over maxCohortBytes.
func errTooManyBytes() error {
	return &limitError{"more than " + strconv.FormatInt(maxCohortBytes, 10) +
		" bytes; split the file"}
}

// errTooManyRows is the error for data over maxCohortRows.
func errTooManyRows() error {
	return &limitError{"more than " + strconv.Itoa(maxCohortRows) +
		" data rows; split the file"}
}

// limitError is ErrCohortTooLarge with its reason.
type limitError struct{ why string }

func (e *limitError) Error() string { return ErrCohortTooLarge.Error() + ": " + e.why }
func (e *limitError) Unwrap() error { return ErrCohortTooLarge }

// limitReader reads from r until more than max bytes have been read, then fails with
// errTooManyBytes, so that the CSV reader stops at the limit rather than reading a
// file of any size.
type limitReader struct {
	r    io.Reader
	left int64
}

// Read reads at most the bytes left plus one, so that a file of exactly the limit
// passes and one byte more does not.
func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, errTooManyBytes()
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, errTooManyBytes()
	}
	return n, err
}
