package scoring

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSHA256Examples checks the examples of FIPS 180-4's companion document (NIST,
// "SHA256.pdf", Cryptographic Standards and Guidelines: Examples with Intermediate
// Values): one block, two blocks, and a million times "a".
func TestSHA256Examples(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
			"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
		{strings.Repeat("a", 1000000),
			"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
	}
	for _, tt := range tests {
		if got := sha256Hex([]byte(tt.in)); got != tt.want {
			t.Errorf("sha256Hex(%.20q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestSHA256MatchesCrypto compares with crypto/sha256 over every length up to three
// blocks and random longer messages, written whole and in random pieces.
func TestSHA256MatchesCrypto(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 400; n++ {
		size := n
		if n >= 200 {
			size = r.IntN(5000)
		}
		data := make([]byte, size)
		for i := range data {
			data[i] = byte(r.UintN(256))
		}
		sum := sha256.Sum256(data)
		want := hex.EncodeToString(sum[:])
		if got := sha256Hex(data); got != want {
			t.Fatalf("sha256Hex(%d bytes) = %s, want %s", size, got, want)
		}
		d, rest := newSHA256(), data
		for len(rest) > 0 {
			k := r.IntN(len(rest) + 1)
			d.Write(rest[:k])
			rest = rest[k:]
		}
		if got := hexString(d.Sum(nil)); got != want {
			t.Fatalf("pieces of %d bytes: %s, want %s", size, got, want)
		}
	}
}
