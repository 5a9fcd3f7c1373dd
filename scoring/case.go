package scoring

import "sort"

// sortedCaseKeys returns the fields of a case in order, for stable warnings.
func sortedCaseKeys(c Case) []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
