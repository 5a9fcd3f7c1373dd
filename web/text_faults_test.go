package web

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
)

// TestFaultTextBothLanguages checks that every fault-demonstration message has an
// English and a Dutch value with the same placeholders, and that the English one is
// what the page carries.
func TestFaultTextBothLanguages(t *testing.T) {
	checkNoEmpty(t, "FaultsEN", reflect.ValueOf(FaultsEN))
	checkNoEmpty(t, "FaultsNL", reflect.ValueOf(FaultsNL))
	placeholder := regexp.MustCompile(`\{[a-z]+\}`)
	en, nl := reflect.ValueOf(FaultsEN), reflect.ValueOf(FaultsNL)
	for i := range en.NumField() {
		a := placeholder.FindAllString(en.Field(i).String(), -1)
		b := placeholder.FindAllString(nl.Field(i).String(), -1)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: English placeholders %v, Dutch %v", en.Type().Field(i).Name, a, b)
		}
		if en.Field(i).String() == nl.Field(i).String() && len(a) == 0 {
			t.Errorf("%s: Dutch text %q is the English one", en.Type().Field(i).Name,
				nl.Field(i).String())
		}
	}
	if English.JS.FaultText != FaultsEN {
		t.Error("the English page does not carry FaultsEN")
	}
}
