package scoring

import (
	"errors"
	"strings"
	"sync"
)

// builtinFile is one file of the built-in definitions (models/, one published model
// per file), groups of variants (groups/) and parameter files (params/), held in
// builtin_gen.go, which internal/builtingen writes from those folders: the files
// one after another, packed, in builtinPacked, and here where this one is once they
// are unpacked. Definitions and groups are held with the white space between tokens
// removed (json.Compact), a quarter smaller; sha256 is the SHA-256 of the file as
// it is in the folder, which is what a model reports. Parameter files are held byte
// for byte. They are not embedded with package embed, which would bring io/fs and
// time into the WebAssembly engine (about 0.2 MB) and hold them unpacked (0.15 MB
// rather than 15 KB).
type builtinFile struct {
	path   string
	off, n int // where the file is in builtinPacked unpacked
	sha256 string
}

// The built-in files unpacked, once.
var (
	unpackOnce sync.Once
	unpacked   string
	unpackErr  error
)

// data returns the file's text, or an error when builtinPacked does not unpack,
// which TestBuiltinDataCurrent rules out.
func (f builtinFile) data() (string, error) {
	unpackOnce.Do(func() { unpacked, unpackErr = unpack(builtinPacked, builtinSize) })
	if unpackErr != nil {
		return "", unpackErr
	}
	return unpacked[f.off : f.off+f.n], nil
}

// builtinDir returns the files of one folder of builtinFiles, in name order.
func builtinDir(dir string) (names []string, files []builtinFile) {
	for _, f := range builtinFiles {
		if name, ok := strings.CutPrefix(f.path, dir+"/"); ok {
			names, files = append(names, name), append(files, f)
		}
	}
	return names, files
}

// builtinData returns the file at path of builtinFiles, or nil.
func builtinData(path string) []byte {
	for _, f := range builtinFiles {
		if f.path == path {
			text, err := f.data()
			if err != nil {
				return nil
			}
			return []byte(text)
		}
	}
	return nil
}

// errPacked reports packed data that do not unpack to what they should.
var errPacked = errors.New("built-in files: the packed data are damaged")

// unpack undoes internal/builtingen's pack: src is a sequence of steps, each a
// literal run and then, unless src ends there, a copy of earlier output (LZ77):
//
//	uvarint L, then L bytes           the literal run
//	uvarint M, uvarint D              M bytes copied from D bytes back (D ≥ 1)
//
// A copy may overlap the bytes it writes (a run). The output must be size bytes.
func unpack(src string, size int) (string, error) {
	out := make([]byte, 0, size)
	for i := 0; i < len(src); {
		l, ok := uvarint(src, &i)
		if !ok || l > len(src)-i || l > size-len(out) {
			return "", errPacked
		}
		out = append(out, src[i:i+l]...)
		if i += l; i == len(src) {
			break
		}
		m, okM := uvarint(src, &i)
		d, okD := uvarint(src, &i)
		if !okM || !okD || d < 1 || d > len(out) || m > size-len(out) {
			return "", errPacked
		}
		for range m {
			out = append(out, out[len(out)-d])
		}
	}
	if len(out) != size {
		return "", errPacked
	}
	return string(out), nil
}

// uvarint reads a base-128 varint, low group first, at *i and moves *i past it. It
// refuses one that does not end or needs more than 28 bits.
func uvarint(src string, i *int) (int, bool) {
	n := 0
	for shift := 0; shift < 28; shift += 7 {
		if *i >= len(src) {
			return 0, false
		}
		c := src[*i]
		*i++
		n |= int(c&0x7f) << shift
		if c < 0x80 {
			return n, true
		}
	}
	return 0, false
}
