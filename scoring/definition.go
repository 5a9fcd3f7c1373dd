package scoring

// FormatV1 is the format tag of the definition documents this package reads.
const FormatV1 = "spiegel-model/1"

// The model families of a Definition. DOMAIN.md §2 and doc.go give their equations.
const (
	FamilyLogistic = "logistic" // one intercept per horizon
	FamilyCox      = "cox"      // proportional hazards at fixed horizons
	FamilyPoints   = "points"   // item points summed, total mapped to bands
)

// Definition is a model described as data: the JSON document that the loader reads,
// built in or imported. Every number in it is a Coefficient with a Ref into Sources.
//
// A definition whose numbers are not public is a template: its coefficients name a
// Param instead of a value, Parameters says why and where the values are published,
// and the model refuses to compute until a verified parameter file is bound to it
// (see ParameterFile). Group and Population name the family of variants it belongs
// to and the population this variant is for (for example "oxrec-nl" and "detained").
type Definition struct {
	Format      string            `json:"format"`
	ID          string            `json:"id"`
	Version     string            `json:"version"`
	Name        string            `json:"name"`
	Family      string            `json:"family"`
	Outcome     string            `json:"outcome"`
	IntendedUse string            `json:"intended_use"`
	Notice      string            `json:"notice,omitempty"`
	Synthetic   bool              `json:"synthetic,omitempty"`
	Group       string            `json:"group,omitempty"`
	Population  string            `json:"population,omitempty"`
	Parameters  string            `json:"parameters,omitempty"`
	Sources     map[string]Source `json:"sources"`
	Citation    Ref               `json:"citation"`
	Predictors  []Predictor       `json:"predictors"`
	Derived     []Derived         `json:"derived,omitempty"`
	Constraints []Constraint      `json:"constraints,omitempty"`
	Terms       []Term            `json:"terms"`
	Horizons    []Horizon         `json:"horizons,omitempty"`
	Bands       []Band            `json:"bands,omitempty"`
	Reference   *Reference        `json:"reference,omitempty"`
}

// Reference is the stated profile that explanations start from: a complete case and
// why it was chosen. Without one, a Cox model starts from its centring profile and a
// logistic model from a linear predictor of zero (the intercept alone).
type Reference struct {
	Case Case   `json:"case"`
	Note string `json:"note"`
	Ref  Ref    `json:"ref"`
}

// The input types of a Predictor.
const (
	TypeLevel  = "level"  // one of Levels, given by its id
	TypeCount  = "count"  // a whole number
	TypeNumber = "number" // a finite real number
	TypeDate   = "date"   // a calendar date, YYYY-MM-DD
)

// Predictor is one input of a model, entered by the user. ID is stable snake_case and
// is the field name in forms, case files and the JavaScript API. Proxy, when set, says
// why the input may stand in for a protected characteristic (indirect discrimination).
type Predictor struct {
	ID     string       `json:"id"`
	Label  string       `json:"label"`
	Help   string       `json:"help,omitempty"`
	Type   string       `json:"type"`
	Unit   string       `json:"unit,omitempty"`
	Levels []Level      `json:"levels,omitempty"`
	Min    *Coefficient `json:"min,omitempty"`
	Max    *Coefficient `json:"max,omitempty"`
	Warn   *Warning     `json:"warn,omitempty"`
	Proxy  string       `json:"proxy,omitempty"`
	Ref    Ref          `json:"ref"`
}

// Level is one accepted value of a categorical input or derived value.
type Level struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Warning qualifies, without refusing, a value above Above: the result is computed but
// carries Message, for example where a published cap or the derivation sample ends.
type Warning struct {
	Above   Coefficient `json:"above"`
	Message string      `json:"message"`
}

// Derived is a value computed from inputs by a named derivation (see derive.go), such
// as whole years between two dates. Params holds the derivation's numbers; Bounds the
// inclusive upper bounds of a grouping; Levels the two levels of a threshold. A value
// below Min or above Max is refused as an error of the input Blame (by default the
// first input the derivation reads), the field a user would correct.
type Derived struct {
	ID         string                 `json:"id"`
	Label      string                 `json:"label"`
	Derivation string                 `json:"derivation"`
	Inputs     []string               `json:"inputs"`
	Params     map[string]Coefficient `json:"params,omitempty"`
	Bounds     []Coefficient          `json:"bounds,omitempty"`
	Levels     []Level                `json:"levels,omitempty"`
	Min        *Coefficient           `json:"min,omitempty"`
	Max        *Coefficient           `json:"max,omitempty"`
	Blame      string                 `json:"blame,omitempty"`
	Ref        Ref                    `json:"ref"`
}

// Constraint is a rule across inputs. Kind "not_after": each date input in Inputs
// must not be later than the next one. Kind "first_when_none": Inputs are a count of
// earlier events and the dates of the first and of the current event; when the count
// is 0 the current event is the first, so the two dates must be the same.
type Constraint struct {
	Kind   string   `json:"kind"`
	Inputs []string `json:"inputs"`
	Ref    Ref      `json:"ref"`
}

// Term is one additive part of the linear predictor (or of the points total).
//
// A "linear" term contributes Beta × (x − Centre) for the numeric value x of Input.
// A "lookup" term contributes Table[key] − Centre, where key is the levels of Keys.
// Centre is the reference profile's value (Cox models); it is zero when absent.
//
// Sign, where the source states a direction, is the expected sign of Beta or of every
// non-zero table value: +1 where the input raises risk, −1 where it lowers it. A
// parameter file against it is accepted with a warning, since recalibration can flip
// a weak term.
type Term struct {
	ID      string       `json:"id"`
	Label   string       `json:"label"`
	Kind    string       `json:"kind"`
	Sign    int          `json:"sign,omitempty"`
	SignRef *Ref         `json:"sign_ref,omitempty"`
	Input   string       `json:"input,omitempty"`
	Beta    *Coefficient `json:"beta,omitempty"`
	Keys    []string     `json:"keys,omitempty"`
	Table   []Cell       `json:"table,omitempty"`
	Centre  *Coefficient `json:"centre,omitempty"`
}

// Cell is one entry of a lookup term's table: the levels of the term's Keys, in order,
// and the coefficient (or points) for that combination.
type Cell struct {
	Key []string `json:"key"`
	Coefficient
}

// Horizon is one follow-up time at which a probability is given. Logistic models carry
// an Intercept, Cox models a BaselineSurvival at the reference profile. Bands, where
// the source publishes them, split the probability scale.
type Horizon struct {
	Label            string       `json:"label"`
	Length           float64      `json:"length"`
	Unit             string       `json:"unit"`
	Intercept        *Coefficient `json:"intercept,omitempty"`
	BaselineSurvival *Coefficient `json:"baseline_survival,omitempty"`
	Bands            []Band       `json:"bands,omitempty"`
}

// Band is a risk category. Bands are listed in ascending order and each starts at its
// From value: a result r is in band i when From_i ≤ r < From_{i+1}, and in the last band
// when r ≥ its From. So bands tile the scale by construction; the first must start at
// the scale's lowest value (0 for probabilities).
type Band struct {
	ID    string      `json:"id"`
	Label string      `json:"label"`
	From  Coefficient `json:"from"`
}
