package scoring

import (
	"sync"
	"unicode/utf8"
)

// Catalog is a set of loaded models and groups of variants, addressed by id. It is
// safe for concurrent reads.
type Catalog struct {
	byID   map[string]*Model
	order  []string
	groups map[string]*Group
}

// NewCatalog returns a catalog of the given models, in id order. Two models with the
// same id are an error.
func NewCatalog(models ...*Model) (*Catalog, error) {
	c := &Catalog{byID: map[string]*Model{}, groups: map[string]*Group{}}
	for _, m := range models {
		if _, dup := c.byID[m.ID()]; dup {
			return nil, errorf("model %q: loaded twice", m.ID())
		}
		c.byID[m.ID()] = m
		c.order = append(c.order, m.ID())
	}
	sortStrings(c.order)
	return c, nil
}

// Model returns the model with the given id, or an error wrapping ErrUnknownModel.
func (c *Catalog) Model(id string) (*Model, error) {
	m, ok := c.byID[id]
	if !ok {
		return nil, errorf("model %q: %w", clip(id), ErrUnknownModel)
	}
	return m, nil
}

// maxEcho is the longest text an error message repeats from its input.
const maxEcho = 80

// maxEchoList is the longest list of names (a CSV header) an error message repeats.
const maxEchoList = 240

// clip returns s, or its first maxEcho bytes (whole characters) and "…" when it is
// longer, so that an error does not echo a huge input back.
func clip(s string) string { return clipAt(s, maxEcho) }

// Clip is clip for the adapters' own messages: s, or its first 80 bytes (whole
// characters) and "…" when it is longer.
func Clip(s string) string { return clip(s) }

// clipAt returns s, or its first n bytes (whole characters) and "…" when it is longer.
func clipAt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Models returns the catalog's models in id order.
func (c *Catalog) Models() []*Model {
	out := make([]*Model, len(c.order))
	for i, id := range c.order {
		out[i] = c.byID[id]
	}
	return out
}

var (
	builtinOnce    sync.Once
	builtinCatalog *Catalog
	builtinErr     error
)

// Builtin returns the catalog of built-in models, loaded once through the same Load
// path as any imported definition. An error means a built-in definition is invalid,
// which the package's tests rule out.
func Builtin() (*Catalog, error) {
	builtinOnce.Do(func() { builtinCatalog, builtinErr = loadBuiltin() })
	return builtinCatalog, builtinErr
}

// Group returns the group of variants with the given id.
func (c *Catalog) Group(id string) (*Group, error) {
	g, ok := c.groups[id]
	if !ok {
		return nil, errorf("group %q: %w", clip(id), ErrUnknownModel)
	}
	return g, nil
}

// Groups returns the catalog's groups in id order.
func (c *Catalog) Groups() []*Group {
	out := make([]*Group, 0, len(c.groups))
	for _, id := range sortedGroupIDs(c.groups) {
		out = append(out, c.groups[id])
	}
	return out
}

// sortedGroupIDs returns the ids of groups in order.
func sortedGroupIDs(m map[string]*Group) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sortStrings(ids)
	return ids
}

// addGroup adds a group after checking that each member is a model of the catalog
// that declares the group and the member's population, and that the rule's
// populations and each population–outcome pair are consistent.
func (c *Catalog) addGroup(g *Group) error {
	d := &g.def
	seen := map[string]bool{}
	for i, mb := range d.Members {
		path := sprintf("group %s: members[%d]", d.ID, i)
		m, err := c.Model(mb.Model)
		if err != nil {
			return errorf("%s: %w", path, err)
		}
		if m.def.Group != d.ID || m.def.Population != mb.Population {
			return invalid(path, "model %s declares group %q, population %q", mb.Model,
				m.def.Group, m.def.Population)
		}
		if mb.Population != d.Rule.Then && mb.Population != d.Rule.Else {
			return invalid(path, "population %q is not one the rule chooses", mb.Population)
		}
		if key := mb.Population + "/" + mb.Outcome; seen[key] {
			return invalid(path, "%s is given twice", key)
		}
		seen[mb.Population+"/"+mb.Outcome] = true
		m.group = g
	}
	c.groups[d.ID] = g
	return nil
}

// loadBuiltin reads and loads every embedded definition and group.
func loadBuiltin() (*Catalog, error) {
	names, files := builtinDir("models")
	var models []*Model
	for i, f := range files {
		text, err := f.data()
		if err != nil {
			return nil, err
		}
		m, err := load([]byte(text), OriginBuiltin)
		if err != nil {
			return nil, errorf("built-in %s: %w", names[i], err)
		}
		m.sha256 = f.sha256
		models = append(models, m)
	}
	cat, err := NewCatalog(models...)
	if err != nil {
		return nil, err
	}
	return cat, loadBuiltinGroups(cat)
}

// loadBuiltinGroups reads the embedded groups into cat.
func loadBuiltinGroups(cat *Catalog) error {
	names, files := builtinDir("groups")
	for i, f := range files {
		text, err := f.data()
		if err != nil {
			return err
		}
		g, err := loadGroup([]byte(text))
		if err == nil {
			err = cat.addGroup(g)
		}
		if err != nil {
			return errorf("built-in group %s: %w", names[i], err)
		}
	}
	return nil
}

// WithParams returns a copy of the catalog in which the templates bound by set are
// replaced by the bound models. The receiver is unchanged.
func (c *Catalog) WithParams(set *ParamSet) *Catalog {
	out := &Catalog{byID: make(map[string]*Model, len(c.byID)), order: c.order,
		groups: c.groups}
	for id, m := range c.byID {
		out.byID[id] = m
	}
	for _, m := range set.Models {
		out.byID[m.ID()] = m
	}
	return out
}

// SyntheticOxRecParams is the synthetic OxRec-NL parameter file for training and
// demonstrations: made-up numbers whose signs follow the published directions, marked
// synthetic in the file and on every result computed with it.
var SyntheticOxRecParams = builtinData("params/oxrec-nl-synthetic.json")
