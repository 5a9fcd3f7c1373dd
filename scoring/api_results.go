package scoring

// This file holds the shapes of the JavaScript API's answers that are not one of the
// engine's own records: a validation with the file it read, a recalibration with its
// files as text, a loaded definition's report, and the fault demonstration's
// population and run. They live here, beside the records, so that AppendJSON (see
// json_gen.go) writes them without encoding/json in the engine.

// ValidationResult is validate()'s answer, and what `spiegel validate` prints: the
// file read and the validation.
type ValidationResult struct {
	File string `json:"file"`
	Validation
}

// ComparisonResult is validate()'s answer when it compares two models on the same
// rows: the file read and the comparison.
type ComparisonResult struct {
	File string `json:"file"`
	Comparison
}

// RecalibrationResult is recalibrate()'s answer: what changed, the new definition
// and its golden cases as text, the file names to save them under, and the new
// model's measures on the same data at the same horizon.
type RecalibrationResult struct {
	RecalibrationSummary
	Definition     string   `json:"definition"`
	Golden         string   `json:"golden"`
	FileName       string   `json:"file_name"`
	GoldenFileName string   `json:"golden_file_name"`
	Validation     Measures `json:"validation"`
	// Params is, for a variant bound to a parameter file, the new parameter file of
	// its group (see RecalibratedParams), with its file name and SHA-256.
	Params         string `json:"params,omitempty"`
	ParamsFileName string `json:"params_file_name,omitempty"`
	ParamsSHA256   string `json:"params_sha256,omitempty"`
	// Synthetic says that the recalibrated model, and so every file here, is made from
	// synthetic training numbers.
	Synthetic bool `json:"synthetic,omitempty"`
}

// ModelReport is loadModel()'s answer: whether the definition loaded and reproduced
// its golden cases, and the model it gives.
type ModelReport struct {
	Passed           bool   `json:"passed"`
	Model            string `json:"model,omitempty"`
	Name             string `json:"name,omitempty"`
	Version          string `json:"version,omitempty"`
	DefinitionSHA256 string `json:"definition_sha256,omitempty"`
	Synthetic        bool   `json:"synthetic,omitempty"`
	Notice           string `json:"notice,omitempty"`
	Error            string `json:"error,omitempty"`
}

// ValidateRequest is the options object of validate() and recalibrate(), the page's
// form of the flags of `spiegel validate`; the wasm package documents each member.
type ValidateRequest struct {
	File          string            `json:"file"`
	Model         string            `json:"model"`
	Params        string            `json:"params"`
	Horizon       NumberOrText      `json:"horizon"`
	Time          string            `json:"time"`
	Event         string            `json:"event"`
	Outcome       string            `json:"outcome"`
	Outcomes      map[string]string `json:"outcomes"`
	Columns       map[string]string `json:"columns"`
	By            string            `json:"by"`
	Quintiles     bool              `json:"quintiles"`
	Compare       string            `json:"compare"`
	CompareParams string            `json:"compare_params"`
	ID            string            `json:"id"`
	Date          string            `json:"date"`
	Slope         bool              `json:"slope"`
}

// NumberOrText is a member given as a JSON string or number: a number is kept as
// written (a horizon's length, 52, or its label, "1y"). It is written as a string.
type NumberOrText string

// DecodeRequest decodes one JSON document into v (a *ValidateRequest) refusing
// unknown members, so that a misspelt option is named rather than ignored.
func DecodeRequest(data []byte, v *ValidateRequest) error {
	return validateRequestJSON.decodeStrict(data, v)
}

// PopulationReport is the answer when the fault demonstration keeps a population:
// its format, number of cases, the records left out, and for a synthetic one the
// distributions it was drawn from.
type PopulationReport struct {
	Format    string      `json:"format"`
	Synthetic bool        `json:"synthetic"`
	Cases     int         `json:"cases"`
	Bad       []RowError  `json:"bad"`
	Spec      *SpecReport `json:"spec,omitempty"`
}

// SpecReport is a population spec as the page shows it.
type SpecReport struct {
	ID            string               `json:"id"`
	Note          string               `json:"note"`
	Distributions []DistributionReport `json:"distributions"`
}

// DistributionReport is one distribution of a spec with each value's share.
type DistributionReport struct {
	Name       string        `json:"name"`
	Unit       string        `json:"unit"`
	Source     string        `json:"source"`
	Assumption bool          `json:"assumption"`
	Note       string        `json:"note"`
	Values     []WeightShare `json:"values"`
}

// WeightShare is one level or band ("lo–hi") of a distribution: its weight as given
// and its share of the total.
type WeightShare struct {
	Value  string  `json:"value"`
	Weight float64 `json:"weight"`
	Share  float64 `json:"share"`
}

// FaultRunResult is what a fault demonstration's run has counted so far: the models,
// the fault, the population read and the counts of FaultSummary, every list present
// (empty rather than left out).
type FaultRunResult struct {
	Model          string              `json:"model"`
	FaultyModel    string              `json:"faulty_model"`
	Fault          Fault               `json:"fault"`
	MinMovePoints  float64             `json:"min_move_points"`
	Done           bool                `json:"done"`
	Format         string              `json:"format"`
	Synthetic      bool                `json:"synthetic"`
	ModelSynthetic bool                `json:"model_synthetic"`
	Bad            []RowError          `json:"bad"`
	Cases          int                 `json:"cases"`
	Scored         int                 `json:"scored"`
	Refused        int                 `json:"refused"`
	MinMove        float64             `json:"min_move"`
	Horizons       []FaultHorizonCount `json:"horizons"`
	Moved          []MovedRow          `json:"moved"`
	Refusals       []RefusalRow        `json:"refusals"`
}

// MovedRow is a MovedCase with its row and id always present.
type MovedRow struct {
	Index      int     `json:"index"`
	Row        int     `json:"row"`
	ID         string  `json:"id"`
	Horizon    string  `json:"horizon"`
	Before     float64 `json:"before"`
	After      float64 `json:"after"`
	Change     float64 `json:"change"`
	BandBefore string  `json:"band_before,omitempty"`
	BandAfter  string  `json:"band_after,omitempty"`
}

// RefusalRow is a Refusal with its row and id always present.
type RefusalRow struct {
	Index  int          `json:"index"`
	Row    int          `json:"row"`
	ID     string       `json:"id"`
	Error  string       `json:"error"`
	Errors []FieldError `json:"errors,omitempty"`
}
