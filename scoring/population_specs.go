package scoring

import (
	"errors"
	"strconv"
	"sync"
)

// PopulationSpec says how SyntheticPopulation draws fictional cases for some
// models: one Distribution per quantity, each drawn independently of the others,
// and a rule that turns the draws into a case.
//
// Every distribution names where its numbers come from (Source) or is marked as
// an invented classroom assumption. Drawing inputs independently is itself such an
// assumption: in real populations age, previous convictions and the rest go
// together. A synthetic population shows what a fault does to the model's
// arithmetic; it says nothing about how many real people a fault affected.
type PopulationSpec struct {
	ID            string         `json:"id"`
	Models        []string       `json:"models"`
	Note          string         `json:"note"`
	Distributions []Distribution `json:"distributions"`

	stream uint64                     // the PCG stream, fixed per spec
	build  func(map[string]Draw) Case // nil: each draw is the input of its name
}

// Distribution is how one quantity is drawn: a level by weight, or a band of whole
// numbers by weight and then a number uniformly within the band. Weights are
// relative (counts or shares).
type Distribution struct {
	Name   string        `json:"name"`
	Unit   string        `json:"unit,omitempty"`
	Levels []LevelWeight `json:"levels,omitempty"`
	Bands  []BandWeight  `json:"bands,omitempty"`
	// Source cites where the weights come from; empty when Assumption is true.
	Source string `json:"source,omitempty"`
	// Assumption marks weights invented for the classroom, with no source.
	Assumption bool   `json:"assumption"`
	Note       string `json:"note,omitempty"`
}

// LevelWeight is one level of a drawn level input and its relative weight.
type LevelWeight struct {
	ID     string  `json:"id"`
	Weight float64 `json:"weight"`
}

// BandWeight is the band [Lo, Hi] of whole numbers and its relative weight.
type BandWeight struct {
	Lo     int     `json:"lo"`
	Hi     int     `json:"hi"`
	Weight float64 `json:"weight"`
}

// Shares returns each level's or band's weight as a fraction of the total, in
// table order.
func (d *Distribution) Shares() []float64 {
	var ws []float64
	for _, l := range d.Levels {
		ws = append(ws, l.Weight)
	}
	for _, b := range d.Bands {
		ws = append(ws, b.Weight)
	}
	total := 0.0
	for _, w := range ws {
		total += w
	}
	for i := range ws {
		ws[i] /= total
	}
	return ws
}

func (l LevelWeight) weight() float64 { return l.Weight }
func (b BandWeight) weight() float64  { return b.Weight }

// errNoSpec reports a model the synthetic population has no distributions for.
var errNoSpec = errors.New("synthetic population: no distributions are documented for this model")

// PopulationSpecFor returns the spec that draws cases for the model.
func PopulationSpecFor(m *Model) (*PopulationSpec, error) {
	specs := populationSpecs()
	for i := range specs {
		for _, id := range specs[i].Models {
			if id == m.ID() {
				return &specs[i], nil
			}
		}
	}
	return nil, errNoSpec
}

// PopulationSpecs lists every spec, for documentation and tests.
func PopulationSpecs() []PopulationSpec {
	return append([]PopulationSpec(nil), populationSpecs()...)
}

// The specs are built on first use rather than as package variables, whose
// initialisation (levels, yesNo) would be code that every program using the package
// links and runs, the calculator's engine included.
var (
	specsOnce sync.Once
	specs     []PopulationSpec
)

// populationSpecs returns every spec, one per population of models.
func populationSpecs() []PopulationSpec {
	specsOnce.Do(func() {
		rossi, oxrec := rossiInputs(), oxrecCommon()
		specs = []PopulationSpec{ogrs3Spec(), rossiSpec(rossi), rossiPairSpec(rossi),
			oxrecDetainedSpec(oxrec), oxrecNotDetainedSpec(oxrec)}
	})
	return specs
}

// Where the weights of the tables below come from.
const (
	srcAssumed = ""
	srcRossi   = "Rossi et al. (1980) data as published in R's carData (data set Rossi, " +
		"432 men): counts of each value"
)

// levels builds level weights from id, weight pairs.
func levels(pairs ...any) []LevelWeight {
	out := make([]LevelWeight, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, LevelWeight{ID: pairs[i].(string), Weight: toFloat(pairs[i+1])})
	}
	return out
}

// toFloat accepts an int or float64 weight.
func toFloat(v any) float64 {
	if n, ok := v.(int); ok {
		return float64(n)
	}
	return v.(float64)
}

// yesNo is a yes/no input that is yes with the given share (an assumption).
func yesNo(name string, yes float64, note string) Distribution {
	return Distribution{Name: name, Levels: levels("no", 1-yes, "yes", yes),
		Assumption: true, Note: note}
}

