package scoring

import (
	"errors"
	"strings"
	"unsafe"
)

// ParamsFormatV1 is the format tag of parameter files.
const ParamsFormatV1 = "spiegel-params/1"

// ParameterFile supplies the values of a group's templates, as an organisation issues
// them: per variant every placeholder's value with its source, the bands per horizon,
// the population the variant is for, and golden cases that tie each variant to its
// population and its numbers. See VerifyParameters for the checks.
type ParameterFile struct {
	Format    string            `json:"format"`
	Group     string            `json:"group"`
	Version   string            `json:"version"`
	Issuer    string            `json:"issuer"`
	Issued    string            `json:"issued"`
	Synthetic bool              `json:"synthetic,omitempty"`
	Notice    string            `json:"notice,omitempty"`
	Sources   map[string]Source `json:"sources"`
	Variants  []Variant         `json:"variants"`
	Golden    []GoldenCase      `json:"golden"`
}

// Variant is the values of one template of the group.
type Variant struct {
	Model      string                 `json:"model"`
	Population string                 `json:"population"`
	Values     map[string]Coefficient `json:"values"`
	Bands      map[string][]Band      `json:"bands"`
}

// GoldenCase is a case with the probabilities the issuer computed for it. Model names
// the variant; the case's inputs must select that variant by the group's rule.
// Tolerance is the largest accepted absolute difference, at most MaxGoldenTolerance.
type GoldenCase struct {
	ID        string             `json:"id"`
	Model     string             `json:"model"`
	Case      Case               `json:"case"`
	Expected  map[string]float64 `json:"expected"`
	Tolerance float64            `json:"tolerance"`
}

// MaxGoldenTolerance is the loosest tolerance a golden case may state: looser checks
// would let a mistyped coefficient through.
const MaxGoldenTolerance = 1e-6

// ErrRefused wraps every reason a parameter file is refused.
var ErrRefused = errors.New("parameter file refused")

// ParamSet is a verified parameter file bound to its templates.
type ParamSet struct {
	SHA256    string
	Group     string
	Version   string
	Issuer    string
	Synthetic bool
	Notice    string
	Models    []*Model
	// Warnings are checks that qualify but do not refuse the file, such as a
	// coefficient against its published direction.
	Warnings []error
	// file is the parameter file as parsed, for RecalibratedParams.
	file *ParameterFile
}

// VerifyParameters checks a parameter file against the catalog's templates and
// returns the bound models. In order: strict parsing; the SHA-256 against pin, when
// pin is not empty; a file marked not synthetic must not carry the numbers of the
// synthetic training set (see checkNotRelabelled); structure (the group, every
// variant of it present once with its population, every placeholder given exactly
// once with a source, bands that tile);
// plausibility (signs, as warnings); and the golden cases, each of which must select
// its variant by the group's rule and match within its tolerance. The first failure
// refuses the file with an error that names the value or case.
func VerifyParameters(cat *Catalog, data []byte, pin string) (*ParamSet, error) {
	sha := sha256Hex(data)
	if pin != "" && !isSHA256(pin) {
		return nil, refuse(refusedPin, "the pin %q is not a SHA-256 (64 hexadecimal digits)",
			clip(pin))
	}
	if pin != "" && !strings.EqualFold(pin, sha) {
		return nil, refuse(refusedPin, "SHA-256 %s is not the pinned %s", sha, pin)
	}
	var f ParameterFile
	if err := parameterFileJSON.decodeStrict(data, &f); err != nil {
		return nil, errorf("%w: %w", refusedParse, err)
	}
	set := &ParamSet{SHA256: sha, Group: f.Group, Version: f.Version, Issuer: f.Issuer,
		Synthetic: f.Synthetic, Notice: f.Notice, file: &f}
	group, err := checkHeaderOf(cat, &f)
	if err != nil {
		return nil, err
	}
	if err := checkNotRelabelled(&f); err != nil {
		return nil, err
	}
	byID, err := bindVariants(cat, group, &f, set)
	if err != nil {
		return nil, err
	}
	if err := checkGolden(group, &f, byID); err != nil {
		return nil, err
	}
	return set, nil
}

// isSHA256 reports whether s is written as a SHA-256: 64 hexadecimal digits.
func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// refuse formats a refusal of the given kind.
func refuse(kind *refusal, format string, args ...any) error {
	return errorf("%w: %s", kind, sprintf(format, args...))
}

// checkHeaderOf checks the file's format, group and texts.
func checkHeaderOf(cat *Catalog, f *ParameterFile) (*Group, error) {
	switch {
	case f.Format != ParamsFormatV1:
		return nil, refuse(refusedHeader, "format: %q is not %q", f.Format, ParamsFormatV1)
	case f.Version == "" || f.Issuer == "" || f.Issued == "":
		return nil, refuse(refusedHeader, "version, issuer and issued are required")
	case f.Synthetic && f.Notice == "":
		return nil, refuse(refusedHeader, "notice: a synthetic file must say so in its notice")
	}
	for key, s := range f.Sources {
		if s.Citation == "" {
			return nil, refuse(refusedHeader, "sources.%s.citation: empty", key)
		}
	}
	g, err := cat.Group(f.Group)
	if err != nil {
		return nil, refuse(refusedHeader, "group: %v", err)
	}
	return g, nil
}

