package scoring

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// fitTolerance is the agreement required of the hand-derived and closed-form values
// below: they are exact up to rounding, and the fits stop at steps near 1e-10,
// leaving errors near 1e-20.
const fitTolerance = 1e-12

func TestKaplanMeierByHand(t *testing.T) {
	// Times 1 2 2 3 4 5, events 1 1 0 1 0 1. At 2 the event comes before the censoring,
	// so 5 are at risk: S(1) = 5/6, S(2) = 5/6 · 4/5, S(3) = 4/6 · 2/3, S(5) = 0.
	time := []float64{2, 1, 2, 3, 4, 5}
	event := []bool{true, true, false, true, false, true}
	km := kaplanMeier(time, event)
	tests := []struct {
		t, surv, greenwood float64
	}{
		{0.5, 1, 0},
		{1, 5.0 / 6, 1.0 / 30},
		{2.5, 4.0 / 6, 1.0/30 + 1.0/20},
		{4, 4.0 / 9, 1.0/30 + 1.0/20 + 1.0/6},
		{5, 0, math.Inf(1)},
	}
	for _, tt := range tests {
		s, gw := km.at(tt.t)
		if math.Abs(s-tt.surv) > fitTolerance || !(math.Abs(gw-tt.greenwood) <= fitTolerance ||
			gw == tt.greenwood) {
			t.Errorf("kaplanMeier.at(%v) = %v, %v; want %v, %v", tt.t, s, gw, tt.surv,
				tt.greenwood)
		}
	}
	if got := km.before(3); math.Abs(got-4.0/6) > fitTolerance || km.last != 5 {
		t.Errorf("kaplanMeier.before(3), last = %v, %v; want 4/6, 5", got, km.last)
	}
	if r, lo, hi := km.riskCI(5, z95); r != 1 || lo != 1 || hi != 1 {
		t.Errorf("riskCI where S = 0 = %v [%v, %v], want 1 [1, 1]", r, lo, hi)
	}
}

// efronSlow is a straight transcription of Efron's log partial likelihood, looping
// over every event time and every subject: the reference for coxTies.eval.
func efronSlow(time []float64, event []bool, x []float64, b float64) float64 {
	ll := 0.0
	seen := map[float64]bool{}
	for _, s := range time {
		if seen[s] {
			continue
		}
		seen[s] = true
		var risk, dsum, xsum float64
		d := 0
		for j := range time {
			if time[j] >= s {
				risk += math.Exp(b * x[j])
			}
			if time[j] == s && event[j] {
				dsum, xsum, d = dsum+math.Exp(b*x[j]), xsum+x[j], d+1
			}
		}
		ll += b * xsum
		for k := 0; k < d; k++ {
			ll -= math.Log(risk - float64(k)/float64(d)*dsum)
		}
	}
	return ll
}

func TestCoxSlopeMaximisesEfron(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 20; trial++ {
		n := 20 + r.IntN(40)
		time, event, x := make([]float64, n), make([]bool, n), make([]float64, n)
		for i := range time {
			x[i] = r.NormFloat64()
			time[i] = float64(1 + r.IntN(8)) // many ties
			event[i] = r.IntN(3) > 0
		}
		b, err := coxSlope(time, event, x)
		if err != nil {
			t.Fatalf("coxSlope error: %v", err)
		}
		// ℓ′(b̂) = 0 by central differences on the slow transcription, and the fast
		// log-likelihood is the slow one up to centring (a constant b · mean · d).
		h := 1e-5
		d1 := (efronSlow(time, event, x, b+h) - efronSlow(time, event, x, b-h)) / (2 * h)
		if math.Abs(d1) > 1e-6 {
			t.Errorf("trial %d: ℓ′(b̂ = %v) = %v, want 0", trial, b, d1)
		}
	}
}

func TestLogisticFitClosedForm(t *testing.T) {
	// One binary covariate: â = logit of the x = 0 group, b̂ = log odds ratio.
	// x = 0: 3 events of 10; x = 1: 6 of 8.
	var y []bool
	var x []float64
	for i := 0; i < 18; i++ {
		g := 0.0
		if i >= 10 {
			g = 1
		}
		x, y = append(x, g), append(y, (i < 3) || (i >= 10 && i < 16))
	}
	a, b, err := fitLogistic(y, x, make([]float64, len(y)), true)
	wantA, wantB := math.Log(3.0/7), math.Log((6.0/2)/(3.0/7))
	if err != nil || math.Abs(a-wantA) > fitTolerance || math.Abs(b-wantB) > fitTolerance {
		t.Errorf("fitLogistic = %v, %v, %v; want %v, %v", a, b, err, wantA, wantB)
	}
	off := []float64{0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5, -0.5}
	a, _, err = fitLogistic(y[:10], nil, off, false)
	p := 0.0
	for _, o := range off {
		p += logistic(a+o) / 10
	}
	if err != nil || math.Abs(p-0.3) > fitTolerance {
		t.Errorf("fitLogistic with offset: mean fitted %v, %v; want the observed 0.3", p, err)
	}
}

