package web

// ValidateText is every string of the validation studio, in one language: the
// section's labels (used by validate.templ) and the messages validate.js shows. It is
// embedded in JSText, so its keys (all starting val_) sit in the page's text block
// beside the others.
type ValidateText struct {
	ValOpen       string `json:"val_open"`
	ValTitle      string `json:"val_title"`
	ValIntro      string `json:"val_intro"`
	ValDataLegend string `json:"val_data_legend"`
	ValFile       string `json:"val_file"`
	ValFileHelp   string `json:"val_file_help"`
	ValFileRead   string `json:"val_file_read"`   // {name} {columns}
	ValFileFailed string `json:"val_file_failed"` // {reason}

	ValModelLegend   string `json:"val_model_legend"`
	ValModel         string `json:"val_model"`
	ValHorizon       string `json:"val_horizon"`
	ValOutcomeKind   string `json:"val_outcome_kind"`
	ValKindTime      string `json:"val_kind_time"`
	ValKindBinary    string `json:"val_kind_binary"`
	ValTimeColumn    string `json:"val_time_column"`
	ValEventColumn   string `json:"val_event_column"`
	ValOutcomeColumn string `json:"val_outcome_column"`
	ValMapLegend     string `json:"val_map_legend"`
	ValMapHelp       string `json:"val_map_help"`
	ValNoColumn      string `json:"val_no_column"`
	ValLevels        string `json:"val_levels"` // {levels}

	ValByLegend     string `json:"val_by_legend"`
	ValBy           string `json:"val_by"`
	ValByNone       string `json:"val_by_none"`
	ValQuintiles    string `json:"val_quintiles"`
	ValCompare      string `json:"val_compare"`
	ValCompareNone  string `json:"val_compare_none"`
	ValParamsA      string `json:"val_params_a"`
	ValParamsB      string `json:"val_params_b"`
	ValParamsHelp   string `json:"val_params_help"`
	ValCompute      string `json:"val_compute"`
	ValNeedFile     string `json:"val_need_file"`
	ValNeedColumn   string `json:"val_need_column"` // {label}
	ValNeedOutcome  string `json:"val_need_outcome"`
	ValNoModels     string `json:"val_no_models"`
	ValReading      string `json:"val_reading"`
	ValComputing    string `json:"val_computing"` // {rows}
	ValDrawing      string `json:"val_drawing"`
	ValDone         string `json:"val_done"`   // {seconds}
	ValFailed       string `json:"val_failed"` // {message}
	ValMissingCol   string `json:"val_missing_col"`
	ValResultFor    string `json:"val_result_for"`   // {model} {horizon}
	ValDataSummary  string `json:"val_data_summary"` // {rows} {used} {bad}
	ValDataSHA      string `json:"val_data_sha"`
	ValMeasure      string `json:"val_measure"`
	ValValue        string `json:"val_value"`
	ValN            string `json:"val_n"`
	ValEvents       string `json:"val_events"`
	ValConcordance  string `json:"val_concordance"`
	ValObserved     string `json:"val_observed"`
	ValObservedCI   string `json:"val_observed_ci"`
	ValMeanPred     string `json:"val_mean_pred"`
	ValCITL         string `json:"val_citl"`
	ValCITLDiff     string `json:"val_citl_diff"`
	ValSlope        string `json:"val_slope"`
	ValBrier        string `json:"val_brier"`
	ValNotAvailable string `json:"val_not_available"`
	ValWarnings     string `json:"val_warnings"`
	ValMeasuresCap  string `json:"val_measures_cap"`
	// ValWarn writes a measure's warning from its code (scoring.MeasureWarningCodes);
	// without it (English: null) the page shows the engine's own words, which can say more.
	ValWarn map[string]string `json:"val_warn"`

	ValPlotTitle  string `json:"val_plot_title"`
	ValPlotDesc   string `json:"val_plot_desc"` // {model}
	ValPlotX      string `json:"val_plot_x"`
	ValPlotY      string `json:"val_plot_y"`
	ValPlotTable  string `json:"val_plot_table"`
	ValTenth      string `json:"val_tenth"`
	ValPredRange  string `json:"val_pred_range"`
	ValCI         string `json:"val_ci"`
	ValSubTitle   string `json:"val_sub_title"` // {column}
	ValSubLevel   string `json:"val_sub_level"`
	ValSubError   string `json:"val_sub_error"`
	ValBadTitle   string `json:"val_bad_title"` // {count}
	ValBadHelp    string `json:"val_bad_help"`
	ValRow        string `json:"val_row"`
	ValLine       string `json:"val_line"`
	ValColumn     string `json:"val_column"`
	ValReason     string `json:"val_reason"`
	ValBadMore    string `json:"val_bad_more"` // {count}
	ValCompareCap string `json:"val_compare_cap"`
	ValSynthetic  string `json:"val_synthetic"`

	ValRecalTitle   string `json:"val_recal_title"`
	ValRecalHelp    string `json:"val_recal_help"`
	ValRecalSlope   string `json:"val_recal_slope"`
	ValRecalibrate  string `json:"val_recalibrate"`
	ValRecalDone    string `json:"val_recal_done"` // {model}
	ValRecalParam   string `json:"val_recal_param"`
	ValBefore       string `json:"val_before"`
	ValAfter        string `json:"val_after"`
	ValDownloadDef  string `json:"val_download_def"`  // {name}
	ValDownloadGold string `json:"val_download_gold"` // {name}
	// ValDownloadParams offers the group's new parameter file, for a variant that was
	// bound to one.
	ValDownloadParams string `json:"val_download_params"` // {name}
	ValRecalAfter     string `json:"val_recal_after"`
	ValLoadTitle      string `json:"val_load_title"`
	ValLoadFiles      string `json:"val_load_files"`
	ValLoadHelp       string `json:"val_load_help"`
	ValLoadNeedTwo    string `json:"val_load_need_two"`
	ValLoadPassed     string `json:"val_load_passed"`  // {model} {sha}
	ValLoadRefused    string `json:"val_load_refused"` // {reason}
}

