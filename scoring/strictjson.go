package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// MaxDocumentBytes is the largest definition or parameter document accepted (4 MiB).
const MaxDocumentBytes = 4 << 20

// errDuplicateKey reports an object that names the same key twice.
var errDuplicateKey = errors.New("duplicate key")

// decodeStrict decodes one JSON document into v, refusing unknown fields, duplicate
// keys, trailing data and documents over MaxDocumentBytes. Errors name the JSON path.
func decodeStrict(data []byte, v any) error {
	if len(data) > MaxDocumentBytes {
		return errorf("document of %d bytes is larger than %d", len(data), MaxDocumentBytes)
	}
	if err := checkDuplicateKeys(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return describeJSONError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the JSON document")
	}
	return nil
}

// describeJSONError rewrites encoding/json errors to name the field path.
func describeJSONError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		path := te.Field
		if path == "" {
			path = "document"
		}
		return errorf("%s: %s is not a valid %s", path, te.Value, te.Type)
	}
	return err
}

// checkDuplicateKeys walks the token stream and reports the first object key that
// occurs twice in one object, with its path.
func checkDuplicateKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return walkValue(dec, "$", 0)
}

// maxDepth bounds the nesting of a document, so that hostile input cannot exhaust the
// stack.
const maxDepth = 64

// walkValue reads one JSON value from dec, checking objects for duplicate keys.
func walkValue(dec *json.Decoder, path string, depth int) error {
	if depth > maxDepth {
		return errorf("%s: nested deeper than %d", path, maxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return errorf("%s: %w", path, tokenError(err))
	}
	switch tok {
	case json.Delim('{'):
		return walkObject(dec, path, depth)
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if err := walkValue(dec, path+"["+strconv.Itoa(i)+"]", depth+1); err != nil {
				return err
			}
		}
		_, err = dec.Token()
		return err
	}
	return nil
}

// walkObject reads the members of an object whose '{' was just read.
func walkObject(dec *json.Decoder, path string, depth int) error {
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return errorf("%s: %w", path, tokenError(err))
		}
		key, _ := tok.(string)
		if seen[key] {
			return errorf("%s.%s: %w", path, key, errDuplicateKey)
		}
		seen[key] = true
		if err := walkValue(dec, path+"."+key, depth+1); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}

// tokenError names the end of input, which encoding/json reports as a bare io.EOF.
func tokenError(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
