package scoring

import "math/bits"

// This file computes SHA-256 as FIPS 180-4 specifies it, for the hashes of definition
// documents, parameter files and data sets. Package crypto/sha256 would do the same
// but brings the FIPS 140 module with it, about 0.5 MB of the WebAssembly engine;
// the tests check this one against crypto/sha256 and the standard's examples.
//
// [1] NIST (2015). FIPS PUB 180-4, Secure Hash Standard (SHS). doi:10.6028/NIST.FIPS.180-4

// sha256K is K⁽²⁵⁶⁾ of [1] §4.2.2: the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes.
var sha256K = [64]uint32{
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

// sha256H0 is the initial hash value H⁽⁰⁾ of [1] §5.3.3.
var sha256H0 = [8]uint32{
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
}

// sha256Digest is a running SHA-256 computation; the zero value is not ready, use
// newSHA256. Its Write never fails, so it serves as an io.Writer.
type sha256Digest struct {
	h     [8]uint32
	block [64]byte
	used  int    // bytes of block filled
	total uint64 // message length so far, in bytes
}

// newSHA256 starts a SHA-256 computation.
func newSHA256() *sha256Digest {
	return &sha256Digest{h: sha256H0}
}

// sha256Hex returns the SHA-256 of data as 64 lowercase hex digits.
func sha256Hex(data []byte) string {
	d := newSHA256()
	d.Write(data)
	return hexString(d.Sum(nil))
}

// Write adds p to the message.
func (d *sha256Digest) Write(p []byte) (int, error) {
	n := len(p)
	d.total += uint64(n)
	if d.used > 0 {
		k := copy(d.block[d.used:], p)
		d.used, p = d.used+k, p[k:]
		if d.used < 64 {
			return n, nil
		}
		d.compress(d.block[:])
		d.used = 0
	}
	for len(p) >= 64 {
		d.compress(p[:64])
		p = p[64:]
	}
	d.used = copy(d.block[:], p)
	return n, nil
}

// Sum appends the hash of the message so far to b, leaving d unchanged.
func (d *sha256Digest) Sum(b []byte) []byte {
	// Padding, [1] §5.1.1: a 1 bit, zeros up to 56 bytes mod 64, then the message
	// length in bits as a 64-bit big-endian number.
	c := *d
	bitLen := c.total * 8
	pad := [72]byte{0x80}
	k := 56 - c.used
	if k <= 0 {
		k += 64
	}
	for i := 0; i < 8; i++ {
		pad[k+i] = byte(bitLen >> (56 - 8*i))
	}
	c.Write(pad[:k+8])
	for _, w := range c.h {
		b = append(b, byte(w>>24), byte(w>>16), byte(w>>8), byte(w))
	}
	return b
}

// compress applies the SHA-256 hash computation of [1] §6.2.2 to one 64-byte block.
func (d *sha256Digest) compress(p []byte) {
	// Message schedule: W_t = M_t for t < 16, then
	// W_t = σ1(W_{t−2}) + W_{t−7} + σ0(W_{t−15}) + W_{t−16}.
	var w [64]uint32
	for t := 0; t < 16; t++ {
		w[t] = uint32(p[4*t])<<24 | uint32(p[4*t+1])<<16 | uint32(p[4*t+2])<<8 | uint32(p[4*t+3])
	}
	for t := 16; t < 64; t++ {
		s0 := bits.RotateLeft32(w[t-15], -7) ^ bits.RotateLeft32(w[t-15], -18) ^ w[t-15]>>3
		s1 := bits.RotateLeft32(w[t-2], -17) ^ bits.RotateLeft32(w[t-2], -19) ^ w[t-2]>>10
		w[t] = s1 + w[t-7] + s0 + w[t-16]
	}

	// T1 = h + Σ1(e) + Ch(e, f, g) + K_t + W_t;  T2 = Σ0(a) + Maj(a, b, c).
	a, b, c, dd, e, f, g, h := d.h[0], d.h[1], d.h[2], d.h[3], d.h[4], d.h[5], d.h[6], d.h[7]
	for t := 0; t < 64; t++ {
		S1 := bits.RotateLeft32(e, -6) ^ bits.RotateLeft32(e, -11) ^ bits.RotateLeft32(e, -25)
		ch := e&f ^ ^e&g
		t1 := h + S1 + ch + sha256K[t] + w[t]
		S0 := bits.RotateLeft32(a, -2) ^ bits.RotateLeft32(a, -13) ^ bits.RotateLeft32(a, -22)
		maj := a&b ^ a&c ^ b&c
		t2 := S0 + maj
		h, g, f, e, dd, c, b, a = g, f, e, dd+t1, c, b, a, t1+t2
	}

	// H_i = H_i + the working variable i.
	for i, v := range [8]uint32{a, b, c, dd, e, f, g, h} {
		d.h[i] += v
	}
}

// hexString returns b as lowercase hexadecimal digits.
func hexString(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 2*len(b))
	for i, x := range b {
		out[2*i], out[2*i+1] = digits[x>>4], digits[x&15]
	}
	return string(out)
}