// validateEN is the studio's English text.
var validateEN = ValidateText{
	ValOpen:       "Validation studio: check a model on your own case data",
	ValTitle:      "Validation studio",
	ValIntro:      "Check how well a model predicts the observed outcomes of your own cases, per group, and recalibrate it. The data file is read in this page only; nothing is sent anywhere or kept after the page closes.",
	ValDataLegend: "Data",
	ValFile:       "Case data (CSV with a header row)",
	ValFileHelp:   "One case per row, with the model's inputs and the observed outcome: follow-up time and event (0 or 1), or an outcome (0 or 1) at the horizon.",
	ValFileRead:   "Read {name}: {columns} columns.",
	ValFileFailed: "The file could not be read: {reason}",

	ValModelLegend:   "Model and outcome",
	ValModel:         "Model to validate",
	ValHorizon:       "Horizon",
	ValOutcomeKind:   "Observed outcome",
	ValKindTime:      "Follow-up time and event",
	ValKindBinary:    "Outcome at the horizon (0 or 1)",
	ValTimeColumn:    "Follow-up time column (in the horizon's unit)",
	ValEventColumn:   "Event column (1 = reoffended, 0 = not)",
	ValOutcomeColumn: "Outcome column",
	ValMapLegend:     "Columns for the model's inputs",
	ValMapHelp:       "Columns named like an input are chosen for you. Values must use the model's levels; rows with other values are listed and left out.",
	ValNoColumn:      "(choose a column)",
	ValLevels:        "Levels: {levels}",

	ValByLegend:     "Subgroups and comparison",
	ValBy:           "Show the measures per level of",
	ValByNone:       "(no subgroups)",
	ValQuintiles:    "Cut this column, a number, into fifths",
	ValCompare:      "Compare with a second model on the same rows",
	ValCompareNone:  "(no comparison)",
	ValParamsA:      "Parameter file for the first model (optional)",
	ValParamsB:      "Parameter file for the second model (optional)",
	ValParamsHelp:   "For models that compute only with a parameter file (OxRec-NL): the file is verified and used for this validation only.",
	ValCompute:      "Compute",
	ValNeedFile:     "Choose a data file first.",
	ValNeedColumn:   "Choose the column for “{label}”.",
	ValNeedOutcome:  "Choose the outcome columns.",
	ValNoModels:     "No model can be validated yet.",
	ValReading:      "Reading the data…",
	ValComputing:    "Computing on {rows} rows…",
	ValDrawing:      "Drawing the results…",
	ValDone:         "Done in {seconds} s.",
	ValFailed:       "Not computed: {message}",
	ValMissingCol:   "A column is missing from the file",
	ValResultFor:    "{model} at {horizon}",
	ValDataSummary:  "{rows} data rows read, {used} used, {bad} refused (listed below).",
	ValDataSHA:      "Data SHA-256",
	ValMeasure:      "Measure",
	ValValue:        "Value",
	ValN:            "Cases used (n)",
	ValEvents:       "Events by the horizon",
	ValConcordance:  "Concordance (Harrell's C)",
	ValObserved:     "Observed risk (Kaplan–Meier, or proportion)",
	ValObservedCI:   "Observed risk, 95% interval",
	ValMeanPred:     "Mean predicted risk",
	ValCITL:         "Calibration-in-the-large (observed / expected)",
	ValCITLDiff:     "Observed − expected",
	ValSlope:        "Calibration slope",
	ValBrier:        "Brier score",
	ValNotAvailable: "not available",
	ValWarnings:     "Warnings",
	ValMeasuresCap:  "Validation measures",

	ValPlotTitle:  "Calibration by tenths of predicted risk",
	ValPlotDesc:   "Observed against mean predicted risk in each tenth of the cases by predicted risk, with 95% intervals, for {model}. Points on the diagonal are calibrated.",
	ValPlotX:      "Mean predicted risk",
	ValPlotY:      "Observed risk",
	ValPlotTable:  "Calibration by tenths (the plot's numbers)",
	ValTenth:      "Tenth",
	ValPredRange:  "Predicted range",
	ValCI:         "95% interval",
	ValSubTitle:   "Measures per level of {column}",
	ValSubLevel:   "Level",
	ValSubError:   "Not computed",
	ValBadTitle:   "Refused rows ({count})",
	ValBadHelp:    "These rows were left out of every measure. Row numbers count data rows from 1; lines count the file's lines, the header being line 1.",
	ValRow:        "Row",
	ValLine:       "Line",
	ValColumn:     "Column",
	ValReason:     "Reason",
	ValBadMore:    "… and {count} more refused rows, not shown.",
	ValCompareCap: "Both models on the same rows",
	ValSynthetic:  "Synthetic: not a published model; for training only.",

	ValRecalTitle:   "Recalibrate",
	ValRecalHelp:    "Re-estimate the baseline survival (Cox) or intercept (logistic) on this data, and optionally a calibration slope. The new model file names the model it came from and the data (SHA-256, rows, events, date), and comes with golden cases from the data so that it verifies itself.",
	ValRecalSlope:   "Also recalibrate the slope",
	ValRecalibrate:  "Recalibrate and make the new model file",
	ValRecalDone:    "Recalibrated model {model}.",
	ValRecalParam:   "Parameter",
	ValBefore:       "Before",
	ValAfter:        "After",
	ValDownloadDef:  "Save the model file ({name})",
	ValDownloadGold: "Save its golden cases ({name})",
	ValDownloadParams: "Save the new parameter file of the whole group ({name}); the " +
		"variants' section loads it like any parameter file",
	ValRecalAfter:  "The recalibrated model on the same data",
	ValLoadTitle:   "Load a recalibrated model",
	ValLoadFiles:   "Model file and golden cases file",
	ValLoadHelp:    "Choose both files together. The model is verified against its golden cases before it can be used here.",
	ValLoadNeedTwo: "Choose two files: the model file and its golden cases.",
	ValLoadPassed:  "Verified: {model} (definition SHA-256 {sha}) reproduces its golden cases and can be chosen above.",
	ValLoadRefused: "Refused: {reason}",
}

