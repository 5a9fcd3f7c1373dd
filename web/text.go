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
	ClearCase    string
	Citation     string
	Trust        string
	Population   string
	Proxy        string
	NotComputing string
	Footer       string
	FooterTrace  string

	// A group of variants (OxRec-NL): the parameter-file panel and the case form.
	ParamsTitle       string
	ParamsHelp        string
	ParamsPin         string
	ParamsPinHelp     string
	ParamsFile        string
	ParamsFileHelp    string
	LoadSynthetic     string
	ClearParams       string
	GroupNotComputing string
	CaseTitle         string
	OutcomeHelp       string
	Detained          string
	DetainedHelp      string
	Yes               string
	No                string
	VariantTitle      string
	VariantRule       string // {label} {value} {unit} {then} {else}

	// Languages: this language's own name, and the label of the switch to another.
	LangName   string
	LangSwitch string

	JS JSText
}

// JSText is the part of Text that app.js needs. It is rendered into the page as the
// JSON block with id spiegel-text.
type JSText struct {
	EngineLoading string `json:"engine_loading"`
	EngineReady   string `json:"engine_ready"`
	EngineFailed  string `json:"engine_failed"` // {reason}
	// StudioFailed is the error of a studio function (validation, recalibration,
	// the fault demonstration) whose engine, loaded when first used, did not load.
	StudioFailed string `json:"studio_failed"` // {reason}

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
	// DecimalSign is the sign between a number's whole and fractional parts.
	DecimalSign string `json:"decimal_sign"`
	// InputErrors writes the reason a value was refused from the engine's error
	// code (scoring.ErrorCodes), with {limit}, {related} and {related_value}; an
	// error without a code is shown with the engine's own message.
	InputErrors map[string]string `json:"input_errors"`
	// DateFuture refuses a date after today's, which the page checks since the
	// engine has no clock.
	DateFuture string `json:"date_future"` // {today}

	// A group of variants (OxRec-NL). Population and outcome labels are looked up
	// by id: population_<id>, outcome_<id>.
	SyntheticBanner       string `json:"synthetic_banner"`
	PopulationDetained    string `json:"population_detained"`
	PopulationNotDetained string `json:"population_not_detained"`
	OutcomeGeneral        string `json:"outcome_general"`
	OutcomeViolent        string `json:"outcome_violent"`
	ParamsNone            string `json:"params_none"`
	ParamsInUse           string `json:"params_in_use"`   // {version} {issuer}
	ParamsVerified        string `json:"params_verified"` // {name}
	ParamsRefused         string `json:"params_refused"`  // {name}
	// ParamsRefusal explains each kind of refusal (scoring.RefusalCodes) in the page's
	// language; ParamsDetail introduces the engine's own words about it.
	ParamsRefusal       map[string]string `json:"params_refusal"`
	ParamsDetail        string            `json:"params_detail"` // {detail}
	ParamsStillInUse    string            `json:"params_still_in_use"`
	ParamsCleared       string            `json:"params_cleared"`
	ParamsReadFailed    string            `json:"params_read_failed"` // {reason}
	ParamsSyntheticName string            `json:"params_synthetic_name"`
	ParamsModels        string            `json:"params_models"`
	ParamsGroup         string            `json:"params_group"`
	ParamsNotice        string            `json:"params_notice"`
	DetainedRequired    string            `json:"detained_required"`
	OutcomeRequired     string            `json:"outcome_required"`
	GroupBlocked        string            `json:"group_blocked"`
	VariantPending      string            `json:"variant_pending"`
	VariantNeedLength   string            `json:"variant_need_length"`
	VariantApplies      string            `json:"variant_applies"` // {population}
	VariantReason       string            `json:"variant_reason"`  // {reason}
	VariantModel        string            `json:"variant_model"`   // {outcome} {model}
	VariantError        string            `json:"variant_error"`   // {message}
	VariantApplied      string            `json:"variant_applied"` // {population} {reason}
	// RuleMet and RuleNotMet write the variant rule's reason from the engine's rule
	// record; WarningLine and WarningIgnored write a warning about an input.
	RuleMet             string `json:"rule_met"`        // {label} {value} {unit} {at} {population}
	RuleNotMet          string `json:"rule_not_met"`    // {label} {value} {unit} {at} {population}
	WarningLine         string `json:"warning_line"`    // {field} {value} {message}
	WarningIgnored      string `json:"warning_ignored"` // {field}
	SideBySide          string `json:"side_by_side"`
	SideCaption         string `json:"side_caption"`
	PopulationCol       string `json:"population_col"`
	CellApplies         string `json:"cell_applies"`
	CellOtherOutcome    string `json:"cell_other_outcome"`
	CellOtherPopulation string `json:"cell_other_population"`
	CellNote            string `json:"cell_note"`    // {reason} {population}: a cell's title
	CellError           string `json:"cell_error"`   // {message}
	VariantName         string `json:"variant_name"` // {population} {outcome}
	ContribPerVariant   string `json:"contrib_per_variant"`

	// Explain is the text of the per-case explanation (explain.js).
	Explain ExplainText `json:"explain"`
	// The validation studio (text_validate.go), its keys flattened into this block.
	ValidateText
	// The fault demonstration and the proxy-input lens (text_faults.go).
	FaultText
	// Demo cases, saving and opening a case, the printed report (text_casefile.go),
	// and the translation of model texts (text_models.go; none in English).
	Case   CaseFileText `json:"case"`
	Report ReportText   `json:"report"`
	Models ModelTexts   `json:"models"`
}

