package scoring

// sortedCaseKeys returns the fields of a case in order, for stable warnings.
func sortedCaseKeys(c Case) []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}

// sortStrings sorts a short list of strings in place. It is an insertion sort: the
// lists it sorts (a case's fields, a map's keys, model ids) have tens of entries,
// and sort.Strings would bring a generic sort of about 20 KB into the WebAssembly
// engine.
func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
