package scoring_test

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"spiegel/scoring"
)

// syntheticRossi writes n made-up rows for rossi-cox: inputs drawn within the Rossi
// ranges, arrest times from the model's own hazard (exponential, with S0(52) ≈ 0.78
// at the reference profile), follow-up ending at 52 weeks and, for one row in five,
// earlier.
func syntheticRossi(n int) []byte {
	r := rand.New(rand.NewPCG(7, 8))
	var b bytes.Buffer
	b.WriteString("id,week,arrest,fin,age,wexp,mar,paro,prio\n")
	yesNo := []string{"no", "yes"}
	mar := []string{"married", "not married"}
	for i := 0; i < n; i++ {
		fin, wexp, married, paro := r.IntN(2), r.IntN(2), r.IntN(2), r.IntN(2)
		age, prio := 17+r.IntN(28), r.IntN(19)
		eta := -0.37*float64(fin) - 0.056*(float64(age)-24.6) - 0.16*float64(wexp) +
			0.47*float64(married) - 0.08*float64(paro) + 0.09*(float64(prio)-3)
		week := math.Ceil(r.ExpFloat64() / (0.0048 * math.Exp(eta)))
		end := 52.0
		if r.IntN(5) == 0 {
			end = float64(1 + r.IntN(52))
		}
		arrest := 1
		if week > end {
			week, arrest = end, 0
		}
		fmt.Fprintf(&b, "s%d,%v,%d,%s,%d,%s,%s,%s,%d\n", i, week, arrest, yesNo[fin], age,
			yesNo[wexp], mar[married], yesNo[paro], prio)
	}
	return b.Bytes()
}

// BenchmarkValidate100k reads and validates 100,000 rows with rossi-cox at 52 weeks,
// with the calibration table and subgroups by fin: the issue asks for seconds.
func BenchmarkValidate100k(b *testing.B) {
	data := syntheticRossi(100_000)
	m := builtin(b, "rossi-cox")
	spec := scoring.CohortSpec{Time: "week", Event: "arrest"}
	b.ResetTimer()
	for b.Loop() {
		c, err := scoring.ReadCohort(bytes.NewReader(data), spec)
		if err != nil {
			b.Fatal(err)
		}
		v, err := scoring.Validate(m, c, scoring.ValidationOptions{Horizon: 52, By: "fin"})
		if err != nil || v.N != 100_000 || v.CalibrationSlope == nil {
			b.Fatalf("Validate = %+v, %v; want 100,000 rows and a slope", v.Measures, err)
		}
	}
}