// validateNL is the studio's Dutch text.
var validateNL = ValidateText{
	ValOpen:       "Validatiestudio: toets een model op uw eigen casusgegevens",
	ValTitle:      "Validatiestudio",
	ValIntro:      "Toets hoe goed een model de waargenomen uitkomsten van uw eigen casussen voorspelt, per groep, en herkalibreer het. Het gegevensbestand wordt alleen in deze pagina gelezen; er wordt niets verzonden of bewaard nadat de pagina sluit.",
	ValDataLegend: "Gegevens",
	ValFile:       "Casusgegevens (CSV met een kopregel)",
	ValFileHelp:   "Eén casus per regel, met de invoer van het model en de waargenomen uitkomst: duur van de follow-up en gebeurtenis (0 of 1), of een uitkomst (0 of 1) op de horizon.",
	ValFileRead:   "{name} gelezen: {columns} kolommen.",
	ValFileFailed: "Het bestand kon niet worden gelezen: {reason}",

	ValModelLegend:   "Model en uitkomst",
	ValModel:         "Te valideren model",
	ValHorizon:       "Horizon",
	ValOutcomeKind:   "Waargenomen uitkomst",
	ValKindTime:      "Duur van de follow-up en gebeurtenis",
	ValKindBinary:    "Uitkomst op de horizon (0 of 1)",
	ValTimeColumn:    "Kolom met de duur van de follow-up (in de eenheid van de horizon)",
	ValEventColumn:   "Kolom met de gebeurtenis (1 = recidive, 0 = geen)",
	ValOutcomeColumn: "Kolom met de uitkomst",
	ValMapLegend:     "Kolommen voor de invoer van het model",
	ValMapHelp:       "Kolommen met de naam van een invoer worden al gekozen. Waarden moeten de niveaus van het model gebruiken; regels met andere waarden worden vermeld en weggelaten.",
	ValNoColumn:      "(kies een kolom)",
	ValLevels:        "Niveaus: {levels}",

	ValByLegend:     "Subgroepen en vergelijking",
	ValBy:           "Toon de maten per niveau van",
	ValByNone:       "(geen subgroepen)",
	ValQuintiles:    "Deel deze kolom, een getal, in vijfden",
	ValCompare:      "Vergelijk met een tweede model op dezelfde regels",
	ValCompareNone:  "(geen vergelijking)",
	ValParamsA:      "Parameterbestand voor het eerste model (optioneel)",
	ValParamsB:      "Parameterbestand voor het tweede model (optioneel)",
	ValParamsHelp:   "Voor modellen die alleen met een parameterbestand rekenen (OxRec-NL): het bestand wordt geverifieerd en alleen voor deze validatie gebruikt.",
	ValCompute:      "Bereken",
	ValNeedFile:     "Kies eerst een gegevensbestand.",
	ValNeedColumn:   "Kies de kolom voor ‘{label}’.",
	ValNeedOutcome:  "Kies de kolommen van de uitkomst.",
	ValNoModels:     "Er is nog geen model dat gevalideerd kan worden.",
	ValReading:      "De gegevens worden gelezen…",
	ValComputing:    "Berekenen op {rows} regels…",
	ValDrawing:      "De resultaten worden getekend…",
	ValDone:         "Klaar in {seconds} s.",
	ValFailed:       "Niet berekend: {message}",
	ValMissingCol:   "Er ontbreekt een kolom in het bestand",
	ValResultFor:    "{model} op {horizon}",
	ValDataSummary:  "{rows} gegevensregels gelezen, {used} gebruikt, {bad} geweigerd (hieronder vermeld).",
	ValDataSHA:      "SHA-256 van de gegevens",
	ValMeasure:      "Maat",
	ValValue:        "Waarde",
	ValN:            "Gebruikte casussen (n)",
	ValEvents:       "Gebeurtenissen tot de horizon",
	ValConcordance:  "Concordantie (Harrells C)",
	ValObserved:     "Waargenomen kans (Kaplan–Meier, of aandeel)",
	ValObservedCI:   "Waargenomen kans, 95%-interval",
	ValMeanPred:     "Gemiddelde voorspelde kans",
	ValCITL:         "Calibration-in-the-large (waargenomen / verwacht)",
	ValCITLDiff:     "Waargenomen − verwacht",
	ValSlope:        "Kalibratiehelling",
	ValBrier:        "Brier-score",
	ValNotAvailable: "niet beschikbaar",
	ValWarnings:     "Waarschuwingen",
	ValMeasuresCap:  "Validatiematen",
	ValWarn: map[string]string{
		"mean_predicted_zero": "calibration-in-the-large: de gemiddelde voorspelde kans is 0, " +
			"dus waargenomen / verwacht bestaat niet",
		"risk_zero_or_one": "kalibratiehelling: een voorspelde kans is 0 of 1, dus de " +
			"helling kan niet geschat worden",
		"concordance_failed": "concordantie: niet berekend, want een follow-uptijd of " +
			"voorspelde kans is geen eindig getal",
		"no_comparable_pairs": "concordantie: geen vergelijkbare paren (geen gebeurtenissen, " +
			"of alleen gebeurtenissen)",
		"slope_not_fitted": "kalibratiehelling: de schatting convergeerde niet (geen " +
			"gebeurtenissen, voorspellingen die niet variëren, of uitkomsten die de " +
			"voorspellingen volledig scheiden)",
	},

	ValPlotTitle:  "Kalibratie per tiende van de voorspelde kans",
	ValPlotDesc:   "Waargenomen tegen gemiddelde voorspelde kans in elk tiende deel van de casussen naar voorspelde kans, met 95%-intervallen, voor {model}. Punten op de diagonaal zijn gekalibreerd.",
	ValPlotX:      "Gemiddelde voorspelde kans",
	ValPlotY:      "Waargenomen kans",
	ValPlotTable:  "Kalibratie per tiende (de getallen van de grafiek)",
	ValTenth:      "Tiende",
	ValPredRange:  "Voorspeld bereik",
	ValCI:         "95%-interval",
	ValSubTitle:   "Maten per niveau van {column}",
	ValSubLevel:   "Niveau",
	ValSubError:   "Niet berekend",
	ValBadTitle:   "Geweigerde regels ({count})",
	ValBadHelp:    "Deze regels zijn uit elke maat weggelaten. Regelnummers tellen de gegevensregels vanaf 1; lijnen tellen de lijnen van het bestand, de kopregel is lijn 1.",
	ValRow:        "Regel",
	ValLine:       "Lijn",
	ValColumn:     "Kolom",
	ValReason:     "Reden",
	ValBadMore:    "… en nog {count} geweigerde regels, niet getoond.",
	ValCompareCap: "Beide modellen op dezelfde regels",
	ValSynthetic:  "Synthetisch: geen gepubliceerd model; alleen voor training.",

	ValRecalTitle:   "Herkalibreren",
	ValRecalHelp:    "Schat de basisoverleving (Cox) of het intercept (logistisch) opnieuw op deze gegevens, en desgewenst een kalibratiehelling. Het nieuwe modelbestand vermeldt van welk model het komt en de gegevens (SHA-256, regels, gebeurtenissen, datum), met gouden casussen uit de gegevens zodat het zichzelf verifieert.",
	ValRecalSlope:   "Herkalibreer ook de helling",
	ValRecalibrate:  "Herkalibreer en maak het nieuwe modelbestand",
	ValRecalDone:    "Geherkalibreerd model {model}.",
	ValRecalParam:   "Parameter",
	ValBefore:       "Voor",
	ValAfter:        "Na",
	ValDownloadDef:  "Bewaar het modelbestand ({name})",
	ValDownloadGold: "Bewaar de gouden casussen ({name})",
	ValDownloadParams: "Bewaar het nieuwe parameterbestand van de hele groep ({name}); het " +
		"onderdeel van de varianten laadt het zoals elk parameterbestand",
	ValRecalAfter:  "Het geherkalibreerde model op dezelfde gegevens",
	ValLoadTitle:   "Een geherkalibreerd model laden",
	ValLoadFiles:   "Modelbestand en bestand met gouden casussen",
	ValLoadHelp:    "Kies beide bestanden tegelijk. Het model wordt tegen zijn gouden casussen geverifieerd voordat het hier gebruikt kan worden.",
	ValLoadNeedTwo: "Kies twee bestanden: het modelbestand en zijn gouden casussen.",
	ValLoadPassed:  "Geverifieerd: {model} (SHA-256 van de definitie {sha}) reproduceert zijn gouden casussen en kan hierboven gekozen worden.",
	ValLoadRefused: "Geweigerd: {reason}",
}
