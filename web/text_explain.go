package web

// ExplainText is the text of the per-case explanation that explain.js adds to a
// result: the waterfall of contributions and its table, the natural frequencies with
// their icon arrays, the what-if comparison and the sensitivity curves. It is the
// "explain" object of the page's JSON text block; placeholders are written {name}.
type ExplainText struct {
	Title       string `json:"title"`
	VariantHeld string `json:"variant_held"` // {model}
	// WhatIfVariant says that the changed copy was scored with another variant.
	WhatIfVariant string `json:"whatif_variant"` // {model} {reason}

	// Natural frequencies.
	FreqTitle   string `json:"freq_title"`
	FreqHelp    string `json:"freq_help"`     // {outcome}
	FreqSay     string `json:"freq_say"`      // {n} {horizon} {pct}
	FreqIconAlt string `json:"freq_icon_alt"` // {n}

	// The waterfall and its table.
	WaterfallTitle string `json:"waterfall_title"`
	WaterfallHelp  string `json:"waterfall_help"` // {reference}
	ScaleLP        string `json:"scale_lp"`
	ScaleProb      string `json:"scale_prob"` // {horizon}
	ChartDesc      string `json:"chart_desc"`
	Reference      string `json:"reference"`
	ThisCase       string `json:"this_case"`
	TableCaption   string `json:"table_caption"`
	ColTerm        string `json:"col_term"`
	ColValue       string `json:"col_value"`
	ColRefValue    string `json:"col_ref_value"`
	ColDelta       string `json:"col_delta"`
	ColProbDelta   string `json:"col_prob_delta"` // {horizon}
	PP             string `json:"pp"`             // {value}

	// What if.
	WhatIfTitle   string `json:"whatif_title"`
	WhatIfHelp    string `json:"whatif_help"`
	WhatIfRun     string `json:"whatif_run"`
	WhatIfReset   string `json:"whatif_reset"`
	WhatIfCaption string `json:"whatif_caption"`
	Before        string `json:"before"`
	After         string `json:"after"`
	Difference    string `json:"difference"`
	BandBefore    string `json:"band_before"`
	BandAfter     string `json:"band_after"`
	BandChanges   string `json:"band_changes"`
	BandNone      string `json:"band_none"`
	Yes           string `json:"yes"`
	No            string `json:"no"`
	InputsCaption string `json:"inputs_caption"`
	Input         string `json:"input"`
	NothingChange string `json:"nothing_changed"`
	WhatIfRefused string `json:"whatif_refused"`

	// Sensitivity curves.
	SweepTitle   string `json:"sweep_title"`
	SweepHelp    string `json:"sweep_help"`
	SweepChart   string `json:"sweep_chart"`   // {label}
	SweepCurrent string `json:"sweep_current"` // {value}
	SweepSample  string `json:"sweep_sample"`  // {to} {note}
	SweepTable   string `json:"sweep_table"`
	SweepCaption string `json:"sweep_caption"` // {label}
	SweepRefused string `json:"sweep_refused"` // {message}
	SweepFailed  string `json:"sweep_failed"`  // {message}
	SweepGap     string `json:"sweep_gap"`
}

// explainEN is ExplainText in English.
var explainEN = ExplainText{
	Title:         "Explain this result",
	VariantHeld:   "The curves below keep the variant applied to this case ({model}); a curve over the answer that chooses the variant covers only the values for which this variant applies. The what-if comparison applies the rule to the changed answers.",
	WhatIfVariant: "After the change the rule chooses another variant, which computed the “after” column: {model}. Why: {reason}",

	FreqTitle:   "Out of 100 people like this",
	FreqHelp:    "Each picture shows 100 people with the same answers. The filled figures are those the model expects to have the outcome: {outcome}.",
	FreqSay:     "About {n} in 100 people like this, {horizon} ({pct}).",
	FreqIconAlt: "{n} of 100 figures filled",

	WaterfallTitle: "From the reference profile to this case",
	WaterfallHelp:  "Each bar is one term: how far it moves the result from the reference profile ({reference}) to this case.",
	ScaleLP:        "Linear predictor",
	ScaleProb:      "Probability {horizon}",
	ChartDesc:      "Waterfall chart. The same numbers are in the table below.",
	Reference:      "Reference profile",
	ThisCase:       "This case",
	TableCaption:   "Each term's contribution to the linear predictor, the reference profile's value, and the change from the reference profile on both scales. The steps on the probability scale depend on the order of the terms; those on the linear scale do not.",
	ColTerm:        "Term",
	ColValue:       "Contribution",
	ColRefValue:    "Reference profile",
	ColDelta:       "Change (linear predictor)",
	ColProbDelta:   "Change in probability, {horizon}",
	PP:             "{value} pp",

	WhatIfTitle:   "What if?",
	WhatIfHelp:    "Change any answer below and compare. The case in the form above stays as it is.",
	WhatIfRun:     "Compare",
	WhatIfReset:   "Start again from the case",
	WhatIfCaption: "Before and after, side by side. The difference is in percentage points (pp).",
	Before:        "Before",
	After:         "After",
	Difference:    "Difference",
	BandBefore:    "Risk category before",
	BandAfter:     "Risk category after",
	BandChanges:   "Category changes?",
	BandNone:      "This model states no risk categories.",
	Yes:           "yes",
	No:            "no",
	InputsCaption: "Answers changed",
	Input:         "Answer",
	NothingChange: "No answer is changed yet: before and after are the same case.",
	WhatIfRefused: "The changed case was not scored.",

	SweepTitle:   "How the result moves with one answer",
	SweepHelp:    "Each chart changes one answer across its accepted range and keeps the others as in this case. It shows what the model computes, not a validated effect.",
	SweepChart:   "{label}: probability across its range",
	SweepCurrent: "This case: {value}",
	SweepSample:  "Shaded: up to {to}. Above it, the model's definition qualifies every result: {note}",
	SweepTable:   "The numbers of this chart",
	SweepCaption: "Probability for each value of {label}, other answers as in this case",
	SweepRefused: "not computed: {message}",
	SweepFailed:  "This chart could not be drawn: {message}",
	SweepGap:     "Gaps in a line are values the engine refuses for this case (see the table).",
}

