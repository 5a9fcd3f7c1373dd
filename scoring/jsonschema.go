package scoring

import (
	"strings"
	"unsafe"
)

// This file encodes and decodes the package's JSON types by walking a description
// of each type (jsonType, written for every type by internal/jsongen into
// json_gen.go) instead of by reflection. A description gives each struct member's
// JSON name, its offset in the struct (from unsafe.Offsetof, so the compiler fixes
// it for each platform) and its type; the few operations that need the Go type itself
// (making a slice, a map or a pointer) are small generic functions. It is what
// encoding/json does with package reflect, at a twentieth of the size, which matters
// because the engine is downloaded by the page; scoring's tests compare the results
// with encoding/json's over every type.

// The kinds of jsonType.
const (
	jtString = iota
	jtBool
	jtInt
	jtFloat
	jtPtr
	jtSlice
	jtMap
	jtStruct
	jtText // a string, read from a JSON string or number (NumberOrText)
)

// jsonType describes a Go type for JSON. Name is the type as reflect names it (for
// errors). Elem is the element of a pointer, slice or map; Fields the members of a
// struct. The functions do what only the typed code can: allocate.
type jsonType struct {
	kind   uint8
	name   string
	elem   *jsonType
	size   uintptr // of a slice's element
	fields []jsonField

	newElem   func() unsafe.Pointer                           // pointer, map: a new zero element
	makeSlice func(n int) unsafe.Pointer                      // slice: make(n)'s array
	mapKeys   func(p unsafe.Pointer) []string                 // map: the keys, in no order
	mapGet    func(p unsafe.Pointer, k string) unsafe.Pointer // map: a copy of m[k]
	mapSet    func(p unsafe.Pointer, k string, v unsafe.Pointer)
	mapLen    func(p unsafe.Pointer) int
	mapMake   func(p unsafe.Pointer) // map: *p = a new map
}

// jsonField is one struct member: its quoted name and colon as written, its name,
// its offset, its type, and whether omitempty leaves it out when empty.
type jsonField struct {
	key  string
	name string
	off  uintptr
	t    *jsonType
	omit bool
}

// JSON is the JSON form of T, one of the types that json_gen.go describes: a value
// for each (RecordJSON, DescriptionJSON, ...) writes and reads that type alone.
// AppendJSON and DecodeJSON take any of them, and so link every description; a
// program that names only the forms it uses links only theirs, which keeps the
// calculator's WebAssembly engine free of the studio's types.
type JSON[T any] struct{ t *jsonType }

// Append appends *v encoded as AppendJSON encodes it; nil is written as null. A
// number JSON cannot hold (NaN, an infinity) is an error; b is then returned as it
// was.
func (j JSON[T]) Append(b []byte, v *T) ([]byte, error) {
	return appendJSON(b, j.t, unsafe.Pointer(v))
}

// Encode returns v encoded as Append encodes it.
func (j JSON[T]) Encode(v T) ([]byte, error) {
	return appendJSON(nil, j.t, unsafe.Pointer(&v))
}

// Decode decodes one JSON document into v as DecodeJSON does: unknown members are
// ignored; duplicate keys, nesting deeper than 64 and trailing data are refused.
func (j JSON[T]) Decode(data []byte, v *T) error {
	return decodeJSON(data, j.t, unsafe.Pointer(v), true)
}

// decodeStrict decodes one JSON document into v as decodeStrict does.
func (j JSON[T]) decodeStrict(data []byte, v *T) error {
	return decodeJSON(data, j.t, unsafe.Pointer(v), false)
}

// The methods of JSON are one line each, so that the compiler inlines them rather
// than compile one copy per type; these do the work.

// appendJSON appends the value of type t at p, or null for a nil p.
func appendJSON(b []byte, t *jsonType, p unsafe.Pointer) ([]byte, error) {
	w := &jsonWriter{b: b}
	if p == nil {
		w.null()
	} else {
		w.write(t, p)
	}
	if w.err != nil {
		return b, w.err
	}
	return w.b, nil
}

// decodeJSON decodes one JSON document into the value of type t at p.
func decodeJSON(data []byte, t *jsonType, p unsafe.Pointer, lax bool) error {
	return decodeWith(data, lax, func(d *jsonDecoder, n *jsonNode) error {
		return d.read(t, n, "", p)
	})
}

