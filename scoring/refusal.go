package scoring

// refusal is a kind of reason to refuse a parameter file. Its message is ErrRefused's,
// errors.Is finds ErrRefused through it, and Code names the kind for a page that
// explains it in its own language (VerifyReport.Code).
type refusal struct{ code string }

// Error is ErrRefused's message.
func (r *refusal) Error() string { return ErrRefused.Error() }

// Is reports that a refusal of any kind is ErrRefused.
func (r *refusal) Is(target error) bool { return target == ErrRefused }

// The kinds of refusal of a parameter file, as VerifyReport.Code names them.
var (
	refusedPin       = &refusal{"pin"}       // not the file whose SHA-256 was pinned
	refusedParse     = &refusal{"parse"}     // not strict JSON of the parameter-file shape
	refusedHeader    = &refusal{"header"}    // format, version, issuer, date, notice, sources, group
	refusedStructure = &refusal{"structure"} // variants, populations, values, bands
	refusedGolden    = &refusal{"golden"}    // a golden case not reproduced or not tied right
	refusedSynthetic = &refusal{"synthetic"} // synthetic training numbers labelled real
)

// RefusalCodes lists the codes of VerifyReport.Code, for the tests of catalogs that
// explain them.
func RefusalCodes() []string {
	return []string{refusedPin.code, refusedParse.code, refusedHeader.code,
		refusedStructure.code, refusedGolden.code, refusedSynthetic.code}
}

// refusalCode returns the kind of refusal in err's tree, or "".
func refusalCode(err error) string {
	if r, ok := firstOf[*refusal](err); ok {
		return r.code
	}
	return ""
}