// bindVariants binds each variant to its template and checks that every member of
// the group has exactly one variant.
func bindVariants(cat *Catalog, g *Group, f *ParameterFile, set *ParamSet) (map[string]*Model, error) {
	byID := map[string]*Model{}
	for i := range f.Variants {
		v := &f.Variants[i]
		path := sprintf("variants[%d] (%s)", i, v.Model)
		mb, ok := g.member(v.Model)
		switch {
		case !ok:
			return nil, refuse(refusedStructure, "%s: not a variant of group %s", path, g.ID())
		case byID[v.Model] != nil:
			return nil, refuse(refusedStructure, "%s: given twice", path)
		case v.Population != mb.Population:
			return nil, refuse(refusedStructure, "%s: population %q, but the model is for %q", path, v.Population,
				mb.Population)
		}
		tpl, err := cat.Model(v.Model)
		if err != nil {
			return nil, refuse(refusedStructure, "%s: %v", path, err)
		}
		m, err := bind(tpl, v, f, set)
		if err != nil {
			return nil, refuse(refusedStructure, "%s: %v", path, err)
		}
		byID[v.Model] = m
		set.Models = append(set.Models, m)
		set.Warnings = append(set.Warnings, signWarnings(m, path)...)
	}
	for _, mb := range g.def.Members {
		if byID[mb.Model] == nil {
			return nil, refuse(refusedStructure, "variants: no values for %s", mb.Model)
		}
	}
	return byID, nil
}

// bind fills a template's placeholders with a variant's values, adds the file's
// sources and bands, and compiles the result like any definition.
func bind(tpl *Model, v *Variant, f *ParameterFile, set *ParamSet) (*Model, error) {
	def, err := copyDefinition(&tpl.def)
	if err != nil {
		return nil, err
	}
	if err := mergeSources(def, f.Sources); err != nil {
		return nil, err
	}
	paths := map[string]string{}
	eachCoefficient(def, func(path string, c *Coefficient) {
		if c.Param != "" {
			paths[c.Param] = path
		}
	})
	if err := fillParams(def, v.Values); err != nil {
		return nil, err
	}
	if err := fillBands(def, v.Bands); err != nil {
		return nil, err
	}
	def.Version = tpl.def.Version + "; parameters " + f.Version
	m, err := compile(def)
	if err != nil {
		return nil, err
	}
	m.sha256, m.origin = tpl.sha256, OriginImported
	m.paramsSHA256, m.issuer, m.synthetic = set.SHA256, f.Issuer, f.Synthetic
	m.paramsNotice, m.group = f.Notice, tpl.group
	m.bound = &boundParams{set: set, paths: paths}
	return m, nil
}

// copyDefinition returns a deep copy of d.
func copyDefinition(d *Definition) (*Definition, error) {
	w := &jsonWriter{}
	w.write(&jtDefinition, unsafe.Pointer(d))
	if w.err != nil {
		return nil, w.err
	}
	var out Definition
	return &out, definitionJSON.decodeStrict(w.b, &out)
}

// mergeSources adds the file's sources to the definition's. A key both use must cite
// the same work, so that no value can borrow another citation by accident.
func mergeSources(d *Definition, sources map[string]Source) error {
	for k, s := range sources {
		if old, dup := d.Sources[k]; dup && old.Citation != s.Citation {
			return errorf("sources.%s: the model cites another work under that name", k)
		}
		d.Sources[k] = s
	}
	return nil
}

// fillParams replaces each placeholder with its value, refusing missing, unused and
// nested-placeholder values.
func fillParams(d *Definition, values map[string]Coefficient) error {
	used := map[string]bool{}
	var err error
	eachCoefficient(d, func(path string, c *Coefficient) {
		if c.Param == "" || err != nil {
			return
		}
		v, ok := values[c.Param]
		switch {
		case !ok:
			err = errorf("values.%s: missing (needed at %s)", c.Param, path)
		case v.Param != "":
			err = errorf("values.%s: a value, not a placeholder, is needed", c.Param)
		default:
			used[c.Param], *c = true, v
		}
	})
	if err != nil {
		return err
	}
	for _, k := range sortedParamNames(values) {
		if !used[k] {
			return errorf("values.%s: not a value this model uses", k)
		}
	}
	return nil
}

// fillBands sets each horizon's bands from the file; every horizon must have them.
func fillBands(d *Definition, bands map[string][]Band) error {
	for i := range d.Horizons {
		h := &d.Horizons[i]
		b, ok := bands[h.Label]
		if !ok {
			return errorf("bands.%s: missing", h.Label)
		}
		h.Bands = b
	}
	if len(bands) != len(d.Horizons) {
		return errorf("bands: %d horizons given, the model has %d", len(bands),
			len(d.Horizons))
	}
	return nil
}