func TestFitsRefuseNoFiniteMaximum(t *testing.T) {
	x := []float64{1, 2, 3, 4}
	tests := []struct {
		name string
		fit  func() error
	}{
		{"cox without events", func() error {
			_, err := coxSlope([]float64{1, 2, 3, 4}, make([]bool, 4), x)
			return err
		}},
		{"cox with separated events", func() error {
			_, err := coxSlope([]float64{1, 2, 3, 4}, []bool{true, true, true, false}, []float64{4, 3, 2, 1})
			return err
		}},
		{"logistic, every outcome 1", func() error {
			_, _, err := fitLogistic([]bool{true, true, true, true}, x, make([]float64, 4), true)
			return err
		}},
		{"logistic, separated outcomes", func() error {
			_, _, err := fitLogistic([]bool{false, false, true, true}, x, make([]float64, 4), true)
			return err
		}},
		{"logistic, constant risk", func() error {
			_, _, err := fitLogistic([]bool{false, true, false, true}, []float64{1, 1, 1, 1},
				make([]float64, 4), true)
			return err
		}},
	}
	for _, tt := range tests {
		if err := tt.fit(); !errors.Is(err, ErrNotConverged) {
			t.Errorf("%s: error %v, want ErrNotConverged", tt.name, err)
		}
	}
}

func TestRankGroupsKeepTies(t *testing.T) {
	x := []float64{5, 1, 3, 3, 3, 2, 9, 8, 7, 6}
	// Ranks (min): 5→6, 1→1, 3→3, 2→2, 9→10, 8→9, 7→8, 6→7; ⌈5 r / 10⌉.
	want := []int{3, 1, 2, 2, 2, 1, 5, 5, 4, 4}
	if got := rankGroups(x, 5); !reflect.DeepEqual(got, want) {
		t.Errorf("rankGroups(%v, 5) = %v, want %v", x, got, want)
	}
}

func TestWilsonEdges(t *testing.T) {
	// R: prop.test(0, 10, correct = FALSE)$conf.int = 0 0.2775328 (printed to 7 digits).
	lo, hi := wilson(0, 10, z95)
	if lo != 0 || math.Abs(hi-0.2775328) > 5e-8 {
		t.Errorf("wilson(0, 10) = %v, %v; want 0, 0.2775328", lo, hi)
	}
	if lo, hi := wilson(10, 10, z95); hi != 1 || math.Abs(lo-(1-0.2775328)) > 5e-8 {
		t.Errorf("wilson(10, 10) = %v, %v; want 0.7224672, 1", lo, hi)
	}
}

func TestBrierWithoutCensoringIsMSE(t *testing.T) {
	time := []float64{3, 5, 8, 10, 10, 10}
	event := []bool{true, true, true, false, false, false}
	p := []float64{0.6, 0.2, 0.5, 0.1, 0.3, 0.4}
	y := []bool{true, true, false, false, false, false} // events by t = 6
	got, want := brierIPCW(time, event, p, 6), brierBinary(y, p)
	if math.Abs(got-want) > fitTolerance {
		t.Errorf("brierIPCW without censoring before t = %v, want the MSE %v", got, want)
	}
}

func TestSolveBaselineMatchesMeanRisk(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 50; trial++ {
		eta := make([]float64, 1+r.IntN(200))
		for i := range eta {
			eta[i] = 2 * r.NormFloat64()
		}
		obs := 0.001 + 0.998*r.Float64()
		s0, err := solveBaseline(eta, obs)
		got := 0.0
		for _, e := range eta {
			got += coxRisk(s0, e) / float64(len(eta))
		}
		if err != nil || math.Abs(got-obs) > fitTolerance {
			t.Errorf("solveBaseline: mean risk %v with S0 = %v (%v), want %v", got, s0, err, obs)
		}
	}
}
