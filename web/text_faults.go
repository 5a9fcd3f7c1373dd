package web

// FaultText is the text of the fault demonstration (faults.templ, faults.js) and of
// the proxy-input lens on a result (faults.js). It is embedded in JSText, so that
// its members sit in the page's JSON text block beside the others; every name and
// key starts with faults_ or proxy_ to keep them apart.
type FaultText struct {
	FaultsTitle        string `json:"faults_title"`
	FaultsIntro        string `json:"faults_intro"`
	FaultsModel        string `json:"faults_model"`
	FaultsModelHelp    string `json:"faults_model_help"`
	FaultsPopulation   string `json:"faults_population"`
	FaultsFile         string `json:"faults_file"`
	FaultsFileHelp     string `json:"faults_file_help"`
	FaultsOr           string `json:"faults_or"`
	FaultsN            string `json:"faults_n"`
	FaultsSeed         string `json:"faults_seed"`
	FaultsGenerate     string `json:"faults_generate"`
	FaultsKind         string `json:"faults_kind"`
	FaultsKindExchange string `json:"faults_kind_exchange"`
	FaultsKindReplace  string `json:"faults_kind_replace"`
	FaultsExchange     string `json:"faults_exchange"`
	FaultsExchangeHelp string `json:"faults_exchange_help"`
	FaultsNumber       string `json:"faults_number"`
	FaultsNumberHelp   string `json:"faults_number_help"`
	FaultsValue        string `json:"faults_value"`
	FaultsMinMove      string `json:"faults_min_move"`
	FaultsMinMoveHelp  string `json:"faults_min_move_help"`
	FaultsRun          string `json:"faults_run"`
	FaultsProgress     string `json:"faults_progress"`

	FaultsNoPopulation string `json:"faults_no_population"`
	FaultsLoaded       string `json:"faults_loaded"`     // {count} {name} {format}
	FaultsLoadedOne    string `json:"faults_loaded_one"` // one case: {name} {format}
	FaultsLeftOut      string `json:"faults_left_out"`   // {count}
	FaultsLeftOutOne   string `json:"faults_left_out_one"`
	FaultsRow          string `json:"faults_row"`       // {row} {line} {message}
	FaultsDrawn        string `json:"faults_drawn"`     // {count} {seed}
	FaultsDrawnOne     string `json:"faults_drawn_one"` // {seed}
	// FaultsNeedWhole refuses a number of cases or a seed that is not a whole number
	// of at least {min}, before the engine is asked.
	FaultsNeedWhole      string `json:"faults_need_whole"` // {field} {min}
	FaultsSynthetic      string `json:"faults_synthetic"`  // the mark on a drawn population
	FaultsDistTitle      string `json:"faults_dist_title"`
	FaultsDistName       string `json:"faults_dist_name"`
	FaultsDistValues     string `json:"faults_dist_values"`
	FaultsDistSource     string `json:"faults_dist_source"`
	FaultsDistShare      string `json:"faults_dist_share"` // {value} {share}
	FaultsAssumption     string `json:"faults_assumption"`
	FaultsReadFailed     string `json:"faults_read_failed"` // {reason}
	FaultsNoExchange     string `json:"faults_no_exchange"`
	FaultsExchangeOption string `json:"faults_exchange_option"` // {a} {b}
	FaultsNumberOption   string `json:"faults_number_option"`   // {at} {path} {value}
	FaultsNeedPopulation string `json:"faults_need_population"`
	FaultsNeedValue      string `json:"faults_need_value"`
	FaultsNeedExchange   string `json:"faults_need_exchange"`
	FaultsNotComputable  string `json:"faults_not_computable"` // {model} {reason}
	FaultsRunning        string `json:"faults_running"`        // {done} {total}
	FaultsDone           string `json:"faults_done"`           // {done} {total}
	FaultsNotRun         string `json:"faults_not_run"`
	FaultsResultTitle    string `json:"faults_result_title"`
	FaultsFault          string `json:"faults_fault"`        // {fault}
	FaultsReplaceDesc    string `json:"faults_replace_desc"` // {number} {to}
	FaultsCases          string `json:"faults_cases"`        // {scored} {refused} {bad}
	FaultsColHorizon     string `json:"faults_col_horizon"`
	FaultsColBand        string `json:"faults_col_band"`
	FaultsColMoved       string `json:"faults_col_moved"` // {pp}
	FaultsNoBands        string `json:"faults_no_bands"`
	FaultsCountsCaption  string `json:"faults_counts_caption"` // {scored}
	FaultsChartTitle     string `json:"faults_chart_title"`
	FaultsBarMoved       string `json:"faults_bar_moved"` // {count} {pp}
	FaultsBarBand        string `json:"faults_bar_band"`  // {count}
	FaultsMovedTitle     string `json:"faults_moved_title"`
	FaultsMovedCaption   string `json:"faults_moved_caption"` // {pp}
	FaultsColID          string `json:"faults_col_id"`
	FaultsColRow         string `json:"faults_col_row"`
	FaultsColBefore      string `json:"faults_col_before"`
	FaultsColAfter       string `json:"faults_col_after"`
	FaultsColChange      string `json:"faults_col_change"`
	FaultsColBands       string `json:"faults_col_bands"`
	FaultsBandChange     string `json:"faults_band_change"` // {before} {after}
	FaultsMovedMore      string `json:"faults_moved_more"`  // {shown} {total}
	FaultsNoneMoved      string `json:"faults_none_moved"`  // {pp}
	FaultsRefusedTitle   string `json:"faults_refused_title"`
	FaultsRefusedRow     string `json:"faults_refused_row"` // {row} {id} {error}

	ProxyTitle     string `json:"proxy_title"`   // {input}
	ProxyNote      string `json:"proxy_note"`    // {input}
	ProxyWhy       string `json:"proxy_why"`     // {reason}
	ProxyCaption   string `json:"proxy_caption"` // {input}
	ProxyColValue  string `json:"proxy_col_value"`
	ProxyCurrent   string `json:"proxy_current"`
	ProxyChart     string `json:"proxy_chart"`      // {input} {horizon}
	ProxyNotScored string `json:"proxy_not_scored"` // {message}
}

