package wasm

import (
	"reflect"
	"testing"

	"spiegel/scoring"
)

func TestWhatIf(t *testing.T) {
	cat, api := builtin(t)
	m, _ := cat.Model("ogrs3")
	after := `{"sex": "female", "offence_group": "8", "previous_sanctions": 4,
		"birth_date": "1990-05-17", "first_sanction_date": "2006-02-01",
		"conviction_date": "2023-09-12", "assessment_date": "2024-01-15"}`
	afterCase := scoring.Case{}
	for k, v := range ogrs3Want {
		afterCase[k] = v
	}
	afterCase["sex"] = "female"
	got := decode[scoring.WhatIfRecord](t, api.WhatIf("ogrs3", []byte(ogrs3Case), []byte(after)))
	want := decode[scoring.WhatIfRecord](t,
		must(scoring.WhatIfRecordJSON.Encode(scoring.WhatIf(m, ogrs3Want, afterCase))))
	if !reflect.DeepEqual(got, want) || len(got.Changed) != 1 || got.Changed[0] != "sex" ||
		got.DifferencePP["1y"] == 0 {
		t.Errorf("WhatIf() = %+v, want %+v", got, want)
	}
	for _, bad := range [][2]string{{"nope", ogrs3Case}, {"ogrs3", `[1]`}} {
		r := decode[scoring.Record](t, api.WhatIf(bad[0], []byte(ogrs3Case), []byte(bad[1])))
		if r.Error == "" {
			t.Errorf("WhatIf(%s, %s) = %+v, want an error record", bad[0], bad[1], r)
		}
	}
}
