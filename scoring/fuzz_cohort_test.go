package scoring_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"

	"spiegel/scoring"
)

// FuzzReadCohort feeds arbitrary bytes to ReadCohort, the parser of the validation
// data a user loads, and validates what it reads with rossi-cox. Invariants: no
// panic; every data row read is either usable or listed as refused, in order, never
// dropped; usable rows have one field per column; the SHA-256 is that of the bytes;
// and Validate gives a result that encodes as JSON, or an error. Its seed corpus,
// testdata/fuzz/FuzzReadCohort/, holds Rossi rows, binary outcomes and hostile
// inputs (broken quoting, a BOM, NUL bytes, invalid UTF-8, repeated columns).
func FuzzReadCohort(f *testing.F) {
	f.Add([]byte("week,arrest,fin,age,race,wexp,mar,paro,prio\n" +
		"20,1,no,27,black,no,not married,yes,3\n52,0,yes,18,other,yes,married,no,0\n"))
	m := builtin(f, "rossi-cox")
	spec := scoring.CohortSpec{Time: "week", Event: "arrest"}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := scoring.ReadCohort(bytes.NewReader(data), spec)
		if err != nil {
			return
		}
		checkCohort(t, c, data)
		v, err := scoring.Validate(m, c, scoring.ValidationOptions{Horizon: 52, By: "fin"})
		if err != nil {
			return
		}
		if _, err := json.Marshal(v); err != nil {
			t.Errorf("Validate(%q) = a result that does not encode: %v", data, err)
		}
	})
}

// checkCohort checks that every row read is accounted for, once and in order.
func checkCohort(t *testing.T, c *scoring.Cohort, data []byte) {
	t.Helper()
	if sum := sha256.Sum256(data); c.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 = %s, want %x", c.SHA256, sum)
	}
	if len(c.Rows)+len(c.Bad) != c.Read {
		t.Errorf("%d usable + %d refused rows, want the %d read", len(c.Rows), len(c.Bad), c.Read)
	}
	seen := make([]bool, c.Read+1)
	for _, r := range c.Rows {
		if len(r.Fields) != len(c.Header) || r.Row < 1 || r.Row > c.Read || seen[r.Row] {
			t.Fatalf("row %d: %d fields for %d columns, or out of place", r.Row,
				len(r.Fields), len(c.Header))
		}
		seen[r.Row] = true
	}
	for _, b := range c.Bad {
		if b.Row < 1 || b.Row > c.Read || seen[b.Row] || len(b.Errors) == 0 {
			t.Fatalf("bad row %+v: out of place, or listed without a reason", b)
		}
		seen[b.Row] = true
	}
}
