//go:build jsongen

package scoring

import "errors"

// The entry points of json_gen.go, as stubs, so that internal/jsongen (which reads
// this package's types) builds with -tags jsongen even when json_gen.go is out of
// date and does not compile.

var errJSONGen = errors.New("built with -tags jsongen: JSON is not available")

// AppendJSON is a stub; see json_gen.go.
func AppendJSON(b []byte, v any) ([]byte, error) { return b, errJSONGen }

// DecodeJSON is a stub; see json_gen.go.
func DecodeJSON(data []byte, v any) error { return errJSONGen }

func decodeStrict(data []byte, v any) error { return errJSONGen }

func marshalIndent(v any) ([]byte, error) { return nil, errJSONGen }

var jtDefinition jsonType

var (
	definitionJSON      JSON[Definition]
	groupDefinitionJSON JSON[GroupDefinition]
	parameterFileJSON   JSON[ParameterFile]
	goldenFileJSON      JSON[GoldenFile]
	validateRequestJSON JSON[ValidateRequest]
)
