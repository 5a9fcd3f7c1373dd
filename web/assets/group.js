// group.js: the page's sections for groups of model variants (OxRec-NL). Each
// section loads a parameter file through window.spiegel.loadParams and shows the
// verification, lets the engine's group rule choose the variant as the answers
// change (window.spiegel.variant), and on Calculate scores the case in every
// variant (window.spiegel.compareVariants), showing the chosen one in full and all
// of them side by side, each labelled whether it applies. Like
// app.js, whose helpers it uses, it does no maths, keeps the case in the page only
// and builds every element with textContent.
"use strict";

(() => {
  const page = globalThis.spiegelPage;
  if (!page) return;
  const { text, el, fill, plain, pct } = page;

  for (const section of document.querySelectorAll("section.group-section[data-group]")) {
    setUp(section);
  }

  // setUp finds a section's parts, wires its controls and, once the engine is
  // ready, enables them and shows what the engine says about its models.
  function setUp(section) {
    const form = section.querySelector("form[data-group]");
    const gateValue = form.querySelector("[data-testid=gate-value]");
    const ui = {
      section, form, gateValue,
      group: section.dataset.group,
      members: Array.from(section.querySelectorAll("[data-member]")).map((li) => ({
        id: li.dataset.member, population: li.dataset.population,
        outcome: li.dataset.outcome, item: li,
      })),
      blockedBox: section.querySelector("[data-testid=not-computable]"),
      banner: section.querySelector("[data-testid=section-synthetic]"),
      status: section.querySelector("[data-testid=params-status]"),
      report: section.querySelector("[data-testid=params-report]"),
      pin: section.querySelector("[data-testid=params-pin]"),
      file: section.querySelector("[data-testid=params-file]"),
      gateRadios: Array.from(form.querySelectorAll("input[type=radio][data-error-id]")),
      ruleInput: gateValue.querySelector("input"),
      variantOut: form.querySelector("[data-testid=variant]"),
      active: null, // the report of the parameter file in use, if any
    };
    const controls = [ui.file, ...section.querySelectorAll("button")];

    ui.file.addEventListener("change", () => loadChosenFile(ui));
    section.querySelector("[data-action=load-synthetic]").addEventListener("click", () =>
      load(ui, String(globalThis.spiegel.syntheticParams()), text.params_synthetic_name));
    section.querySelector("[data-action=clear-params]").addEventListener("click", () =>
      clearParams(ui));
    for (const r of ui.gateRadios) r.addEventListener("change", () => gateChanged(ui));
    ui.ruleInput.addEventListener("input", () => updateVariant(ui));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      calculate(ui);
    });

    page.onReady(() => {
      for (const c of controls) c.disabled = false;
      refreshModels(ui);
      updateVariant(ui);
    });
  }

  // describeAll asks the engine for each member's current description.
  function describeAll(ui) {
    return ui.members.map((m) => {
      const d = plain(globalThis.spiegel.describe(m.id)) || {};
      return d.error ? { id: m.id, name: m.id, computable: false, parameters: d.error } : d;
    });
  }

  // Parameter files.

  // loadChosenFile reads the chosen file in the browser and loads it. The input is
  // emptied so that choosing the same file again verifies it again.
  async function loadChosenFile(ui) {
    const file = ui.file.files && ui.file.files[0];
    if (!file) return;
    let body;
    try {
      body = await file.text();
    } catch (err) {
      const reason = err && err.message ? err.message : String(err);
      showReport(ui, { passed: false, error: fill(text.params_read_failed, { reason }) },
        file.name);
      return;
    } finally {
      ui.file.value = "";
    }
    load(ui, body, file.name);
  }

  // load verifies a parameter file's text with the engine. A file that passes is
  // bound and any result computed before is dropped; a refused one changes nothing.
  function load(ui, body, name) {
    const rep = plain(globalThis.spiegel.loadParams(body, ui.pin.value.trim())) || {};
    if (rep.passed) {
      ui.active = rep;
      page.forget(ui.group);
    }
    showReport(ui, rep, name);
    refreshModels(ui);
  }

  // clearParams unbinds the parameter file, so that the models refuse again.
  function clearParams(ui) {
    globalThis.spiegel.clearParams();
    ui.active = null;
    page.forget(ui.group);
    ui.report.replaceChildren(el("p", { text: text.params_cleared }));
    refreshModels(ui);
  }

  // showReport shows a verification: the file's identity when it passed, or, in an
  // alert, the kind of refusal in the page's language and the engine's reason
  // verbatim, when it was refused.
  function showReport(ui, rep, name) {
    if (!rep.passed) {
      const kind = rep.code && text.params_refusal ? text.params_refusal[rep.code] : "";
      const detail = rep.error || String(rep);
      ui.report.replaceChildren(el("div", { class: "report-refused", role: "alert",
        "data-testid": "params-refused" }, ...[
        el("p", { class: "report-title", text: fill(text.params_refused, { name }) }),
        kind ? el("p", { "data-testid": "params-refusal", "data-code": rep.code, text: kind })
          : null,
        el("p", { class: "report-error", "data-testid": "params-error",
          text: kind ? fill(text.params_detail, { detail }) : detail }),
        el("p", { text: ui.active ? text.params_still_in_use : text.params_none }),
      ].filter(Boolean)));
      return;
    }
    const box = el("div", { class: "report-passed", "data-testid": "params-passed" },
      el("p", { class: "report-title", text: fill(text.params_verified, { name }) }));
    if (rep.synthetic) box.append(banner("report-synthetic", rep.notice));
    const list = el("dl", { class: "pairs" });
    const add = (label, value, testId) => list.append(el("dt", { text: label }),
      el("dd", { "data-testid": testId }, value));
    add(text.params_sha256, el("code", { class: "sha", text: rep.sha256 }), "params-sha256");
    add(text.issuer, rep.issuer, "params-issuer");
    add(text.version, rep.version, "params-version");
    add(text.params_group, rep.group, "params-group");
    add(text.params_models, String((rep.models || []).length), "params-models");
    box.append(list);
    if (rep.warnings && rep.warnings.length) {
      box.append(el("h4", { text: text.warnings }), el("ul", { class: "warnings",
        "data-testid": "params-warnings" }, ...rep.warnings.map((w) => el("li", { text: w }))));
    }
    ui.report.replaceChildren(box);
  }

  // banner is the synthetic mark: the words, then the file's notice if given.
  function banner(testId, notice) {
    return el("div", { class: "synthetic-banner", "data-testid": testId },
      el("p", { class: "synthetic-words", text: text.synthetic_banner }),
      notice ? el("p", { class: "synthetic-notice", text: notice }) : null);
  }

  // refreshModels shows, from the engine's descriptions, which members cannot
  // compute and why, the file in use, and the section's synthetic banner.
  function refreshModels(ui) {
    const ds = describeAll(ui);
    ds.forEach((d, i) => {
      const item = ui.members[i].item;
      item.hidden = !!d.computable;
      item.querySelector(".reason").textContent = d.computable ? "" : d.parameters || "";
    });
    ui.blockedBox.hidden = ds.every((d) => d.computable);
    const synthetic = !!(ui.active && ui.active.synthetic) || ds.some((d) => d.synthetic);
    ui.banner.hidden = !synthetic;
    ui.banner.querySelector(".synthetic-notice").textContent =
      synthetic && ui.active ? ui.active.notice || "" : "";
    if (!ui.active) {
      ui.status.textContent = text.params_none;
      return;
    }
    ui.status.replaceChildren(
      fill(text.params_in_use, { version: ui.active.version, issuer: ui.active.issuer }), " ",
      el("code", { class: "sha", "data-testid": "params-in-use-sha256", text: ui.active.sha256 }));
  }

  // The variant rule.

  // gateAnswer is "yes", "no" or "" for the yes/no question before the rule's input.
  function gateAnswer(ui) {
    const r = ui.gateRadios.find((x) => x.checked);
    return r ? r.value : "";
  }

  // ruleValue is what the rule reads: 0 when the answer is no, what was typed when
  // it is yes, and null before an answer.
  function ruleValue(ui) {
    const answer = gateAnswer(ui);
    if (answer === "no") return "0";
    return answer === "yes" ? page.decimalPoint(ui.ruleInput.value) : null;
  }

  // gateChanged shows the length field only after "yes"; what was typed in it stays.
  function gateChanged(ui) {
    const yes = gateAnswer(ui) === "yes";
    ui.gateValue.hidden = !yes;
    ui.ruleInput.required = yes;
    ui.ruleInput.setAttribute("aria-required", String(yes));
    updateVariant(ui);
  }

  // updateVariant asks the engine which variant the answers select and says so,
  // with the engine's reason.
  function updateVariant(ui) {
    const say = (...nodes) => ui.variantOut.replaceChildren(...nodes);
    const value = ruleValue(ui);
    if (value === null) return say(el("p", { text: text.variant_pending }));
    if (value.trim() === "") return say(el("p", { text: text.variant_need_length }));
    if (!globalThis.spiegel) return undefined;
    const v = plain(globalThis.spiegel.variant(ui.group, { [ui.ruleInput.name]: value }));
    if (v.error) {
      const first = v.errors && v.errors.length ? v.errors[0] : { message: v.error };
      return say(el("p", { class: "variant-error", "data-testid": "variant-error",
        text: fill(text.variant_error, { message: page.errorText(first) }) }));
    }
    const names = describeAll(ui);
    const models = Object.keys(v.models || {}).map((o) => {
      const d = names.find((x) => x.id === v.models[o]);
      return el("li", { text: fill(text.variant_model,
        { outcome: outcomeLabel(o), model: d ? d.name : v.models[o] }) });
    });
    return say(
      el("p", { class: "variant-population", "data-testid": "variant-population",
        "data-population": v.population,
        text: fill(text.variant_applies, { population: populationLabel(v.population) }) }),
      el("p", { "data-testid": "variant-reason", text: fill(text.variant_reason,
        { reason: reasonText(v) }) }),
      el("ul", { class: "variant-models" }, ...models));
  }

  const { populationLabel, reasonText } = page;

  // outcomeLabel names an outcome id as web.JSText does, or returns the id.
  function outcomeLabel(id) {
    return text["outcome_" + id] || id;
  }

  // Calculating.

  // collect returns the case: every answered predictor, and the rule's input as
  // ruleValue gives it, numbers with a decimal point (see page.decimalPoint). Empty
  // fields are left out so that the engine reports them.
  function collect(ui) {
    const c = {};
    const skip = new Set(["outcome", ui.gateRadios[0].name]);
    for (const [name, value] of new FormData(ui.form)) {
      const ctl = ui.form.elements.namedItem(name);
      const typed = ctl && ctl.type === "text" ? page.decimalPoint(value) : value;
      if (!skip.has(name) && value !== "") c[name] = typed;
    }
    const value = ruleValue(ui);
    if (value !== null && value !== "") c[ui.ruleInput.name] = value;
    else delete c[ui.ruleInput.name];
    return c;
  }

  // only keeps the fields of c that d has as predictors, so that a variant without
  // the rule's input is not sent it.
  function only(c, d) {
    const out = {};
    for (const p of d.predictors || []) if (p.id in c) out[p.id] = c[p.id];
    return out;
  }

  // calculate scores the case in every variant, after checking that the models can
  // compute, that the question is answered and that the rule can choose.
  function calculate(ui) {
    if (!globalThis.spiegel) return;
    page.clearErrors(ui.form);
    const ds = describeAll(ui);
    if (!ds.every((d) => d.computable)) return blocked(ui, ds);
    const outcome = (ui.form.querySelector("input[name=outcome]:checked") || {}).value;
    if (!gateAnswer(ui) || !outcome) {
      return refuse(ui, { errors: [
        gateAnswer(ui) ? null : { field: ui.gateRadios[0].name, message: text.detained_required },
        outcome ? null : { message: text.outcome_required },
      ].filter(Boolean) });
    }
    const c = collect(ui);
    const v = plain(globalThis.spiegel.variant(ui.group,
      { [ui.ruleInput.name]: c[ui.ruleInput.name] || "" }));
    if (v.error) return refuse(ui, v);
    // score() refuses a variant the rule does not choose; compareVariants() is the
    // engine's call that scores every variant for the side-by-side view, each record
    // labelled whether its variant applies.
    const cmp = plain(globalThis.spiegel.compareVariants(ui.group, c)) || {};
    if (cmp.error) return refuse(ui, cmp);
    // A variant that does not apply says why in the page's words (its cell's title).
    const runs = ui.members.map((m, i) => {
      const r = (cmp.variants || []).find((x) => x.model === m.id);
      const note = r && !r.applies ? fill(text.cell_note,
        { reason: reasonText(v), population: populationLabel(r.population) }) : "";
      return { ...m, d: ds[i], note, rec: r ? r.record : { model: m.id, error: m.id } };
    });
    const applied = runs.find((r) => r.id === (v.models || {})[outcome]);
    if (!applied) {
      const message = v.population + ", " + outcome;
      return refuse(ui, { error: fill(text.variant_error, { message }) });
    }
    if (applied.rec.error) return refuse(ui, applied.rec);
    const card = render(ui, v, applied, runs, c);
    return page.show(ui.group, card);
  }

  // refuse shows the errors of a case and drops its previous result.
  function refuse(ui, rec) {
    page.forget(ui.group);
    page.showErrors(ui.form, rec);
  }

  // blocked says, at the top of the form, that nothing was computed and why: each
  // model's own reason.
  function blocked(ui, ds) {
    page.forget(ui.group);
    const summary = ui.form.querySelector(".error-summary");
    summary.append(el("p", { class: "error-title", text: text.group_blocked }),
      el("ul", {}, ...ds.filter((d) => !d.computable).map((d) =>
        el("li", { "data-model": d.id, text: d.name + ": " + (d.parameters || "") }))));
    summary.hidden = false;
  }

  // Rendering.

  // render is the result card of the applied variant, with the synthetic banner,
  // the variant and why, the side-by-side table and every variant's contributions.
  function render(ui, v, applied, runs, c) {
    const rec = applied.rec;
    const top = [];
    if (rec.synthetic) top.push(banner("result-synthetic", rec.notice));
    else if (rec.notice) {
      top.push(el("p", { class: "notice", "data-testid": "notice", text: rec.notice }));
    }
    top.push(el("p", { class: "variant-applied", "data-testid": "result-variant",
      text: fill(text.variant_applied, { population: populationLabel(v.population),
        reason: reasonText(v) }) }));
    const card = page.renderResult(rec, applied.d, c, {
      top,
      probabilities: [el("h3", { text: text.side_by_side }), sideBySide(ui, v, applied, runs)],
      contributions: [el("h3", { text: text.contrib_per_variant }),
        ...runs.map((r) => variantDetails(r, c))],
    });
    card.classList.add("group-result");
    card.dataset.group = ui.group;
    card.dataset.testid = "group-result";
    return card;
  }

  // sideBySide is a table with a row per population and a column per outcome, each
  // cell one variant's result for the same case.
  function sideBySide(ui, v, applied, runs) {
    const pops = [...new Set(runs.map((r) => r.population))];
    const outs = [...new Set(runs.map((r) => r.outcome))];
    const rows = pops.map((pop) => el("tr", { "data-population": pop },
      el("th", { scope: "row", text: populationLabel(pop) }),
      ...outs.map((o) => {
        const r = runs.find((x) => x.population === pop && x.outcome === o);
        return r ? cell(r, r === applied, pop === v.population) : el("td", {});
      })));
    return el("table", { class: "side-by-side", "data-testid": "side-by-side" },
      el("caption", { text: text.side_caption }),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: text.population_col }),
        ...outs.map((o) => el("th", { scope: "col", text: outcomeLabel(o) })))),
      el("tbody", {}, ...rows));
  }

  // cell is one variant's result: whether it applies, the synthetic mark, each
  // horizon's probability and band, and the model id.
  function cell(r, applies, samePopulation) {
    const status = applies ? text.cell_applies
      : samePopulation ? text.cell_other_outcome : text.cell_other_population;
    const td = el("td", { class: "variant-cell" + (applies ? " applies" : ""),
      "data-testid": "variant-" + r.id, "data-model": r.id, "data-applies": String(applies),
      title: r.note || null },
    el("p", { class: "cell-status", text: status }));
    if (r.rec.synthetic) {
      td.append(el("p", { class: "synthetic-tag", "data-testid": "cell-synthetic",
        text: text.synthetic_banner }));
    }
    if (r.rec.error) {
      td.append(el("p", { class: "cell-error", text: fill(text.cell_error,
        { message: r.rec.error }) }));
    } else {
      td.append(el("dl", { class: "cell-probs" }, ...(r.d.horizons || []).flatMap((h) => {
        const p = r.rec.probabilities[h.label];
        const band = r.rec.bands && r.rec.bands[h.label];
        return [el("dt", { text: page.horizonName(h) }), el("dd", {},
          el("span", { class: "cell-prob", "data-testid": "cell-prob-" + h.label,
            "data-probability": String(p), text: pct.format(p) }),
          band ? el("span", { class: "cell-band", "data-testid": "cell-band-" + h.label,
            text: band.label }) : null)];
      })));
    }
    td.append(el("p", { class: "cell-model", text: r.id }));
    return td;
  }

  // variantDetails is one variant's contributions, folded, its summary naming the
  // variant and, when synthetic, saying so.
  function variantDetails(r, c) {
    const name = fill(text.variant_name, { population: populationLabel(r.population),
      outcome: outcomeLabel(r.outcome) });
    const summary = el("summary", {}, el("span", { text: name }),
      r.rec.synthetic ? el("span", { class: "synthetic-tag", text: text.synthetic_banner }) : null);
    const body = r.rec.error
      ? el("p", { class: "cell-error", text: fill(text.cell_error, { message: r.rec.error }) })
      : page.contributionTable(r.rec, r.d, only(c, r.d));
    return el("details", { class: "variant-details", "data-testid": "contrib-" + r.id },
      summary, body);
  }
})();