// ogrs3Spec draws the dates and counts OGRS3 reads. The person's age, the gap to
// the assessment and the age at the first sanction are drawn; the dates follow, in
// career order, so that every case is one the model accepts.
func ogrs3Spec() PopulationSpec {
	return PopulationSpec{
		ID:     "ogrs3",
		Models: []string{"ogrs3"},
		Note: "Invented for the classroom: no source gives the joint distribution of " +
			"OGRS3's inputs, so each is drawn on its own from the shares below.",
		stream: 0x0915_0003,
		build:  buildOGRS3,
		Distributions: []Distribution{
			{Name: "sex", Levels: levels("male", 0.85, "female", 0.15), Assumption: true,
				Note: "most people convicted in England and Wales are men"},
			{Name: "offence_group", Levels: offenceGroups(), Assumption: true,
				Note: "every offence group equally likely, which no real caseload is"},
			{Name: "previous_sanctions", Unit: "sanctions", Assumption: true,
				Bands: []BandWeight{{0, 0, 0.30}, {1, 2, 0.25}, {3, 5, 0.20},
					{6, 10, 0.12}, {11, 20, 0.08}, {21, 49, 0.05}},
				Note: "kept below 50, where OGRS3 caps the count"},
			{Name: "age", Unit: "years", Assumption: true,
				Bands: []BandWeight{{18, 20, 0.15}, {21, 24, 0.20}, {25, 29, 0.20},
					{30, 39, 0.25}, {40, 49, 0.12}, {50, 65, 0.08}},
				Note: "age on the assessment date"},
			{Name: "first_sanction_age", Unit: "years", Assumption: true,
				Bands: []BandWeight{{10, 14, 0.20}, {15, 17, 0.35}, {18, 20, 0.20},
					{21, 29, 0.15}, {30, 50, 0.10}},
				Note: "ignored when there are no previous sanctions (the current " +
					"conviction is then the first); moved to the conviction date when it " +
					"would fall after it"},
			{Name: "assessment_year", Bands: []BandWeight{{2020, 2024, 1}}, Assumption: true},
			{Name: "assessment_day", Unit: "days after 1 January",
				Bands: []BandWeight{{0, 364, 1}}, Assumption: true},
			{Name: "birthday_days", Unit: "days since the last birthday",
				Bands: []BandWeight{{0, 364, 1}}, Assumption: true},
			{Name: "first_sanction_days", Unit: "days after that birthday",
				Bands: []BandWeight{{0, 364, 1}}, Assumption: true},
			{Name: "conviction_days", Unit: "days before the assessment",
				Bands: []BandWeight{{0, 730, 1}}, Assumption: true},
		},
	}
}

// offenceGroups gives OGRS3's 20 offence groups equal weight.
func offenceGroups() []LevelWeight {
	out := make([]LevelWeight, 20)
	for i := range out {
		out[i] = LevelWeight{ID: strconv.Itoa(i), Weight: 1}
	}
	return out
}

// buildOGRS3 turns the draws into OGRS3's inputs: the assessment date, the birth
// date that gives the drawn age on it, the conviction before the assessment and the
// first sanction between the tenth birthday and the conviction.
func buildOGRS3(d map[string]Draw) Case {
	assess := daysFromCivil(d["assessment_year"].N, 1, 1) + d["assessment_day"].N
	birth := addYears(assess, -d["age"].N) - d["birthday_days"].N
	conv := assess - d["conviction_days"].N
	first := conv
	if d["previous_sanctions"].N > 0 {
		first = min(addYears(birth, d["first_sanction_age"].N)+d["first_sanction_days"].N, conv)
	}
	return Case{
		"sex":                 d["sex"].Level,
		"offence_group":       d["offence_group"].Level,
		"previous_sanctions":  d["previous_sanctions"].Text(),
		"birth_date":          civilFromDays(birth).String(),
		"conviction_date":     civilFromDays(conv).String(),
		"first_sanction_date": civilFromDays(first).String(),
		"assessment_date":     civilFromDays(assess).String(),
	}
}

// rossiInputs are the distributions of the Rossi models' inputs, from the counts in
// the data the models were fitted on. Within an age or prior-conviction band the
// value is drawn uniformly, an assumption.
func rossiInputs() []Distribution {
	return []Distribution{
		{Name: "fin", Levels: levels("no", 216, "yes", 216), Source: srcRossi,
			Note: "financial aid was assigned at random to half of the men"},
		{Name: "age", Unit: "years", Source: srcRossi,
			Bands: []BandWeight{{17, 19, 66}, {20, 24, 212}, {25, 29, 78}, {30, 34, 34},
				{35, 39, 22}, {40, 44, 20}},
			Note: "uniform within each band (an assumption)"},
		{Name: "wexp", Levels: levels("no", 185, "yes", 247), Source: srcRossi},
		{Name: "mar", Levels: levels("married", 53, "not married", 379), Source: srcRossi},
		{Name: "prio", Unit: "convictions", Source: srcRossi,
			Bands: []BandWeight{{0, 0, 38}, {1, 1, 113}, {2, 2, 100}, {3, 3, 58}, {4, 4, 43},
				{5, 5, 26}, {6, 10, 39}, {11, 18, 15}},
			Note: "uniform within the bands 6–10 and 11–18 (an assumption)"},
	}
}

