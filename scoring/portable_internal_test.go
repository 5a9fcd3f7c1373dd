package scoring

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// ulps is how many representable float64 values lie between a and b.
func ulps(a, b float64) uint64 {
	ia, ib := int64(math.Float64bits(a)), int64(math.Float64bits(b))
	if ia < 0 {
		ia = math.MinInt64 - ia
	}
	if ib < 0 {
		ib = math.MinInt64 - ib
	}
	if ia > ib {
		return uint64(ia - ib)
	}
	return uint64(ib - ia)
}

func TestPortableExpAndLogSpecialValues(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	tests := []struct {
		name    string
		f       func(float64) float64
		x, want float64
	}{
		{"exp", exp, inf, inf},
		{"exp", exp, -inf, 0},
		{"exp", exp, nan, nan},
		{"exp", exp, 0, 1},
		{"exp", exp, math.Copysign(0, -1), 1},
		{"exp", exp, 1, math.E},
		{"exp", exp, 710, inf},
		{"exp", exp, -746, 0},
		{"exp", exp, 0x1p-30, 1 + 0x1p-30},
		{"log", log, inf, inf},
		{"log", log, nan, nan},
		{"log", log, 0, -inf},
		{"log", log, math.Copysign(0, -1), -inf},
		{"log", log, -1, nan},
		{"log", log, 1, 0},
		{"log", log, math.E, 1},
		{"log", log, 5e-324, -744.4400719213812}, // −1074·ln 2, rounded
		{"log", log, math.MaxFloat64, 709.782712893384},
	}
	for _, tt := range tests {
		got := tt.f(tt.x)
		if math.IsNaN(tt.want) != math.IsNaN(got) || (!math.IsNaN(got) && got != tt.want) {
			t.Errorf("%s(%v) = %v, want %v", tt.name, tt.x, got, tt.want)
		}
	}
}

// TestPortableExpAndLogAgreeWithMath compares exp and log with math.Exp and
// math.Log on random arguments: bit for bit under WebAssembly, where math runs
// portable Go; elsewhere within two units in the last place (each is within one
// of the true value), on the arguments where math's assembly is itself that
// accurate (amd64's Log is not for subnormal numbers).
func TestPortableExpAndLogAgreeWithMath(t *testing.T) {
	wasm := runtime.GOARCH == "wasm"
	limit, minLog := uint64(2), 0x1p-1022
	if wasm {
		limit, minLog = 0, 5e-324
	}
	check := func(name string, got, want, x float64) {
		if d := ulps(got, want); d > limit {
			t.Errorf("%s(%v) = %v, math's %v: %d ulps apart, want at most %d", name, x,
				got, want, d, limit)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		x := expUnderflow + r.Float64()*(expOverflow-1-expUnderflow)
		check("exp", exp(x), math.Exp(x), x)
		x = r.NormFloat64()
		check("exp", exp(x), math.Exp(x), x)
		x = math.Max(minLog, math.Exp2(r.Float64()*2098-1074))
		check("log", log(x), math.Log(x), x)
		x = 0.5 + r.Float64()
		check("log", log(x), math.Log(x), x)
	}
}
