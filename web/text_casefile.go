package web

// CaseFileText is the text of the demo-case library and of saving and opening a
// case as a local file (assets/casefile.js). Placeholders are named in the
// comments.
type CaseFileText struct {
	Title       string `json:"title"`
	DemoTitle   string `json:"demo_title"`
	DemoHelp    string `json:"demo_help"`
	DemoLoad    string `json:"demo_load"`   // {name}
	DemoLoaded  string `json:"demo_loaded"` // {name}
	DemoParams  string `json:"demo_params"`
	FileTitle   string `json:"file_title"`
	Save        string `json:"save"`
	SaveHelp    string `json:"save_help"`
	Saved       string `json:"saved"` // {file}
	Open        string `json:"open"`
	OpenHelp    string `json:"open_help"`
	Opened      string `json:"opened"`     // {file}
	Refused     string `json:"refused"`    // {file}
	NotJSON     string `json:"not_json"`   // {reason}
	TooBig      string `json:"too_big"`    // {max}
	BadFormat   string `json:"bad_format"` // {format}
	BadModel    string `json:"bad_model"`  // {model}
	NoCase      string `json:"no_case"`
	NoField     string `json:"no_field"`
	NotText     string `json:"not_text"`
	NotAnAnswer string `json:"not_an_answer"` // {value}
	NotADate    string `json:"not_a_date"`    // {value}

	// Opening a file into a form that holds typed values asks first.
	ReplaceTitle   string `json:"replace_title"`
	ReplaceText    string `json:"replace_text"` // {model} {file}
	ReplaceConfirm string `json:"replace_confirm"`
	ReplaceKeep    string `json:"replace_keep"`
	Kept           string `json:"kept"` // {file}
}

// caseFileEN is CaseFileText in English.
var caseFileEN = CaseFileText{
	Title:       "Cases",
	DemoTitle:   "Fictional demo cases for training",
	DemoHelp:    "Made-up cases, no real people. Loading one replaces what is in the form of its model.",
	DemoLoad:    "Load: {name}",
	DemoLoaded:  "Loaded into the form: {name}.",
	DemoParams:  "Synthetic training parameters were loaded for it.",
	FileTitle:   "Save or open a case",
	Save:        "Save this case to a file",
	SaveHelp:    "Writes what is in the form of the chosen model to a JSON file on this computer. Nothing is sent anywhere.",
	Saved:       "Saved as {file}.",
	Open:        "Open a saved case (JSON)",
	OpenHelp:    "The file is read in this browser. If it cannot be used, the form is left as it is.",
	Opened:      "Opened {file} into the form.",
	Refused:     "Not opened: {file}. The form is unchanged.",
	NotJSON:     "the file is not valid JSON: {reason}",
	TooBig:      "the file is larger than {max} KB",
	BadFormat:   "the file is not a Spiegel case (its format must be “{format}”)",
	BadModel:    "the model “{model}” is not on this page",
	NoCase:      "the file holds no case",
	NoField:     "this model has no such field",
	NotText:     "the value must be text",
	NotAnAnswer: "“{value}” is not one of the answers",
	NotADate:    "“{value}” is not a date written YYYY-MM-DD",

	ReplaceTitle:   "Replace what is in the form?",
	ReplaceText:    "The form of {model} holds values you entered. Opening {file} replaces all of them.",
	ReplaceConfirm: "Replace with the file",
	ReplaceKeep:    "Keep what I entered",
	Kept:           "Not opened: {file}. What you entered is kept.",
}

// caseFileNL is CaseFileText in Dutch.
var caseFileNL = CaseFileText{
	Title:       "Zaken",
	DemoTitle:   "Fictieve voorbeeldzaken voor training",
	DemoHelp:    "Verzonnen zaken, geen echte personen. Een zaak laden vervangt wat in het formulier van het model staat.",
	DemoLoad:    "Laden: {name}",
	DemoLoaded:  "In het formulier geladen: {name}.",
	DemoParams:  "Daarvoor zijn de synthetische trainingsparameters geladen.",
	FileTitle:   "Een zaak opslaan of openen",
	Save:        "Deze zaak in een bestand opslaan",
	SaveHelp:    "Schrijft wat in het formulier van het gekozen model staat naar een JSON-bestand op deze computer. Er wordt niets verstuurd.",
	Saved:       "Opgeslagen als {file}.",
	Open:        "Een opgeslagen zaak openen (JSON)",
	OpenHelp:    "Het bestand wordt in deze browser gelezen. Als het niet bruikbaar is, blijft het formulier zoals het is.",
	Opened:      "{file} is in het formulier geopend.",
	Refused:     "Niet geopend: {file}. Het formulier is niet veranderd.",
	NotJSON:     "het bestand is geen geldige JSON: {reason}",
	TooBig:      "het bestand is groter dan {max} KB",
	BadFormat:   "het bestand is geen Spiegel-zaak (het formaat moet “{format}” zijn)",
	BadModel:    "het model “{model}” staat niet op deze pagina",
	NoCase:      "het bestand bevat geen zaak",
	NoField:     "dit model heeft geen veld met deze naam",
	NotText:     "de waarde moet tekst zijn",
	NotAnAnswer: "“{value}” is geen van de antwoorden",
	NotADate:    "“{value}” is geen datum in de vorm JJJJ-MM-DD",

	ReplaceTitle:   "Vervangen wat in het formulier staat?",
	ReplaceText:    "Het formulier van {model} bevat waarden die u hebt ingevuld. {file} openen vervangt ze allemaal.",
	ReplaceConfirm: "Vervangen door het bestand",
	ReplaceKeep:    "Behouden wat ik heb ingevuld",
	Kept:           "Niet geopend: {file}. Wat u hebt ingevuld, blijft staan.",
}