// rossiNote explains the Rossi specs.
const rossiNote = "Shares of each input as counted in the Rossi data; drawing them " +
	"independently of one another is an assumption."

// oxrecNote says where OxRec-NL's shares come from: no source for the Dutch
// population's mix could be retrieved (DOMAIN.md §3), so every share is invented for
// the classroom.
const oxrecNote = "Invented for the classroom: the Dutch populations' mix of inputs " +
	"is not public, so every share below is made up and the cases describe nobody."

// oxrecCommon are the distributions of the inputs both OxRec-NL populations share.
func oxrecCommon() []Distribution {
	return []Distribution{
		{Name: "sex", Levels: levels("female", 0.1, "male", 0.9), Assumption: true},
		{Name: "age", Unit: "years", Assumption: true,
			Bands: []BandWeight{{18, 24, 0.30}, {25, 34, 0.30}, {35, 44, 0.20},
				{45, 59, 0.15}, {60, 75, 0.05}}},
		yesNo("violent_index_offence", 0.30, ""),
		yesNo("previous_violent_crime", 0.40, ""),
		yesNo("never_married", 0.60, ""),
		yesNo("low_education", 0.40, ""),
		yesNo("unemployed", 0.50, ""),
		yesNo("low_income", 0.50, "a possible proxy input"),
		{Name: "neighbourhood_decile", Bands: []BandWeight{{1, 10, 1}}, Assumption: true,
			Note: "every decile equally likely; a possible proxy input"},
		yesNo("alcohol_use_disorder", 0.25, ""),
		yesNo("drug_use_disorder", 0.35, ""),
		yesNo("any_mental_disorder", 0.30, ""),
		yesNo("severe_mental_disorder", 0.05, ""),
	}
}

// rossiSpec draws for the Rossi model of all released men: rossi and paro.
func rossiSpec(rossi []Distribution) PopulationSpec {
	return PopulationSpec{ID: "rossi", Models: []string{"rossi-cox"}, Note: rossiNote,
		stream: 0x0415_0001, Distributions: append(append([]Distribution(nil), rossi...),
			Distribution{Name: "paro", Levels: levels("no", 165, "yes", 267),
				Source: srcRossi})}
}

// rossiPairSpec draws for the paroled and not-paroled Rossi models.
func rossiPairSpec(rossi []Distribution) PopulationSpec {
	return PopulationSpec{ID: "rossi-pair",
		Models: []string{"rossi-cox-paroled", "rossi-cox-not-paroled"},
		Note:   rossiNote, stream: 0x0415_0002, Distributions: rossi}
}

// oxrecDetainedSpec draws for the detained OxRec-NL models.
func oxrecDetainedSpec(common []Distribution) PopulationSpec {
	return PopulationSpec{ID: "oxrec-nl-detained", Note: oxrecNote, stream: 0x0a3e_0001,
		Models: []string{"oxrec-nl-detained-general", "oxrec-nl-detained-violent"},
		Distributions: append(append([]Distribution(nil), common...),
			Distribution{Name: "detention_months", Unit: "months", Assumption: true,
				Bands: []BandWeight{{6, 11, 0.5}, {12, 23, 0.3}, {24, 60, 0.2}},
				Note:  "6 months or more, as the variant rule requires"})}
}

// oxrecNotDetainedSpec draws for the not-detained OxRec-NL models.
func oxrecNotDetainedSpec(common []Distribution) PopulationSpec {
	return PopulationSpec{ID: "oxrec-nl-not-detained", Note: oxrecNote, stream: 0x0a3e_0002,
		Models: []string{"oxrec-nl-nondetained-general", "oxrec-nl-nondetained-violent"},
		Distributions: append(append([]Distribution(nil), common...),
			Distribution{Name: "detention_months", Unit: "months", Assumption: true,
				Bands: []BandWeight{{0, 0, 0.7}, {1, 5, 0.3}},
				Note: "under 6 months, as the variant rule requires; the not-detained " +
					"models do not read it, the detained ones (after a swap) do"})}
}

// caseOf turns one set of draws into a case.
func (s *PopulationSpec) caseOf(d map[string]Draw) Case {
	if s.build != nil {
		return s.build(d)
	}
	c := make(Case, len(d))
	for name, v := range d {
		c[name] = v.Text()
	}
	return c
}