// explainNL is ExplainText in Dutch, for the Dutch page.
var explainNL = ExplainText{
	Title:         "Uitleg bij deze uitkomst",
	VariantHeld:   "De grafieken hieronder houden de variant aan die op deze casus is toegepast ({model}); een grafiek over het antwoord dat de variant kiest, loopt alleen over de waarden waarvoor deze variant geldt. De wat-als-vergelijking past de regel toe op de gewijzigde antwoorden.",
	WhatIfVariant: "Na de wijziging kiest de regel een andere variant, die de kolom ‘na’ heeft berekend: {model}. Waarom: {reason}",

	FreqTitle:   "Van de 100 mensen zoals deze persoon",
	FreqHelp:    "Elke afbeelding toont 100 mensen met dezelfde antwoorden. De gevulde figuren zijn degenen bij wie het model de uitkomst verwacht: {outcome}.",
	FreqSay:     "Ongeveer {n} op de 100 mensen zoals deze persoon, {horizon} ({pct}).",
	FreqIconAlt: "{n} van de 100 figuren gevuld",

	WaterfallTitle: "Van het referentieprofiel naar deze casus",
	WaterfallHelp:  "Elke balk is één term: hoeveel die de uitkomst verschuift van het referentieprofiel ({reference}) naar deze casus.",
	ScaleLP:        "Lineaire voorspeller",
	ScaleProb:      "Kans {horizon}",
	ChartDesc:      "Watervaldiagram. Dezelfde getallen staan in de tabel hieronder.",
	Reference:      "Referentieprofiel",
	ThisCase:       "Deze casus",
	TableCaption:   "De bijdrage van elke term aan de lineaire voorspeller, de waarde bij het referentieprofiel en het verschil met het referentieprofiel op beide schalen. De stappen op de kansschaal hangen af van de volgorde van de termen; die op de lineaire schaal niet.",
	ColTerm:        "Term",
	ColValue:       "Bijdrage",
	ColRefValue:    "Referentieprofiel",
	ColDelta:       "Verschil (lineaire voorspeller)",
	ColProbDelta:   "Verschil in kans, {horizon}",
	PP:             "{value} procentpunt",

	WhatIfTitle:   "Wat als?",
	WhatIfHelp:    "Verander hieronder een antwoord en vergelijk. De casus in het formulier hierboven blijft zoals hij is.",
	WhatIfRun:     "Vergelijken",
	WhatIfReset:   "Opnieuw beginnen vanaf de casus",
	WhatIfCaption: "Voor en na, naast elkaar. Het verschil staat in procentpunten.",
	Before:        "Voor",
	After:         "Na",
	Difference:    "Verschil",
	BandBefore:    "Risicocategorie voor",
	BandAfter:     "Risicocategorie na",
	BandChanges:   "Verandert de categorie?",
	BandNone:      "Dit model kent geen risicocategorieën.",
	Yes:           "ja",
	No:            "nee",
	InputsCaption: "Gewijzigde antwoorden",
	Input:         "Antwoord",
	NothingChange: "Er is nog geen antwoord gewijzigd: voor en na zijn dezelfde casus.",
	WhatIfRefused: "De gewijzigde casus is niet berekend.",

	SweepTitle:   "Hoe de uitkomst meebeweegt met één antwoord",
	SweepHelp:    "Elke grafiek varieert één antwoord over het toegestane bereik en houdt de andere zoals in deze casus. Dit laat zien wat het model berekent, geen gevalideerd effect.",
	SweepChart:   "{label}: kans over het bereik",
	SweepCurrent: "Deze casus: {value}",
	SweepSample:  "Gearceerd: tot en met {to}. Daarboven tekent de definitie van het model bij elke uitkomst aan: {note}",
	SweepTable:   "De getallen van deze grafiek",
	SweepCaption: "Kans bij elke waarde van {label}, andere antwoorden zoals in deze casus",
	SweepRefused: "niet berekend: {message}",
	SweepFailed:  "Deze grafiek kon niet worden getekend: {message}",
	SweepGap:     "Onderbrekingen in een lijn zijn waarden die de rekenkern voor deze casus weigert (zie de tabel).",
}
