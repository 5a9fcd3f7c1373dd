// words.js: how the page writes what the engine says, in the page's language: the
// reasons a value was refused, warnings and the variant rule's reason from the
// engine's codes and records, model texts through the page's table, and numbers with
// the page's decimal sign. It computes nothing. app.js makes the page's set of these
// functions (globalThis.spiegelWords) and shares them through spiegelPage.
"use strict";

globalThis.spiegelWords = (text, lang, describe) => {
  // fill replaces each {name} in s with args[name], as web.Fill does in Go.
  function fill(s, args) {
    return s.replace(/\{(\w+)\}/g, (m, k) => (k in args ? String(args[k]) : m));
  }

  // translate returns the page's words for a model text, as web.ModelTexts.T does:
  // the table's entry, or two known texts joined by a space, else the text itself.
  const modelTexts = (text.models && text.models.texts) || {};
  function translate(s) {
    if (Object.hasOwn(modelTexts, s)) return modelTexts[s];
    for (const [en, nl] of Object.entries(modelTexts)) {
      const rest = s.startsWith(en + " ") ? s.slice(en.length + 1) : null;
      if (rest !== null && Object.hasOwn(modelTexts, rest)) return nl + " " + modelTexts[rest];
    }
    return s;
  }

  // decimalPoint turns a number typed the page's way into the engine's form. On the
  // Dutch page the comma is the decimal sign ("5,9" is 5.9) and a point groups
  // thousands ("1.000" is 1000, "1.234,5" is 1234.5): a point before three digits is
  // never read as a decimal point there. Anything else goes on as typed, for the
  // engine's strict parsing to judge. localNumber does the reverse for the numbers the
  // page writes.
  function decimalPoint(v) {
    if (text.decimal_sign !== ",") return v;
    const grouped = /^\s*([+-]?)(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?\s*$/.exec(v);
    if (grouped) {
      return grouped[1] + grouped[2].split(".").join("") + (grouped[3] ? "." + grouped[3] : "");
    }
    return /^\s*[+-]?\d*,\d+\s*$/.test(v) ? v.replace(",", ".") : v;
  }

  // errorText is the reason a value was refused, after the value when there is one.
  // The page's catalog (text.input_errors, empty in English) writes it from the
  // engine's code and arguments; without an entry it is the engine's own message.
  // model, when given, lets a related field's id be shown as its label.
  function errorText(e, model) {
    const tpl = e.code && text.input_errors ? text.input_errors[e.code] : undefined;
    const variant = e.code === "wrong_variant";
    const message = tpl ? fill(tpl, {
      limit: localNumber(e.limit),
      related: variant ? populationLabel(e.related) : relatedLabel(e, model),
      related_value: variant ? populationLabel(e.related_value) : localNumber(e.related_value),
    }) : e.message;
    return e.value ? fill(text.value_message, { value: e.value, message: message }) : message;
  }

  // localNumber writes a number the engine gave (as text or as a number) with the
  // page's decimal sign; other text (a date) is kept.
  function localNumber(s) {
    if (s === undefined || s === null) return "";
    const t = String(s);
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t)) return t;
    return t.replace(".", text.decimal_sign || ".");
  }

  // warningTexts are a record's warnings, written by the page from their data where
  // the engine gives it (warning_details), else the engine's own words.
  function warningTexts(rec) {
    const details = rec.warning_details || [];
    if (details.length !== (rec.warnings || []).length) return rec.warnings || [];
    return details.map((w) => (w.code === "ignored"
      ? fill(text.warning_ignored, { field: w.field })
      : fill(text.warning_line, { field: relatedLabel({ related: w.field }, rec.model),
        value: localNumber(w.value), message: translate(w.message) })));
  }

  // measureWarnings are a validation's warnings, written by the page from their codes
  // where its catalog has them (text.val_warn, Dutch), else the engine's own words.
  function measureWarnings(v) {
    const codes = v.warning_codes || [];
    const list = v.warnings || [];
    if (!text.val_warn || codes.length !== list.length) return list;
    return codes.map((c, i) => text.val_warn[c] || list[i]);
  }

  // populationLabel names a population id as web.JSText does, or returns the id.
  function populationLabel(id) {
    return text["population_" + id] || id;
  }

  // reasonText is why a group's rule chose a variant, written by the page from the
  // engine's rule record (its label and unit translated), else the engine's words.
  function reasonText(v) {
    const r = v.rule;
    if (!r) return v.reason;
    return fill(r.met ? text.rule_met : text.rule_not_met, {
      label: translate(r.label), value: localNumber(r.value),
      unit: translate(r.unit), at: localNumber(r.at_least),
      population: populationLabel(v.population),
    });
  }

  // shortNumber writes a number (or a number the engine gave as text) to at most six
  // significant digits in the page's way, for reading; the exact value stays in the
  // element's data-value where the page shows one. Other text is kept.
  const sig6 = new Intl.NumberFormat(lang, { maximumSignificantDigits: 6, useGrouping: false });
  function shortNumber(v) {
    const s = String(v);
    const x = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
    return Number.isFinite(x) ? sig6.format(x) : s;
  }

  // relatedLabel is the label of the field or derived value an error names: a
  // field's label from the model's description, a derived value's label translated.
  function relatedLabel(e, model) {
    if (!e.related) return "";
    const d = model ? describe(model) : null;
    const p = d && d.predictors ? d.predictors.find((x) => x.id === e.related) : null;
    return p ? p.label : translate(e.related);
  }

  // labelOf is the words of a control's label, or of its group's legend.
  function labelOf(control) {
    const label = control.labels && control.labels[0];
    const set = control.closest("fieldset");
    return ((label || (set && set.querySelector("legend")) || {}).textContent || "").trim();
  }

  return Object.freeze({ decimalPoint, translate, errorText, localNumber, warningTexts,
    measureWarnings, populationLabel, reasonText, shortNumber, relatedLabel, labelOf });
};
