package web

// ReportText is the text of the printed report (assets/report.js and the print
// rules of assets/report.css): a block that only the printout shows, with the
// date of printing, the product version, the intended use and the inputs.
type ReportText struct {
	Print       string `json:"print"`
	PrintHelp   string `json:"print_help"`
	Heading     string `json:"heading"`
	Printed     string `json:"printed"` // {date}
	Product     string `json:"product"` // {version}
	IntendedUse string `json:"intended_use"`
	InputsTitle string `json:"inputs_title"`
	Field       string `json:"field"`
	Answer      string `json:"answer"`
	Empty       string `json:"empty"`
}

// reportEN is ReportText in English.
var reportEN = ReportText{
	Print:       "Print the report",
	PrintHelp:   "Your browser's print dialogue can also save it as a PDF; nothing leaves this computer.",
	Heading:     "Spiegel report",
	Printed:     "Printed on {date}",
	Product:     "Spiegel version {version}",
	IntendedUse: "Intended use",
	InputsTitle: "Inputs as entered",
	Field:       "Question",
	Answer:      "Answer",
	Empty:       "(not answered)",
}

// reportNL is ReportText in Dutch.
var reportNL = ReportText{
	Print:       "Rapport afdrukken",
	PrintHelp:   "Het afdrukvenster van uw browser kan het ook als pdf opslaan; er verlaat niets deze computer.",
	Heading:     "Spiegel-rapport",
	Printed:     "Afgedrukt op {date}",
	Product:     "Spiegel versie {version}",
	IntendedUse: "Bedoeld gebruik",
	InputsTitle: "Invoer zoals ingevuld",
	Field:       "Vraag",
	Answer:      "Antwoord",
	Empty:       "(niet beantwoord)",
}
