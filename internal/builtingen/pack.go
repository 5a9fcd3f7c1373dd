package main

// pack compresses data into the form scoring's unpack reads: a sequence of steps,
// each a literal run and then, unless the data end there, a copy of earlier output:
//
//	uvarint L, then L bytes           the literal run
//	uvarint M, uvarint D              M bytes copied from D bytes back (D ≥ 1)
//
// It is LZ77 with a greedy parse: at each position it takes the longest earlier
// match of at least minMatch bytes, looking back through the last maxChain
// positions that start with the same minMatch bytes. The built-in definitions are
// much alike (the four OxRec-NL templates differ in a few names), so the packed
// form is about a ninth of their size.
func pack(data []byte) []byte {
	const minMatch, maxChain = 4, 256
	var out []byte
	chains := map[string][]int{}
	lit := 0
	for i := 0; i < len(data); {
		n, d := 0, 0
		if i+minMatch <= len(data) {
			key := string(data[i : i+minMatch])
			c := chains[key]
			for k := len(c) - 1; k >= 0 && k >= len(c)-maxChain; k-- {
				if l := matchLen(data, c[k], i); l > n {
					n, d = l, i-c[k]
				}
			}
		}
		if n < minMatch {
			addChain(chains, data, i, minMatch)
			i++
			continue
		}
		out = appendUvarint(out, i-lit)
		out = append(out, data[lit:i]...)
		out = appendUvarint(appendUvarint(out, n), d)
		for k := i; k < i+n; k++ {
			addChain(chains, data, k, minMatch)
		}
		i += n
		lit = i
	}
	out = appendUvarint(out, len(data)-lit)
	return append(out, data[lit:]...)
}

// matchLen is the length of the common run of data from j and from i (j < i).
func matchLen(data []byte, j, i int) int {
	n := 0
	for i+n < len(data) && data[j+n] == data[i+n] {
		n++
	}
	return n
}

// addChain records that the minMatch bytes at i start there.
func addChain(chains map[string][]int, data []byte, i, minMatch int) {
	if i+minMatch <= len(data) {
		key := string(data[i : i+minMatch])
		chains[key] = append(chains[key], i)
	}
}

// appendUvarint appends n as a base-128 varint, low group first.
func appendUvarint(b []byte, n int) []byte {
	for n >= 0x80 {
		b = append(b, byte(n)|0x80)
		n >>= 7
	}
	return append(b, byte(n))
}