// The descriptions of the basic types.
var (
	jsonTypeString = jsonType{kind: jtString, name: "string"}
	jsonTypeBool   = jsonType{kind: jtBool, name: "bool"}
	jsonTypeInt    = jsonType{kind: jtInt, name: "int"}
	jsonTypeFloat  = jsonType{kind: jtFloat, name: "float64"}
)

// The operations on pointers, slices and maps that need the Go type. Descriptions
// refer to them by instance (jsonNew[Level]), so that they are static data.

// jsonNew returns a new zero T.
func jsonNew[T any]() unsafe.Pointer { return unsafe.Pointer(new(T)) }

// jsonMakeSlice returns the array of a new []T of length n (a non-nil pointer even
// for n = 0, as make gives); the reader sets the slice itself, once for every type.
func jsonMakeSlice[T any](n int) unsafe.Pointer {
	return unsafe.Pointer(unsafe.SliceData(make([]T, n)))
}

// jsonMapKeys returns the keys of the map[string]V at p, in no order. The writer
// sorts them, once for every type rather than in each instance.
func jsonMapKeys[V any](p unsafe.Pointer) []string { return jsonKeys(*(*map[string]V)(p)) }

// jsonMapGet returns a pointer to a copy of m[k] for the map m at p.
func jsonMapGet[V any](p unsafe.Pointer, k string) unsafe.Pointer {
	v := (*(*map[string]V)(p))[k]
	return unsafe.Pointer(&v)
}

// jsonMapSet sets m[k] to the V at v for the map m at p.
func jsonMapSet[V any](p unsafe.Pointer, k string, v unsafe.Pointer) {
	(*(*map[string]V)(p))[k] = *(*V)(v)
}

// jsonMapLen returns the length of the map at p.
func jsonMapLen[V any](p unsafe.Pointer) int { return len(*(*map[string]V)(p)) }

// jsonMapMake sets the map at p to a new empty map.
func jsonMapMake[V any](p unsafe.Pointer) { *(*map[string]V)(p) = map[string]V{} }

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// isNil reports whether the pointer or map at p is nil.
func isNil(p unsafe.Pointer) bool { return *(*unsafe.Pointer)(p) == nil }

// empty reports whether omitempty leaves out the value of type t at p.
func (t *jsonType) empty(p unsafe.Pointer) bool {
	switch t.kind {
	case jtString, jtText:
		return len(*(*string)(p)) == 0
	case jtBool:
		return !*(*bool)(p)
	case jtInt:
		return *(*int)(p) == 0
	case jtFloat:
		return *(*float64)(p) == 0
	case jtPtr:
		return isNil(p)
	case jtSlice:
		return (*sliceHeader)(p).len == 0
	case jtMap:
		return isNil(p) || t.mapLen(p) == 0
	}
	return false
}

// write encodes the value of type t at p.
func (w *jsonWriter) write(t *jsonType, p unsafe.Pointer) {
	switch t.kind {
	case jtString, jtText:
		w.str(*(*string)(p))
	case jtBool:
		w.bool(*(*bool)(p))
	case jtInt:
		w.int(*(*int)(p))
	case jtFloat:
		w.float(*(*float64)(p))
	case jtPtr:
		if isNil(p) {
			w.null()
			return
		}
		w.write(t.elem, *(*unsafe.Pointer)(p))
	case jtSlice:
		w.writeSlice(t, (*sliceHeader)(p))
	case jtMap:
		w.writeMap(t, p)
	case jtStruct:
		w.writeStruct(t, p)
	}
}

// writeSlice encodes a slice: null when nil.
func (w *jsonWriter) writeSlice(t *jsonType, s *sliceHeader) {
	if s.data == nil {
		w.null()
		return
	}
	w.b = append(w.b, '[')
	for i := 0; i < s.len; i++ {
		w.sep(i)
		w.write(t.elem, unsafe.Add(s.data, uintptr(i)*t.size))
	}
	w.b = append(w.b, ']')
}

// writeMap encodes a map with its keys in order: null when nil.
func (w *jsonWriter) writeMap(t *jsonType, p unsafe.Pointer) {
	if isNil(p) {
		w.null()
		return
	}
	w.b = append(w.b, '{')
	keys := t.mapKeys(p)
	sortStrings(keys)
	for i, k := range keys {
		w.sep(i)
		w.str(k)
		w.b = append(w.b, ':')
		w.write(t.elem, t.mapGet(p, k))
	}
	w.b = append(w.b, '}')
}

