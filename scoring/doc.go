// Package scoring computes recidivism-risk models exactly as published.
//
// # Models as data
//
// Every model is a Definition: a versioned JSON document (format "spiegel-model/1")
// listing its inputs (Predictor), the values derived from them by named derivations
// (Derived), its additive terms (Term), its horizons and its bands. Every number in it
// is a Coefficient whose Ref names a Source and a locator (table, row, key), so any
// number the product shows can be traced to where it was published. Built-in models
// are embedded documents read through the same Load and validation as an imported
// file; nothing is special-cased.
//
// # Families
//
// All terms add up to a linear predictor η = Σ termᵢ. A "linear" term is
// βᵢ (xᵢ − x̄ᵢ); a "lookup" term is table[levels] − centre. The centring values x̄ and
// centre are zero except where a Cox model fixes a reference profile. Then:
//
//	logistic (one intercept per horizon):  p_h = 1 / (1 + exp(−(α_h + η)))
//	Cox at fixed horizons:                  p(t) = 1 − S0(t)^exp(η)
//	points:                                 total = η, mapped to a band
//
// where S0(t) is the baseline survival at the reference profile that the centring
// describes; taking S0 from another profile is a classic fault, which the reference
// tests catch (DOMAIN.md §7).
//
// # Bands
//
// A band is a half-open interval [From_i, From_{i+1}) of probability (per horizon) or
// of points (per instrument); the last band is closed above. Bands are listed in
// ascending order from the scale's lowest value, so they tile it by construction.
//
// # Contributions
//
// A Prediction carries one Contribution per term. The linear predictor is computed as
// the sum of the contributions in term order, so they add up to it exactly; for a Cox
// model Prediction.Centring reports Σ βᵢ x̄ᵢ, the constant that centring subtracts.
//
// Explain sets a case against a stated reference profile (Definition.Reference), or
// the model's own zero: each Step is one term's change on the linear-predictor scale,
// which does not depend on the order of the terms, and on the probability scale, where
// the terms are switched one at a time in term order, so that the steps telescope to
// the difference of probabilities. Each step also says where the waterfall stands
// after it, so that a chart draws the engine's numbers. WhatIf compares a case with a
// changed copy; SweepInputs and Sweep give the curves of one input with the others
// held. All of these show what the model computes, not validated effects.
//
// # Inputs, errors and warnings
//
// A Case gives each input as text. Predict refuses missing, unknown, non-finite,
// fractional (for counts), out-of-range and impossibly ordered values with an
// InputError naming the field and the value; all refusals of one case come together
// as InputErrors. A derived value outside its range (an age at assessment above 100,
// a product rule) is refused as an error of the input it comes from. Values that are
// computed but qualified, such as a count above what the reference cases cover or a
// field the model ignores, become Warnings. The package reads no clock, so a date
// after today is for the caller to refuse (the page and the command do).
//
// # Variants
//
// A Group holds the variants of a model for different populations and the rule that
// puts a case in one (OxRec-NL: detained 6 months or more → detained). ScoreRecord,
// ExplainCase and WhatIf refuse a case whose rule input puts it in another variant
// than the one asked for (Model.CheckVariant, ErrWrongVariant); CompareVariants
// scores one case in every variant, each labelled whether it applies. A parameter
// file binds the variants' values after VerifyParameters, which also refuses the
// synthetic training set relabelled as not synthetic.
//
// # Fault demonstrations
//
// Model.WithFault makes a deliberately faulty copy of a model (two levels' tables
// or two variants exchanged, one number replaced); FaultRun and FaultDemo count,
// over a Population, the cases whose result changes band or moves by more than a
// stated amount. A population is read from a file by ReadPopulation, records that
// cannot be read listed by row, or drawn by SyntheticPopulation from the tables of
// PopulationSpecFor, with a seeded PCG generator: every distribution there names
// its source or is marked as an invented classroom assumption, and every drawn case
// carries SyntheticPrefix in its id.
//
// # Contract
//
// The package does no I/O and reads no clock; the only files it reads are its own
// embedded definitions. Results depend on the inputs alone and are the same, bit for
// bit, on every platform Go supports, WebAssembly included. It does not log, guess a
// missing value, or compute with a model whose parameters are not available: such a
// model reports ErrNotComputable instead.
package scoring
