package web

import "strings"

// Text is every user-facing string of the page in one language, keyed by message id:
// the Go field name for the templates, the JSON key for app.js. Model names, labels
// and help come from the model definitions, not from here.
//
// A string may hold placeholders written {name}; Fill (Go) and fill (app.js) replace
// them. Adding a language means adding one Text value; no template changes.
type Text struct {
	Lang string // BCP 47 tag for the html lang attribute

	Title       string
	Tagline     string
	NoScript    string
	PickerLabel string
	PickerHelp  string

	Outcome      string
	IntendedUse  string
	NoticeLabel  string
	Synthetic    string
	Choose       string
	RangeBoth    string // {min} {max} {unit}
	RangeMin     string // {min} {unit}
	RangeMax     string // {max} {unit}
	UnitOnly     string // {unit}
	Calculate    string
	Citation     string
	Trust        string
	Population   string
	Proxy        string
	NotComputing string
	Footer       string
	FooterTrace  string

	JS JSText
}

// JSText is the part of Text that app.js needs. It is rendered into the page as the
// JSON block with id spiegel-text.
type JSText struct {
	EngineLoading string `json:"engine_loading"`
	EngineReady   string `json:"engine_ready"`
	EngineFailed  string `json:"engine_failed"` // {reason}

	ResultFor       string `json:"result_for"` // {model}
	Horizon         string `json:"horizon"`
	Within          string `json:"within"` // {length} {unit}
	Probability     string `json:"probability"`
	Exact           string `json:"exact"`
	Band            string `json:"band"`
	TotalBand       string `json:"total_band"`
	Intercept       string `json:"intercept"`
	UnitDay         string `json:"unit_day"`
	UnitDays        string `json:"unit_days"`
	UnitWeek        string `json:"unit_week"`
	UnitWeeks       string `json:"unit_weeks"`
	UnitMonth       string `json:"unit_month"`
	UnitMonths      string `json:"unit_months"`
	UnitYear        string `json:"unit_year"`
	UnitYears       string `json:"unit_years"`
	Contributions   string `json:"contributions"`
	ContribCaption  string `json:"contrib_caption"`
	Term            string `json:"term"`
	Inputs          string `json:"inputs"`
	Value           string `json:"value"`
	LinearPredictor string `json:"linear_predictor"`
	Centring        string `json:"centring"`
	Derived         string `json:"derived"`
	Warnings        string `json:"warnings"`
	Identity        string `json:"identity"`
	ModelID         string `json:"model_id"`
	Version         string `json:"version"`
	Trust           string `json:"trust"`
	SHA256          string `json:"sha256"`
	ParamsSHA256    string `json:"params_sha256"`
	Issuer          string `json:"issuer"`
	Citation        string `json:"citation"`
	Synthetic       string `json:"synthetic"`
	NotScored       string `json:"not_scored"`
	FieldErrors     string `json:"field_errors"`  // {count}
	ValueMessage    string `json:"value_message"` // {value} {message}
}

// English is the page's text in English.
var English = Text{
	Lang:        "en",
	Title:       "Spiegel: recidivism-risk calculator",
	Tagline:     "Published recidivism-risk models, computed exactly as published, in your browser.",
	NoScript:    "This calculator needs JavaScript and WebAssembly. Nothing you type is sent anywhere.",
	PickerLabel: "Model",
	PickerHelp:  "Choose the model to compute. Its questions appear below.",

	Outcome:      "Outcome",
	IntendedUse:  "Intended use",
	NoticeLabel:  "Notice",
	Synthetic:    "Synthetic numbers for training: this is not a real instrument.",
	Choose:       "Choose…",
	RangeBoth:    "{min} to {max} {unit}",
	RangeMin:     "at least {min} {unit}",
	RangeMax:     "at most {max} {unit}",
	UnitOnly:     "in {unit}",
	Calculate:    "Calculate",
	Citation:     "Source",
	Trust:        "Trust level",
	Population:   "Population",
	Proxy:        "Possible proxy:",
	NotComputing: "This model cannot compute yet:",
	Footer:       "Everything is computed in this browser. Nothing you type is sent anywhere or stored.",
	FooterTrace:  "Every result names the model, version, trust level and definition SHA-256 that computed it.",

	JS: JSText{
		EngineLoading: "Loading the calculation engine…",
		EngineReady:   "Calculation engine ready.",
		EngineFailed:  "The calculation engine could not be loaded, so nothing can be computed: {reason}",

		ResultFor:       "Result: {model}",
		Horizon:         "Horizon",
		Within:          "within {length} {unit}",
		Probability:     "Probability",
		Exact:           "Exact value",
		Band:            "Risk category",
		TotalBand:       "Risk category (total)",
		Intercept:       "Intercept",
		UnitDay:         "day",
		UnitDays:        "days",
		UnitWeek:        "week",
		UnitWeeks:       "weeks",
		UnitMonth:       "month",
		UnitMonths:      "months",
		UnitYear:        "year",
		UnitYears:       "years",
		Contributions:   "How each input counts",
		ContribCaption:  "Contributions on the linear-predictor scale (log-odds for logistic models, log hazard ratio against the reference profile for Cox models).",
		Term:            "Term",
		Inputs:          "Inputs",
		Value:           "Value",
		LinearPredictor: "Linear predictor (sum)",
		Centring:        "Centring at the reference profile",
		Derived:         "Values computed from the inputs",
		Warnings:        "Warnings",
		Identity:        "What computed this",
		ModelID:         "Model",
		Version:         "Version",
		Trust:           "Trust level",
		SHA256:          "Definition SHA-256",
		ParamsSHA256:    "Parameter file SHA-256",
		Issuer:          "Parameter file issued by",
		Citation:        "Source",
		Synthetic:       "Synthetic numbers for training: not a real instrument.",
		NotScored:       "The case was not scored.",
		FieldErrors:     "Fields to correct: {count}.",
		ValueMessage:    "“{value}”: {message}",
	},
}

// Fill returns s with each {name} replaced by args[name]; unknown placeholders stay.
func Fill(s string, args map[string]string) string {
	pairs := make([]string, 0, 2*len(args))
	for k, v := range args {
		pairs = append(pairs, "{"+k+"}", v)
	}
	return strings.NewReplacer(pairs...).Replace(s)
}