// FaultsEN is FaultText in English.
var FaultsEN = FaultText{
	FaultsTitle: "What a fault does: a demonstration over many cases",
	FaultsIntro: "A fault in a risk calculator rarely shows in one case. Here the same cases " +
		"are computed twice, with the model as published and with one fault, and the page " +
		"counts the cases whose result moves. The Dutch OxRec software swapped the formulas " +
		"for detained and not-detained people and used 0.512 for the published drug-problem " +
		"parameter 0.571 (Inspectie JenV, 2026). The cases stay in this browser.",
	FaultsModel: "Model to demonstrate on",
	FaultsModelHelp: "The model as published; the fault is applied to a copy of it. The " +
		"OxRec-NL variants compute only after a parameter file is loaded in their section.",
	FaultsPopulation: "Cases",
	FaultsFile:       "Population file (CSV, JSON lines or a JSON array)",
	FaultsFileHelp: "One case per row, line or element, named by the model's input ids, with " +
		"an optional id. Rows that cannot be read are listed by number and left out.",
	FaultsOr:           "Or draw a synthetic population of fictional cases for the classroom:",
	FaultsN:            "Number of fictional cases",
	FaultsSeed:         "Seed (the same seed draws the same cases)",
	FaultsGenerate:     "Draw synthetic population",
	FaultsKind:         "Fault",
	FaultsKindExchange: "Exchange two variants or tables",
	FaultsKindReplace:  "Replace one number",
	FaultsExchange:     "Exchange",
	FaultsExchangeHelp: "Every case is computed with the other variant or table, as if the " +
		"two had been swapped in the software.",
	FaultsNumber:      "Number to replace",
	FaultsNumberHelp:  "Every number of the model's definition, with where it comes from.",
	FaultsValue:       "Replace it with",
	FaultsMinMove:     "Minimum move, in percentage points",
	FaultsMinMoveHelp: "A case counts as moved when its probability changes by more than this.",
	FaultsRun:         "Run the demonstration",
	FaultsProgress:    "Progress",

	FaultsNoPopulation:   "No cases loaded yet.",
	FaultsLoaded:         "{count} cases read from {name} ({format}).",
	FaultsLoadedOne:      "1 case read from {name} ({format}).",
	FaultsLeftOut:        "{count} rows could not be read and are left out:",
	FaultsLeftOutOne:     "1 row could not be read and is left out:",
	FaultsRow:            "Row {row} (line {line}): {message}",
	FaultsDrawn:          "{count} fictional cases drawn with seed {seed}. They describe nobody.",
	FaultsDrawnOne:       "1 fictional case drawn with seed {seed}. It describes nobody.",
	FaultsNeedWhole:      "{field}: type a whole number of {min} or more.",
	FaultsSynthetic:      "SYNTHETIC POPULATION — FICTIONAL CASES",
	FaultsDistTitle:      "How the fictional cases were drawn",
	FaultsDistName:       "Quantity",
	FaultsDistValues:     "Values and shares",
	FaultsDistSource:     "Source",
	FaultsDistShare:      "{value}: {share}",
	FaultsAssumption:     "Invented classroom assumption",
	FaultsReadFailed:     "The file could not be read: {reason}",
	FaultsNoExchange:     "No exchange is defined for this model",
	FaultsExchangeOption: "{a} ↔ {b}",
	FaultsNumberOption:   "{at} ({path}) = {value}",
	FaultsNeedPopulation: "Load a file or draw a synthetic population first.",
	FaultsNeedValue:      "Type the replacement value.",
	FaultsNeedExchange:   "This model has no exchange; choose “Replace one number”.",
	FaultsNotComputable:  "{model} cannot compute: {reason}",
	FaultsRunning:        "Computed {done} of {total} cases…",
	FaultsDone:           "Done: {done} of {total} cases computed.",
	FaultsNotRun:         "Nothing was computed.",
	FaultsResultTitle:    "What the fault did",
	FaultsFault:          "Fault: {fault}",
	FaultsReplaceDesc:    "{number} replaced by {to}",
	FaultsCases: "Cases: {scored} computed, {refused} refused by a model, " +
		"{bad} rows left out.",
	FaultsColHorizon:    "Horizon",
	FaultsColBand:       "Cases that change risk category",
	FaultsColMoved:      "Cases that move by more than {pp} percentage points",
	FaultsNoBands:       "no categories",
	FaultsCountsCaption: "Cases whose result changed, per horizon, out of {scored} computed.",
	FaultsChartTitle:    "Cases that moved, per horizon",
	FaultsBarMoved:      "{count} moved by more than {pp} points",
	FaultsBarBand:       "{count} changed category",
	FaultsMovedTitle:    "The cases that moved",
	FaultsMovedCaption: "Each case and horizon where the probability moved by more than {pp} " +
		"percentage points or the risk category changed.",
	FaultsColID:        "Case",
	FaultsColRow:       "Row",
	FaultsColBefore:    "As published",
	FaultsColAfter:     "With the fault",
	FaultsColChange:    "Difference (percentage points)",
	FaultsColBands:     "Risk category",
	FaultsBandChange:   "{before} → {after}",
	FaultsMovedMore:    "The first {shown} of {total} rows are shown.",
	FaultsNoneMoved:    "No case moved by more than {pp} percentage points or changed category.",
	FaultsRefusedTitle: "Cases a model refused",
	FaultsRefusedRow:   "Row {row} ({id}): {error}",

	ProxyTitle: "Counterfactual, not a validated effect: {input}",
	ProxyNote: "What the model computes for this case if only “{input}” took each of its " +
		"values, every other input held as entered. It shows how much this input weighs in " +
		"the formula. It is not a validated effect on anyone's risk.",
	ProxyWhy:       "Why this input is shown: {reason}",
	ProxyCaption:   "{input}: the result at each value, everything else held fixed (counterfactual).",
	ProxyColValue:  "Value",
	ProxyCurrent:   "this case",
	ProxyChart:     "Chart: probability {horizon} at each value of {input}",
	ProxyNotScored: "not computed: {message}",
}

