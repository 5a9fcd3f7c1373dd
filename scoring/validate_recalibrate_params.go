package scoring

import "strings"

// RecalibratedParams writes the recalibration of a variant bound to a parameter file
// (OxRec-NL) as a new parameter file for its whole group, so that an organisation can
// issue it and load it like any other: the file the variant was verified with, where
//
//   - the recalibrated variant's values are those of rc's definition at the same
//     places (the baselines; every coefficient and centre too when a slope was
//     fitted), each changed value citing the recalibration's source, which names the
//     model, the parameter file, the data (SHA-256, rows, events) and the date;
//   - the variant's golden cases are rc's, drawn from the data (only those whose
//     inputs select the variant by the group's rule), and the other variants keep
//     theirs;
//   - the version and issue date say that it was recalibrated, and when; a synthetic
//     file stays synthetic, with its notice.
//
// The new file is verified against cat's templates before it is returned; its SHA-256
// is in the returned set.
func RecalibratedParams(cat *Catalog, rc *Recalibration) ([]byte, *ParamSet, error) {
	from := rc.from
	if from == nil || from.bound == nil || from.bound.set.file == nil {
		return nil, nil, errorf("recalibrated parameters: the model was not bound to a " +
			"parameter file; use the recalibrated definition instead")
	}
	g, err := cat.Group(from.bound.set.Group)
	if err != nil {
		return nil, nil, errorf("recalibrated parameters: %w", err)
	}
	f, err := copyParams(from.bound.set.file)
	if err != nil {
		return nil, nil, err
	}
	if err := replaceValues(f, from, rc); err != nil {
		return nil, nil, errorf("recalibrated parameters: %w", err)
	}
	if err := replaceGolden(f, g, from, rc); err != nil {
		return nil, nil, errorf("recalibrated parameters: %w", err)
	}
	s := &rc.Summary
	f.Version = sprintf("%s; %s recalibrated %s", f.Version, from.ID(), s.Date)
	f.Issued = s.Date
	doc, err := marshalIndent(f)
	if err != nil {
		return nil, nil, err
	}
	doc = append(doc, '\n')
	set, err := VerifyParameters(cat, doc, "")
	if err != nil {
		return nil, nil, errorf("recalibrated parameters do not verify: %w", err)
	}
	return doc, set, nil
}

// copyParams returns a deep copy of a parameter file.
func copyParams(f *ParameterFile) (*ParameterFile, error) {
	doc, err := marshalIndent(f)
	if err != nil {
		return nil, err
	}
	var out ParameterFile
	return &out, parameterFileJSON.decodeStrict(doc, &out)
}

// replaceValues sets the recalibrated variant's values to rc's numbers at the places
// the template's placeholders filled, adding the sources the new numbers cite.
func replaceValues(f *ParameterFile, from *Model, rc *Recalibration) error {
	byPath := map[string]Coefficient{}
	eachCoefficient(&rc.Model.def, func(path string, c *Coefficient) { byPath[path] = *c })
	v := variantOf(f, from.ID())
	if v == nil {
		return errorf("the file has no variant %s", from.ID())
	}
	for name, old := range v.Values {
		c, ok := byPath[from.bound.paths[name]]
		if !ok {
			return errorf("values.%s: not found in the recalibrated definition", name)
		}
		if c.Value == old.Value {
			continue
		}
		v.Values[name] = Coefficient{Value: c.Value, Ref: c.Ref}
		src := rc.Model.def.Sources[c.Ref.Source]
		if have, dup := f.Sources[c.Ref.Source]; dup && have.Citation != src.Citation {
			return errorf("sources.%s: the file cites another work under that name",
				c.Ref.Source)
		}
		f.Sources[c.Ref.Source] = src
	}
	return nil
}

// variantOf returns the file's variant for model id, or nil.
func variantOf(f *ParameterFile, id string) *Variant {
	for i := range f.Variants {
		if f.Variants[i].Model == id {
			return &f.Variants[i]
		}
	}
	return nil
}

// replaceGolden replaces the variant's golden cases with rc's that select it.
func replaceGolden(f *ParameterFile, g *Group, from *Model, rc *Recalibration) error {
	var gf GoldenFile
	if err := goldenFileJSON.decodeStrict(rc.Golden, &gf); err != nil {
		return err
	}
	kept := f.Golden[:0]
	ids := map[string]bool{}
	for _, gc := range f.Golden {
		if gc.Model != from.ID() {
			kept = append(kept, gc)
			ids[gc.ID] = true
		}
	}
	added := 0
	for _, gc := range gf.Golden {
		pop, _, err := g.Population(gc.Case)
		if err != nil || pop != from.def.Population {
			continue
		}
		gc.Model = from.ID()
		gc.ID = strings.TrimSpace(sprintf("recalibration %s %s", rc.Summary.Date, gc.ID))
		if ids[gc.ID] {
			continue
		}
		kept, ids[gc.ID] = append(kept, gc), true
		added++
	}
	if added == 0 {
		return errorf("no golden case drawn from the data selects the %s variant by the "+
			"group's rule (the data needs a column for %s, the rule's input, with values "+
			"for this variant), so the new file would have no golden case for it",
			from.ID(), g.def.Rule.Input)
	}
	f.Golden = kept
	return nil
}
