package web

import "maps"

// populationTextsNL are the Dutch words of the synthetic populations' descriptions
// (scoring.PopulationSpecs: notes, units and sources), added to the Dutch model texts
// so that faults.js translates them as it does a model's texts. Distribution names
// are input ids, the population file's column names, and stay as they are.
var populationTextsNL = map[string]string{
	"Invented for the classroom: no source gives the joint distribution of OGRS3's " +
		"inputs, so each is drawn on its own from the shares below.": "Verzonnen voor de " +
		"les: geen bron geeft de gezamenlijke verdeling van de invoer van OGRS3, dus elke " +
		"invoer wordt afzonderlijk getrokken volgens de aandelen hieronder.",
	"Invented for the classroom: the Dutch populations' mix of inputs is not public, so " +
		"every share below is made up and the cases describe nobody.": "Verzonnen voor de " +
		"les: de samenstelling van de invoer in de Nederlandse populaties is niet openbaar, " +
		"dus elk aandeel hieronder is verzonnen en de casussen beschrijven niemand.",
	"Shares of each input as counted in the Rossi data; drawing them independently of " +
		"one another is an assumption.": "Aandelen van elke invoer zoals geteld in de " +
		"Rossi-gegevens; ze onafhankelijk van elkaar trekken is een aanname.",
	"Rossi et al. (1980) data as published in R's carData (data set Rossi, 432 men): " +
		"counts of each value": "Gegevens van Rossi et al. (1980) zoals gepubliceerd in " +
		"carData van R (dataset Rossi, 432 mannen): aantallen per waarde",
	"6 months or more, as the variant rule requires": "6 maanden of langer, zoals de " +
		"variantregel vereist",
	"under 6 months, as the variant rule requires; the not-detained models do not read " +
		"it, the detained ones (after a swap) do": "korter dan 6 maanden, zoals de " +
		"variantregel vereist; de niet-gedetineerde modellen lezen het niet, de " +
		"gedetineerde (na een verwisseling) wel",
	"a possible proxy input":       "een mogelijke proxy-invoer",
	"age on the assessment date":   "leeftijd op de datum van de risicotaxatie",
	"days after 1 January":         "dagen na 1 januari",
	"days after that birthday":     "dagen na die verjaardag",
	"days before the assessment":   "dagen vóór de risicotaxatie",
	"days since the last birthday": "dagen sinds de laatste verjaardag",
	"every decile equally likely; a possible proxy input": "elk deciel even " +
		"waarschijnlijk; een mogelijke proxy-invoer",
	"every offence group equally likely, which no real caseload is": "elke delictgroep " +
		"even waarschijnlijk, wat in geen echte caseload zo is",
	"financial aid was assigned at random to half of the men": "financiële steun werd " +
		"willekeurig aan de helft van de mannen toegewezen",
	"ignored when there are no previous sanctions (the current conviction is then the " +
		"first); moved to the conviction date when it would fall after it": "genegeerd " +
		"als er geen eerdere sancties zijn (de huidige veroordeling is dan de eerste); " +
		"verschoven naar de datum van de veroordeling als die erna zou vallen",
	"kept below 50, where OGRS3 caps the count": "onder de 50 gehouden, waar OGRS3 het " +
		"aantal begrenst",
	"most people convicted in England and Wales are men": "de meeste veroordeelden in " +
		"Engeland en Wales zijn mannen",
	"uniform within each band (an assumption)": "uniform binnen elke klasse (een aanname)",
	"uniform within the bands 6–10 and 11–18 (an assumption)": "uniform binnen de " +
		"klassen 6–10 en 11–18 (een aanname)",
}

// init adds the populations' words to the Dutch model texts; the map is shared, so
// the page's text block (Dutch.JS.Models) holds them too.
func init() { maps.Copy(dutchModels.Texts, populationTextsNL) }
