package scoring

// Prediction is a model's answer for one case, with everything needed to trace it.
type Prediction struct {
	// Model, Version and DefinitionSHA256 identify what computed the result; Trust is
	// one of TrustVerified, TrustImported and TrustSynthetic.
	Model            string
	Version          string
	DefinitionSHA256 string
	Trust            string

	// LinearPredictor is the sum of Contributions, in term order: for a logistic
	// model without its intercept, for a Cox model centred at the reference profile,
	// and for a points instrument the total.
	LinearPredictor float64
	// Centring is Σ βᵢ x̄ᵢ, what a Cox model subtracts to centre at its reference
	// profile (zero for other families).
	Centring float64

	Horizons      []HorizonResult
	Band          *BandResult // points instruments only
	Contributions []Contribution
	Derived       []DerivedValue
	Warnings      []error
}

// HorizonResult is the probability of the outcome within one horizon, in [0, 1].
// Intercept is the logistic intercept used (nil for Cox); Band is nil where the model
// has no bands at that horizon.
type HorizonResult struct {
	Label       string
	Probability float64
	Intercept   *float64
	Band        *BandResult
}

// BandResult is the risk category a result falls in.
type BandResult struct {
	ID    string
	Label string
}

// Contribution is one term's share of the linear predictor: Value is the term's
// addend, Inputs the predictors and derived values it reads and Key the levels it
// looked up (empty for linear terms).
type Contribution struct {
	Term   string
	Label  string
	Inputs []string
	Key    []string
	Value  float64
}

// DerivedValue is a value the model computed from the inputs, shown for tracing: a
// number, or a level's id and label.
type DerivedValue struct {
	ID    string
	Label string
	Value string
}
