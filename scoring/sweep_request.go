package scoring

// SweepRequest is what a sweep takes besides the model and the case, as the
// JavaScript sweep() receives it: the input to vary, the anchor date for a date input
// (the sweep is then over age in years), an optional range and number of points
// for a number (left out, what Model.SweepInputs proposes). See Model.SweepValues.
type SweepRequest struct {
	Input  string   `json:"input"`
	Anchor string   `json:"anchor,omitempty"`
	From   *float64 `json:"from,omitempty"`
	To     *float64 `json:"to,omitempty"`
	Points int      `json:"points,omitempty"`
}