// writeStruct encodes a struct's members in order, leaving out empty omitempty ones.
func (w *jsonWriter) writeStruct(t *jsonType, p unsafe.Pointer) {
	w.b = append(w.b, '{')
	first := true
	for i := range t.fields {
		f := &t.fields[i]
		fp := unsafe.Add(p, f.off)
		if f.omit && f.t.empty(fp) {
			continue
		}
		if !first {
			w.b = append(w.b, ',')
		}
		first = false
		w.b = append(w.b, f.key...)
		w.write(f.t, fp)
	}
	w.b = append(w.b, '}')
}

// read decodes n into the value of type t at p, path naming it in errors.
func (d *jsonDecoder) read(t *jsonType, n *jsonNode, path string, p unsafe.Pointer) error {
	switch t.kind {
	case jtString:
		return d.str(n, path, (*string)(p), t.name)
	case jtText:
		return d.text(n, path, (*string)(p), t.name)
	case jtBool:
		return d.bool(n, path, (*bool)(p), t.name)
	case jtInt:
		return d.int(n, path, (*int)(p), t.name)
	case jtFloat:
		return d.float(n, path, (*float64)(p), t.name)
	case jtPtr:
		return d.readPtr(t, n, path, p)
	case jtSlice:
		return d.readSlice(t, n, path, p)
	case jtMap:
		return d.readMap(t, n, path, p)
	}
	return d.readStruct(t, n, path, p)
}

// readPtr decodes into a pointer: null makes it nil; else it points to the value,
// allocated when the pointer is nil.
func (d *jsonDecoder) readPtr(t *jsonType, n *jsonNode, path string, p unsafe.Pointer) error {
	pp := (*unsafe.Pointer)(p)
	if n.kind == jsonNull {
		*pp = nil
		return nil
	}
	if *pp == nil {
		*pp = t.newElem()
	}
	return d.read(t.elem, n, path, *pp)
}

// readSlice decodes an array into a new slice; null makes it nil.
func (d *jsonDecoder) readSlice(t *jsonType, n *jsonNode, path string, p unsafe.Pointer) error {
	switch n.kind {
	case jsonNull:
		*(*sliceHeader)(p) = sliceHeader{}
		return nil
	case jsonArray:
	default:
		return d.typeError(n, path, t.name)
	}
	data := t.makeSlice(len(n.elems))
	*(*sliceHeader)(p) = sliceHeader{data, len(n.elems), len(n.elems)}
	for i := range n.elems {
		if err := d.read(t.elem, &n.elems[i], path, unsafe.Add(data, uintptr(i)*t.size)); err != nil {
			return err
		}
	}
	return nil
}

// readMap decodes an object's members into a map, made when nil; null makes it nil.
func (d *jsonDecoder) readMap(t *jsonType, n *jsonNode, path string, p unsafe.Pointer) error {
	switch n.kind {
	case jsonNull:
		*(*unsafe.Pointer)(p) = nil
		return nil
	case jsonObject:
	default:
		return d.typeError(n, path, t.name)
	}
	if isNil(p) {
		t.mapMake(p)
	}
	for i, k := range n.keys {
		v := t.newElem()
		if err := d.read(t.elem, &n.elems[i], member(path, k), v); err != nil {
			return err
		}
		t.mapSet(p, k, v)
	}
	return nil
}

// readStruct decodes an object's members into a struct's fields: a key matches a
// field's name exactly or else ignoring case; other keys are refused (or ignored by
// a lax decoder).
func (d *jsonDecoder) readStruct(t *jsonType, n *jsonNode, path string, p unsafe.Pointer) error {
	switch n.kind {
	case jsonNull:
		return nil
	case jsonObject:
	default:
		return d.typeError(n, path, t.name)
	}
	for i, k := range n.keys {
		f := t.field(k)
		if f == nil {
			if err := d.unknown(path, k); err != nil {
				return err
			}
			continue
		}
		if err := d.read(f.t, &n.elems[i], member(path, k), unsafe.Add(p, f.off)); err != nil {
			return err
		}
	}
	return nil
}

// field returns the field that key names, or nil.
func (t *jsonType) field(key string) *jsonField {
	for i := range t.fields {
		if t.fields[i].name == key {
			return &t.fields[i]
		}
	}
	for i := range t.fields {
		if strings.EqualFold(t.fields[i].name, key) {
			return &t.fields[i]
		}
	}
	return nil
}
