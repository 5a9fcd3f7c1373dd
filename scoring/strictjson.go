package scoring

// MaxDocumentBytes is the largest definition or parameter document accepted (4 MiB).
const MaxDocumentBytes = 4 << 20

// decodeStrict, which reads the package's documents, is written by internal/jsongen
// into json_gen.go, with the helpers of jsoncodec.go and the reader of jsonparse.go.