// PopulationLabel names a group population by its id, or returns the id.
func (t JSText) PopulationLabel(id string) string {
	switch id {
	case "detained":
		return t.PopulationDetained
	case "not_detained":
		return t.PopulationNotDetained
	}
	return id
}

// OutcomeLabel names a group outcome by its id, or returns the id.
func (t JSText) OutcomeLabel(id string) string {
	switch id {
	case "general":
		return t.OutcomeGeneral
	case "violent":
		return t.OutcomeViolent
	}
	return id
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
	ClearCase:    "Clear case",
	Citation:     "Source",
	Trust:        "Trust level",
	Population:   "Population",
	Proxy:        "Possible proxy:",
	NotComputing: "This model cannot compute yet:",
	Footer:       "Everything is computed in this browser. Nothing you type is sent anywhere or stored.",
	FooterTrace:  "Every result names the model, version, trust level and definition SHA-256 that computed it.",

	ParamsTitle:       "Parameter file",
	ParamsHelp:        "These models compute only with a parameter file that passes verification: strict parsing, every value with its source, and the file's own golden cases. The file is read in this browser and sent nowhere.",
	ParamsPin:         "SHA-256 the file must have (optional)",
	ParamsPinHelp:     "Type it before you choose the file or load the training parameters; a file with another SHA-256 is refused.",
	ParamsFile:        "Parameter file (JSON)",
	ParamsFileHelp:    "Choose the file your organisation issued. It is verified as soon as it is chosen.",
	LoadSynthetic:     "Load synthetic training parameters",
	ClearParams:       "Clear parameters",
	GroupNotComputing: "These models cannot compute yet:",
	CaseTitle:         "The case",
	OutcomeHelp:       "The result shows this outcome first; the table below shows every variant.",
	Detained:          "Detained?",
	DetainedHelp:      "If yes, give the length of detention in months. A person who was not detained counts as 0 months.",
	Yes:               "Yes",
	No:                "No",
	VariantTitle:      "Which variant applies",
	VariantRule:       "Rule: {label} for {value} {unit} or more → the “{then}” variant; otherwise the “{else}” variant.",

	LangName:   "English",
	LangSwitch: "Language",

	JS: JSText{
		EngineLoading: "Loading the calculation engine…",
		EngineReady:   "Calculation engine ready.",
		EngineFailed:  "The calculation engine could not be loaded, so nothing can be computed: {reason}",
		StudioFailed:  "The engine of the validation studio and the fault demonstration could not be loaded (the calculator still works): {reason}",

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
		DecimalSign:     ".",
		InputErrors:     inputErrorsEN,
		DateFuture:      "after today ({today}); a date in the future is not accepted",

		SyntheticBanner:       "SYNTHETIC — NOT OxRec",
		PopulationDetained:    "Detained",
		PopulationNotDetained: "Not detained",
		OutcomeGeneral:        "General (any) reoffending",
		OutcomeViolent:        "Violent reoffending",
		ParamsNone:            "No verified parameter file is in use, so these models cannot compute.",
		ParamsInUse:           "In use: parameters {version}, issued by {issuer}. SHA-256:",
		ParamsVerified:        "Verified and in use: {name}",
		ParamsRefusal:         paramsRefusalEN,
		ParamsDetail:          "In the engine's words: {detail}",
		ParamsRefused:         "Refused: {name}",
		ParamsStillInUse:      "Nothing changed: the models still use the file verified before.",
		ParamsCleared:         "Parameters cleared: the models cannot compute until a verified file is loaded.",
		ParamsReadFailed:      "The file could not be read: {reason}",
		ParamsSyntheticName:   "synthetic training parameters",
		ParamsModels:          "Models bound",
		ParamsGroup:           "Group",
		ParamsNotice:          "Notice",
		DetainedRequired:      "answer yes or no",
		OutcomeRequired:       "choose an outcome",
		GroupBlocked:          "Nothing was computed: no verified parameter file is loaded.",
		VariantPending:        "Answer “Detained?” to see which variant applies.",
		VariantNeedLength:     "Enter the length of detention to see which variant applies.",
		VariantApplies:        "Applies: the “{population}” variant.",
		VariantReason:         "Why: {reason}",
		VariantModel:          "{outcome}: {model}",
		VariantError:          "No variant can be chosen yet: {message}",
		VariantApplied:        "Variant applied: “{population}”. Why: {reason}",
		RuleMet:               "{label} {value} {unit}, at least {at}: {population}",
		RuleNotMet:            "{label} {value} {unit}, less than {at}: {population}",
		WarningLine:           "{field} {value}: {message}",
		WarningIgnored:        "Field “{field}” ignored: not an input of this model",
		SideBySide:            "All variants for this case",
		SideCaption:           "The same case computed in every variant. The variant the rule chooses is marked “Applies to this case”; the other population's row shows what swapping the detained and not-detained formulas would give.",
		PopulationCol:         "Population",
		CellApplies:           "✔ Applies to this case",
		CellOtherOutcome:      "This population, other outcome",
		CellOtherPopulation:   "Other population: not this case",
		CellNote:              "For comparison only: {reason}; this variant is for “{population}”.",
		CellError:             "Not computed: {message}",
		VariantName:           "{population} · {outcome}",
		ContribPerVariant:     "How each input counts, per variant",

		Explain:      explainEN,
		ValidateText: validateEN,
		FaultText:    FaultsEN,
		Case:         caseFileEN,
		Report:       reportEN,
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

// inputErrorsEN writes why the engine refused a value, one entry per scoring error
// code, in the engine's own words (TestInputErrorsENAsEngine holds them equal).
var inputErrorsEN = map[string]string{
	"missing":       "missing",
	"unknown_input": "not an input of this model",
	"not_number":    "not a finite number",
	"not_whole":     "not a whole number",
	"not_date":      "not a date (YYYY-MM-DD)",
	"unknown_level": "not one of the accepted values",
	"below":         "outside the accepted range: below {limit}",
	"above":         "outside the accepted range: above {limit}",
	"derived_below": "outside the accepted range: {related} {related_value} is below {limit}",
	"derived_above": "outside the accepted range: {related} {related_value} is above {limit}",
	"out_of_range":  "outside the accepted range",
	"order":         "dates in an impossible order: after {related} {related_value}",
	"wrong_variant": "not the variant for this case: the rule ({limit} or more) puts it in " +
		"the “{related}” population, and this model is for “{related_value}”",
	"first_not_current": "not the date of the current one, though none came before it: " +
		"{related} {related_value}",
	"not_flag":       "not 0 or 1",
	"field_count":    "{related_value} fields, the header has {limit}",
	"csv_syntax":     "broken quoting: a quote out of place, or a quoted field not closed",
	"not_json":       "not valid JSON",
	"not_object":     "not a JSON object",
	"not_text":       "“{related}” is not a string or number",
	"case_too_large": "larger than {limit} bytes",
}

// paramsRefusalEN explains each kind of parameter-file refusal (scoring.RefusalCodes).
var paramsRefusalEN = map[string]string{
	"pin":       "This is not the file whose SHA-256 was pinned: any change to a verified file refuses it.",
	"parse":     "The file is not a parameter file: it could not be read strictly as JSON of that shape.",
	"header":    "The file's heading is wrong or incomplete: format, version, issuer, date of issue, notice, sources or group.",
	"structure": "The file's variants or values do not fit the models: a variant missing or given twice, a wrong population, or a value missing, unused, without a source or out of range.",
	"golden":    "A golden case was not reproduced: the file's numbers do not give the results its issuer expected, or a case is filed under the wrong variant.",
	"synthetic": "The file carries Spiegel's synthetic training numbers but says that it is not synthetic.",
}
