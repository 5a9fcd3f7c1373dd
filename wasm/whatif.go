package wasm

import "spiegel/scoring"

// WhatIf decodes a case and a changed copy of it and returns their
// scoring.WhatIfRecord as JSON: both results, the inputs changed, the difference per
// horizon in percentage points and whether the risk category changed. A copy that
// cannot be decoded is an error record for the model, as is an unknown model. For a
// variant of a group, the copy is scored with the variant the group's rule chooses
// for it (scoring.WhatIfIn).
func (a *API) WhatIf(id string, beforeJSON, afterJSON []byte) (out []byte) {
	defer recoverInto(&out, errorObject, id)
	m, err := a.model(id)
	if err != nil {
		return errorObject(id, err)
	}
	_, before, err := scoring.DecodeCase(beforeJSON)
	if err != nil {
		return errorObject(id, err)
	}
	_, after, err := scoring.DecodeCase(afterJSON)
	if err != nil {
		return errorObject(id, err)
	}
	res, err := scoring.WhatIfRecordJSON.Encode(scoring.WhatIfIn(a.catalog(), m, before, after))
	return orError(res, err, id)
}