// FaultsNL is FaultText in Dutch, with the terms of DOMAIN.md.
var FaultsNL = FaultText{
	FaultsTitle: "Wat een fout doet: een demonstratie over veel casussen",
	FaultsIntro: "Een fout in een risicocalculator is zelden aan één casus te zien. Hier " +
		"worden dezelfde casussen twee keer berekend, met het model zoals gepubliceerd en " +
		"met één fout, en telt de pagina de casussen waarvan de uitkomst verschuift. De " +
		"Nederlandse OxRec-software verwisselde de formules voor gedetineerden en " +
		"niet-gedetineerden en gebruikte 0,512 voor de gepubliceerde parameter voor " +
		"drugsproblematiek, 0,571 (Inspectie JenV, 2026). De casussen blijven in deze browser.",
	FaultsModel: "Model voor de demonstratie",
	FaultsModelHelp: "Het model zoals gepubliceerd; de fout wordt op een kopie toegepast. " +
		"De OxRec-NL-varianten rekenen pas als in hun onderdeel een parameterbestand is geladen.",
	FaultsPopulation: "Casussen",
	FaultsFile:       "Populatiebestand (CSV, JSON-regels of een JSON-array)",
	FaultsFileHelp: "Eén casus per rij, regel of element, met de invoer-id's van het model " +
		"als namen en eventueel een id. Rijen die niet te lezen zijn, worden met hun nummer " +
		"genoemd en weggelaten.",
	FaultsOr:           "Of trek een synthetische populatie van fictieve casussen voor de les:",
	FaultsN:            "Aantal fictieve casussen",
	FaultsSeed:         "Startwaarde (dezelfde startwaarde geeft dezelfde casussen)",
	FaultsGenerate:     "Synthetische populatie trekken",
	FaultsKind:         "Fout",
	FaultsKindExchange: "Twee varianten of tabellen verwisselen",
	FaultsKindReplace:  "Eén getal vervangen",
	FaultsExchange:     "Verwisseling",
	FaultsExchangeHelp: "Elke casus wordt berekend met de andere variant of tabel, alsof de " +
		"twee in de software verwisseld waren.",
	FaultsNumber:      "Te vervangen getal",
	FaultsNumberHelp:  "Elk getal uit de definitie van het model, met zijn herkomst.",
	FaultsValue:       "Vervangen door",
	FaultsMinMove:     "Minimale verschuiving, in procentpunten",
	FaultsMinMoveHelp: "Een casus telt als verschoven als de kans meer dan dit verandert.",
	FaultsRun:         "Demonstratie uitvoeren",
	FaultsProgress:    "Voortgang",

	FaultsNoPopulation: "Nog geen casussen geladen.",
	FaultsLoaded:       "{count} casussen gelezen uit {name} ({format}).",
	FaultsLoadedOne:    "1 casus gelezen uit {name} ({format}).",
	FaultsLeftOut:      "{count} rijen konden niet worden gelezen en zijn weggelaten:",
	FaultsLeftOutOne:   "1 rij kon niet worden gelezen en is weggelaten:",
	FaultsRow:          "Rij {row} (regel {line}): {message}",
	FaultsDrawn: "{count} fictieve casussen getrokken met startwaarde {seed}. " +
		"Ze beschrijven niemand.",
	FaultsDrawnOne:       "1 fictieve casus getrokken met startwaarde {seed}. Die beschrijft niemand.",
	FaultsNeedWhole:      "{field}: vul een geheel getal van {min} of meer in.",
	FaultsSynthetic:      "SYNTHETISCHE POPULATIE — FICTIEVE CASUSSEN",
	FaultsDistTitle:      "Hoe de fictieve casussen zijn getrokken",
	FaultsDistName:       "Grootheid",
	FaultsDistValues:     "Waarden en aandelen",
	FaultsDistSource:     "Bron",
	FaultsDistShare:      "{value}: {share}",
	FaultsAssumption:     "Verzonnen aanname voor de les",
	FaultsReadFailed:     "Het bestand kon niet worden gelezen: {reason}",
	FaultsNoExchange:     "Voor dit model is geen verwisseling gedefinieerd",
	FaultsExchangeOption: "{a} ↔ {b}",
	FaultsNumberOption:   "{at} ({path}) = {value}",
	FaultsNeedPopulation: "Laad eerst een bestand of trek een synthetische populatie.",
	FaultsNeedValue:      "Typ de vervangende waarde.",
	FaultsNeedExchange:   "Dit model heeft geen verwisseling; kies „Eén getal vervangen”.",
	FaultsNotComputable:  "{model} kan niet rekenen: {reason}",
	FaultsRunning:        "{done} van {total} casussen berekend…",
	FaultsDone:           "Klaar: {done} van {total} casussen berekend.",
	FaultsNotRun:         "Er is niets berekend.",
	FaultsResultTitle:    "Wat de fout deed",
	FaultsFault:          "Fout: {fault}",
	FaultsReplaceDesc:    "{number} vervangen door {to}",
	FaultsCases: "Casussen: {scored} berekend, {refused} door een model geweigerd, " +
		"{bad} rijen weggelaten.",
	FaultsColHorizon: "Termijn",
	FaultsColBand:    "Casussen die van risicocategorie wisselen",
	FaultsColMoved:   "Casussen die meer dan {pp} procentpunten verschuiven",
	FaultsNoBands:    "geen categorieën",
	FaultsCountsCaption: "Casussen waarvan de uitkomst veranderde, per termijn, " +
		"van {scored} berekend.",
	FaultsChartTitle: "Verschoven casussen per termijn",
	FaultsBarMoved:   "{count} meer dan {pp} punten verschoven",
	FaultsBarBand:    "{count} van categorie gewisseld",
	FaultsMovedTitle: "De verschoven casussen",
	FaultsMovedCaption: "Elke casus en termijn waarbij de kans meer dan {pp} procentpunten " +
		"verschoof of de risicocategorie veranderde.",
	FaultsColID:        "Casus",
	FaultsColRow:       "Rij",
	FaultsColBefore:    "Zoals gepubliceerd",
	FaultsColAfter:     "Met de fout",
	FaultsColChange:    "Verschil (procentpunten)",
	FaultsColBands:     "Risicocategorie",
	FaultsBandChange:   "{before} → {after}",
	FaultsMovedMore:    "De eerste {shown} van {total} rijen worden getoond.",
	FaultsNoneMoved:    "Geen casus verschoof meer dan {pp} procentpunten of wisselde van categorie.",
	FaultsRefusedTitle: "Casussen die een model weigerde",
	FaultsRefusedRow:   "Rij {row} ({id}): {error}",

	ProxyTitle: "Contrafeitelijk, geen gevalideerd effect: {input}",
	ProxyNote: "Wat het model voor deze casus berekent als alleen „{input}” elk van zijn " +
		"waarden aannam, met alle andere invoer zoals ingevuld. Het laat zien hoe zwaar deze " +
		"invoer in de formule weegt. Het is geen gevalideerd effect op iemands risico.",
	ProxyWhy:       "Waarom deze invoer wordt getoond: {reason}",
	ProxyCaption:   "{input}: de uitkomst bij elke waarde, al het andere gelijk (contrafeitelijk).",
	ProxyColValue:  "Waarde",
	ProxyCurrent:   "deze casus",
	ProxyChart:     "Grafiek: kans {horizon} bij elke waarde van {input}",
	ProxyNotScored: "niet berekend: {message}",
}
