package scoring

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"sync"
)

// builtinFS holds the built-in definitions, one published model per file.
//
//go:embed models/*.json
var builtinFS embed.FS

// Catalog is a set of loaded models, addressed by id. It is safe for concurrent reads.
type Catalog struct {
	byID  map[string]*Model
	order []string
}

// NewCatalog returns a catalog of the given models, in id order. Two models with the
// same id are an error.
func NewCatalog(models ...*Model) (*Catalog, error) {
	c := &Catalog{byID: map[string]*Model{}}
	for _, m := range models {
		if _, dup := c.byID[m.ID()]; dup {
			return nil, fmt.Errorf("model %q: loaded twice", m.ID())
		}
		c.byID[m.ID()] = m
		c.order = append(c.order, m.ID())
	}
	sort.Strings(c.order)
	return c, nil
}

// Model returns the model with the given id, or an error wrapping ErrUnknownModel.
func (c *Catalog) Model(id string) (*Model, error) {
	m, ok := c.byID[id]
	if !ok {
		return nil, fmt.Errorf("model %q: %w", id, ErrUnknownModel)
	}
	return m, nil
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

// loadBuiltin reads and loads every embedded definition.
func loadBuiltin() (*Catalog, error) {
	entries, err := builtinFS.ReadDir("models")
	if err != nil {
		return nil, err
	}
	var models []*Model
	for _, e := range entries {
		data, err := builtinFS.ReadFile(path.Join("models", e.Name()))
		if err != nil {
			return nil, err
		}
		m, err := load(data, OriginBuiltin)
		if err != nil {
			return nil, fmt.Errorf("built-in %s: %w", e.Name(), err)
		}
		models = append(models, m)
	}
	return NewCatalog(models...)
}
