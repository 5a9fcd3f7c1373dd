package web

// FaultModel is one entry of the fault demonstration's model list.
type FaultModel struct {
	ID   string
	Name string
}

// FaultModels lists the models the fault demonstration offers: every model of the
// page, the members of a group after the models without one.
func (p Page) FaultModels() []FaultModel {
	var out []FaultModel
	for _, f := range p.Forms {
		out = append(out, FaultModel{ID: f.ID, Name: f.Name})
	}
	for _, g := range p.Groups {
		for _, m := range g.Members {
			out = append(out, FaultModel{ID: m.ID, Name: m.Name})
		}
	}
	return out
}
