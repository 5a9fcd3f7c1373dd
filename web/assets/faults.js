// faults.js: the fault demonstration and the proxy-input lens.
//
// The demonstration reads a population file in the engine (window.spiegel.population)
// or has the engine draw fictional cases (syntheticPopulation), then runs the chosen
// fault in steps (faultStart, faultStep, faultResult), yielding to the browser
// between steps so that the page stays responsive and the progress shows. The lens
// adds to every result card, for each input the model marks as a possible proxy,
// the result at each of that input's values with the rest held (window.spiegel.sweep).
// Like app.js, whose helpers it uses, it does no maths on results, keeps cases in
// the page only and builds every element with textContent.
"use strict";

(() => {
  const page = globalThis.spiegelPage;
  if (!page) return;
  const { text, el, fill, plain, pct } = page;
  const lang = document.documentElement.lang || "en";
  const SVG = "http://www.w3.org/2000/svg";
  const STEP = 200; // cases per engine call between two yields to the browser
  const MAX_ROWS = 1000; // rows of the moved-cases table drawn at most
  const ppFormat = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero",
  });
  const share = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });

  const section = document.getElementById("faults");
  if (section) setUp(section);
  page.onResult(proxyLens);

  // svg makes an SVG element with attributes and children.
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v;
      else e.setAttribute(k, String(v));
    }
    e.append(...children.filter(Boolean));
    return e;
  }

  // whole reads a whole number typed with the page's thousands separator ("1.000" on
  // the Dutch page, "1,000" on the English one) as digits only; anything else goes on
  // as typed, for the engine to judge.
  function whole(v) {
    const sep = text.decimal_sign === "," ? "." : ",";
    const grouped = new RegExp("^\\d{1,3}(\\" + sep + "\\d{3})+$");
    return grouped.test(v) ? v.split(sep).join("") : v;
  }

  // describe asks the engine for a model's current description.
  function describe(id) {
    const d = plain(globalThis.spiegel.describe(id)) || {};
    return d.error ? { id, name: id, computable: false, parameters: d.error, horizons: [] } : d;
  }

  // Setting up.

  // setUp finds the section's controls and wires them; they are enabled once the
  // engine is ready.
  function setUp(root) {
    const q = (id) => root.querySelector(`[data-testid=${id}]`);
    const ui = {
      root, form: root.querySelector("form"), model: q("faults-model"), file: q("faults-file"),
      n: q("faults-n"), seed: q("faults-seed"), generate: q("faults-generate"),
      status: q("faults-population"), exchange: q("faults-exchange"),
      exchangeField: q("faults-exchange-field"), number: q("faults-number"),
      value: q("faults-value"), replaceField: q("faults-replace-field"),
      minMove: q("faults-min-move"), run: q("faults-run"), errors: q("faults-errors"),
      progress: q("faults-progress"), bar: root.querySelector("progress"),
      progressText: q("faults-progress-text"), result: q("faults-result"),
      kinds: Array.from(root.querySelectorAll("input[name=faults-kind]")),
      population: null, // the engine's answer about the population it holds
      token: 0, // the current run; a new run or a new population ends the old one
      numbers: [],
      exchanges: [],
    };
    ui.model.addEventListener("change", () => modelChanged(ui));
    ui.file.addEventListener("change", () => loadFile(ui));
    ui.generate.addEventListener("click", () => draw(ui));
    for (const k of ui.kinds) k.addEventListener("change", () => kindChanged(ui));
    // A parameter file loaded since (OxRec-NL) changes the numbers: list them afresh.
    ui.number.addEventListener("focus", () => fillNumbers(ui));
    ui.number.addEventListener("change", () => { ui.value.value = ""; });
    ui.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      run(ui);
    });
    // The lists need the studio's engine, which the page loads when the section is
    // first used (pointed at or focused), not merely scrolled past; every call made
    // before it is there waits for it.
    page.onReady(() => {
      for (const c of [ui.file, ui.generate, ui.run]) c.disabled = false;
      firstUse(root, () => fillChoices(ui));
    });
  }

  // firstUse calls fn once, when e is first pointed at or takes the focus.
  function firstUse(e, fn) {
    const events = ["pointerdown", "focusin"];
    const once = () => {
      for (const ev of events) e.removeEventListener(ev, once);
      fn();
    };
    for (const ev of events) e.addEventListener(ev, once);
  }

  // chosenKind is "exchange" or "replace".
  function chosenKind(ui) {
    return (ui.kinds.find((k) => k.checked) || ui.kinds[0]).value;
  }

  // kindChanged shows the controls of the chosen kind of fault.
  function kindChanged(ui) {
    const replace = chosenKind(ui) === "replace";
    ui.replaceField.hidden = !replace;
    ui.exchangeField.hidden = replace;
    if (replace && !ui.numbers.length) fillNumbers(ui);
  }

  // modelChanged refreshes the fault lists; fictional cases drawn for another model
  // are dropped, since they may not be that model's inputs.
  function modelChanged(ui) {
    cancel(ui);
    if (ui.population && ui.population.synthetic) {
      globalThis.spiegel.clearPopulation();
      ui.population = null;
      ui.status.replaceChildren(el("p", { text: text.faults_no_population }));
    }
    fillChoices(ui);
  }

  // fillChoices lists the exchanges and numbers of the chosen model.
  async function fillChoices(ui) {
    const xs = plain(await globalThis.spiegel.exchanges(ui.model.value));
    ui.exchanges = Array.isArray(xs) ? xs : [];
    // An engine that did not load answers with an error record: say so.
    if (xs && xs.error) {
      ui.status.replaceChildren(el("p", { class: "faults-error", role: "alert",
        "data-testid": "faults-engine-error", text: xs.error }));
    }
    ui.exchange.replaceChildren(...(ui.exchanges.length
      ? ui.exchanges.map((x, i) => el("option", { value: i,
        text: (x.input ? x.input + ": " : "") +
          fill(text.faults_exchange_option, { a: x.a_label, b: x.b_label }) }))
      : [el("option", { value: "", text: text.faults_no_exchange })]));
    await fillNumbers(ui);
    if (!ui.exchanges.length && chosenKind(ui) === "exchange") {
      ui.kinds.find((k) => k.value === "replace").checked = true;
    }
    kindChanged(ui);
  }

  // fillNumbers lists every number of the chosen model with its source, keeping
  // the number chosen before.
  async function fillNumbers(ui) {
    const chosen = ui.number.value;
    const ns = plain(await globalThis.spiegel.numbers(ui.model.value));
    ui.numbers = Array.isArray(ns) ? ns : [];
    ui.number.replaceChildren(...ui.numbers.map((n) => el("option", { value: n.path,
      text: fill(text.faults_number_option, { at: n.ref ? n.ref.at : "", path: n.path,
        value: String(n.value) }) })));
    if (ui.numbers.some((n) => n.path === chosen)) ui.number.value = chosen;
  }

  // cancel ends any run in progress and frees the Run button.
  function cancel(ui) {
    ui.token++;
    ui.run.disabled = false;
    ui.progress.hidden = true;
    ui.result.replaceChildren();
  }

  // Populations.

  // loadFile reads the chosen file in the browser and gives its text to the engine.
  async function loadFile(ui) {
    const file = ui.file.files && ui.file.files[0];
    if (!file) return;
    cancel(ui);
    let body;
    try {
      body = await file.text();
    } catch (err) {
      const reason = err && err.message ? err.message : String(err);
      ui.status.replaceChildren(el("p", { class: "faults-error", role: "alert",
        text: fill(text.faults_read_failed, { reason }) }));
      return;
    }
    const pop = plain(await globalThis.spiegel.population(body));
    if (pop.error) {
      ui.population = null;
      ui.status.replaceChildren(el("p", { class: "faults-error", role: "alert",
        "data-testid": "faults-population-error",
        text: fill(text.faults_read_failed, { reason: pop.error }) }));
      return;
    }
    ui.population = pop;
    ui.status.replaceChildren(el("p", { "data-testid": "faults-population-count",
      "data-count": pop.cases,
      text: fill(counted("faults_loaded", pop.cases),
        { count: pop.cases, name: file.name, format: pop.format }) }),
    ...leftOut(pop.bad));
  }

  // leftOut lists the rows the engine could not read, by number, in an open list.
  function leftOut(bad) {
    if (!bad || !bad.length) return [];
    return [el("details", { class: "faults-left-out", open: "", "data-testid": "faults-left-out" },
      el("summary", { text: fill(counted("faults_left_out", bad.length), { count: bad.length }) }),
      el("ul", {}, ...bad.map((b) => el("li", { "data-row": b.row,
        text: fill(text.faults_row, { row: b.row, line: b.line,
          message: b.code ? page.errorText(b) : b.message }) }))))];
  }

  // counted is the text of key for count things: its _one form for a single one.
  const counted = (key, count) => text[count === 1 && text[key + "_one"] ? key + "_one" : key];

  // draw has the engine draw fictional cases for the chosen model, and shows how. A
  // number of cases or a seed that is not a whole number is refused here, in the
  // page's words, before the engine is asked.
  async function draw(ui) {
    cancel(ui);
    const n = whole(ui.n.value.trim()), seed = whole(ui.seed.value.trim());
    const bad = [[n, text.faults_n, 1], [seed, text.faults_seed, 0]]
      .find(([v, , min]) => !/^\d{1,15}$/.test(v) || Number(v) < min);
    const pop = bad ? { error: fill(text.faults_need_whole, { field: bad[1], min: bad[2] }) }
      : plain(await globalThis.spiegel.syntheticPopulation(ui.model.value, n, seed));
    if (pop.error) {
      ui.population = null;
      ui.status.replaceChildren(el("p", { class: "faults-error", role: "alert",
        "data-testid": "faults-population-error", text: pop.error }));
      return;
    }
    ui.population = pop;
    ui.status.replaceChildren(syntheticMark(),
      el("p", { "data-testid": "faults-population-count", "data-count": pop.cases,
        text: fill(counted("faults_drawn", pop.cases),
          { count: pop.cases, seed: ui.seed.value.trim() }) }),
      distributions(pop.spec));
  }

  // syntheticMark is the words that mark fictional cases.
  function syntheticMark() {
    return el("p", { class: "synthetic-tag faults-synthetic", "data-testid": "faults-synthetic",
      text: text.faults_synthetic });
  }

  // distributions is the table of what the fictional cases were drawn from, each
  // row with its source or marked as an invented classroom assumption.
  function distributions(spec) {
    const tr = page.translate; // names are input ids, the file's columns; the rest is text
    const rows = spec.distributions.map((d) => el("tr", {},
      el("th", { scope: "row", text: d.unit ? d.name + " (" + tr(d.unit) + ")" : d.name }),
      el("td", { text: d.values.map((v) => fill(text.faults_dist_share,
        { value: v.value, share: share.format(v.share) })).join("; ") }),
      el("td", { class: d.assumption ? "faults-assumption" : null,
        text: [d.assumption ? text.faults_assumption : tr(d.source || ""), tr(d.note || "")]
          .filter(Boolean).join("; ") })));
    return el("details", { class: "faults-distributions", "data-testid": "faults-distributions" },
      el("summary", { text: text.faults_dist_title }),
      el("p", { text: tr(spec.note) }),
      el("table", {}, el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: text.faults_dist_name }),
        el("th", { scope: "col", text: text.faults_dist_values }),
        el("th", { scope: "col", text: text.faults_dist_source }))),
      el("tbody", {}, ...rows)));
  }

  // Running.

  // fail shows why nothing was computed, focusing the control concerned if any.
  function fail(ui, message, control) {
    ui.errors.replaceChildren(el("p", { class: "error-title", text: text.faults_not_run }),
      el("p", { text: message }));
    ui.errors.hidden = false;
    ui.progress.hidden = true;
    ui.run.disabled = false;
    if (control) {
      control.setAttribute("aria-invalid", "true");
      control.focus();
    }
  }

  // chosenFault is the fault the controls describe, with words for it, or the
  // reason there is none.
  function chosenFault(ui) {
    if (chosenKind(ui) === "exchange") {
      const x = ui.exchanges[Number(ui.exchange.value)];
      if (!x || ui.exchange.value === "") {
        return { error: text.faults_need_exchange, control: ui.exchange };
      }
      return { fault: x.fault, words: ui.exchange.selectedOptions[0].textContent };
    }
    const value = page.decimalPoint(ui.value.value.trim());
    if (!value) return { error: text.faults_need_value, control: ui.value };
    const n = ui.number.selectedOptions[0];
    return { fault: { kind: "replace_value", path: ui.number.value, value },
      words: fill(text.faults_replace_desc, { number: n ? n.textContent : "", to: value }) };
  }

  // run starts the chosen fault over the population and scores it in steps, with a
  // pause for the browser between steps, then shows the result.
  async function run(ui) {
    const token = ++ui.token;
    ui.errors.hidden = true;
    for (const c of ui.form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
    ui.result.replaceChildren();
    if (!ui.population) return fail(ui, text.faults_need_population, ui.file);
    const id = ui.model.value;
    const d = describe(id);
    if (!d.computable) {
      return fail(ui, fill(text.faults_not_computable, { model: d.name, reason: d.parameters }),
        ui.model);
    }
    const choice = chosenFault(ui);
    if (choice.error) return fail(ui, choice.error, choice.control);
    const minMove = page.decimalPoint(ui.minMove.value.trim());
    let p = plain(await globalThis.spiegel.faultStart(id, choice.fault, minMove));
    if (p.error) return fail(ui, p.error, controlFor(ui, p.error));
    ui.run.disabled = true;
    ui.progress.hidden = false;
    showProgress(ui, p, text.faults_running);
    while (p.done < p.total) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (token !== ui.token) return undefined;
      p = plain(await globalThis.spiegel.faultStep(STEP));
      if (p.error) return fail(ui, p.error);
      showProgress(ui, p, text.faults_running);
    }
    showProgress(ui, p, text.faults_done);
    ui.run.disabled = false;
    const res = plain(await globalThis.spiegel.faultResult());
    if (res.error) return fail(ui, res.error);
    return ui.result.replaceChildren(report(res, d, choice.words));
  }

  // controlFor is the control an engine refusal of faultStart is about.
  function controlFor(ui, message) {
    if (message.startsWith("minimum move")) return ui.minMove;
    if (message.includes("replace")) return ui.value;
    return null;
  }

  // showProgress sets the bar and its words.
  function showProgress(ui, p, words) {
    ui.bar.max = Math.max(p.total, 1);
    ui.bar.value = p.done;
    ui.progressText.textContent = fill(words, { done: p.done, total: p.total });
    ui.root.dataset.faultsDone = p.done === p.total ? "true" : "false";
  }

  // Rendering a result.

  // report is the result: the fault, the counts as a table and a chart, the cases
  // that moved and those refused.
  function report(res, d, words) {
    const pp = page.shortNumber(res.min_move_points);
    const box = el("article", { class: "faults-report", "data-testid": "faults-report",
      "data-model": res.model },
    el("h3", { text: text.faults_result_title }));
    if (res.model_synthetic) {
      box.append(el("div", { class: "synthetic-banner", "data-testid": "faults-model-synthetic" },
        el("p", { class: "synthetic-words", text: text.synthetic_banner }),
        el("p", { class: "synthetic-notice", text: text.synthetic })));
    }
    if (res.synthetic) box.append(syntheticMark());
    box.append(
      el("p", { class: "faults-fault", "data-testid": "faults-fault",
        text: fill(text.faults_fault, { fault: words }) }),
      el("p", { "data-testid": "faults-cases", "data-scored": res.scored,
        "data-refused": res.refused, "data-bad": res.bad.length,
        text: fill(text.faults_cases, { scored: res.scored, refused: res.refused,
          bad: res.bad.length }) }),
      countsTable(res, d, pp), countsChart(res, d, pp),
      el("h4", { text: text.faults_moved_title }), movedTable(res, d, pp));
    if (res.refusals.length) {
      box.append(el("details", { class: "faults-refused", "data-testid": "faults-refused" },
        el("summary", { text: text.faults_refused_title + " (" + res.refusals.length + ")" }),
        el("ul", {}, ...res.refusals.slice(0, MAX_ROWS).map((r) => el("li", {
          text: fill(text.faults_refused_row,
            { row: r.row, id: r.id, error: refusalText(r, d) }) })))));
    }
    return box;
  }

  // refusalText is why a model refused a case: field by field in the page's words where
  // the engine gave codes, else in the engine's own.
  function refusalText(r, d) {
    const errs = r.errors || [];
    if (!errs.length || !errs.every((e) => e.code)) return r.error;
    return errs.map((e) => {
      const p = (d.predictors || []).find((x) => x.id === e.field);
      return ((p ? p.label : e.field || "") + " " + page.errorText(e, d.id)).trim();
    }).join("; ");
  }

  // horizonOf returns the description of a horizon label, if the model has it.
  function horizonOf(d, label) {
    return (d.horizons || []).find((h) => h.label === label) || { label };
  }

  // countsTable has a row per horizon: cases that changed band, cases that moved.
  function countsTable(res, d, pp) {
    const rows = res.horizons.map((h) => el("tr", { "data-testid": "faults-row-" + h.horizon },
      el("th", { scope: "row", text: page.horizonName(horizonOf(d, h.horizon)) }),
      el("td", { class: "number", "data-testid": "faults-bands-" + h.horizon,
        "data-count": h.band_changes === undefined ? "" : h.band_changes,
        text: h.band_changes === undefined ? text.faults_no_bands : String(h.band_changes) }),
      el("td", { class: "number", "data-testid": "faults-moved-" + h.horizon,
        "data-count": h.moved, text: String(h.moved) })));
    return el("table", { class: "faults-counts", "data-testid": "faults-counts" },
      el("caption", { text: fill(text.faults_counts_caption, { scored: res.scored }) }),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: text.faults_col_horizon }),
        el("th", { scope: "col", text: text.faults_col_band }),
        el("th", { scope: "col", text: fill(text.faults_col_moved, { pp }) }))),
      el("tbody", {}, ...rows));
  }

  // countsChart draws the counts as bars, each as long as its share of the cases
  // computed: solid for cases moved, outlined for category changes. The table above
  // holds the same numbers.
  function countsChart(res, d, pp) {
    // The longest bar leaves room for its words on its right.
    const width = 720, label = 130, barH = 18, rowH = 56, full = width - label - 300;
    const scale = (n) => (res.scored ? (full * n) / res.scored : 0);
    const chart = svg("svg", { class: "faults-chart", "data-testid": "faults-chart",
      viewBox: `0 0 ${width} ${rowH * res.horizons.length + 10}`, role: "img",
      "aria-labelledby": "faults-chart-title" },
    svg("title", { id: "faults-chart-title", text: text.faults_chart_title }));
    res.horizons.forEach((h, i) => {
      const y = 8 + i * rowH;
      chart.append(
        svg("text", { x: 0, y: y + barH - 4, class: "faults-chart-label",
          text: page.horizonName(horizonOf(d, h.horizon)) }),
        svg("rect", { x: label, y, width: scale(h.moved), height: barH,
          class: "faults-bar-moved" }),
        svg("text", { x: label + scale(h.moved) + 6, y: y + barH - 4,
          text: fill(text.faults_bar_moved, { count: h.moved, pp }) }));
      if (h.band_changes !== undefined) {
        chart.append(
          svg("rect", { x: label, y: y + barH + 4, width: scale(h.band_changes), height: barH,
            class: "faults-bar-band" }),
          svg("text", { x: label + scale(h.band_changes) + 6, y: y + 2 * barH,
            text: fill(text.faults_bar_band, { count: h.band_changes }) }));
      }
    });
    return el("figure", { class: "faults-figure" }, chart);
  }

  // bandLabel names a band id at a horizon as the model does.
  function bandLabel(d, horizon, id) {
    const b = (horizonOf(d, horizon).bands || []).find((x) => x.id === id);
    return b ? b.label : id;
  }

  // movedTable lists the cases that moved: id, row, horizon, both probabilities, the
  // difference in percentage points and the categories.
  function movedTable(res, d, pp) {
    if (!res.moved.length) {
      return el("p", { "data-testid": "faults-none-moved",
        text: fill(text.faults_none_moved, { pp }) });
    }
    const bands = res.moved.some((m) => m.band_before !== undefined);
    const rows = res.moved.slice(0, MAX_ROWS).map((m) => el("tr", { "data-row": m.row },
      el("th", { scope: "row", text: m.id || "—" }),
      el("td", { class: "number", text: String(m.row) }),
      el("td", { text: page.horizonName(horizonOf(d, m.horizon)) }),
      el("td", { class: "number", "data-value": String(m.before), text: pct.format(m.before) }),
      el("td", { class: "number", "data-value": String(m.after), text: pct.format(m.after) }),
      el("td", { class: "number", "data-value": String(m.change),
        text: ppFormat.format(m.change * 100) }),
      bands ? el("td", { text: m.band_before === m.band_after
        ? bandLabel(d, m.horizon, m.band_before)
        : fill(text.faults_band_change, { before: bandLabel(d, m.horizon, m.band_before),
          after: bandLabel(d, m.horizon, m.band_after) }) }) : null));
    const table = el("table", { class: "faults-moved", "data-testid": "faults-moved" },
      el("caption", { text: fill(text.faults_moved_caption, { pp }) }),
      el("thead", {}, el("tr", {},
        ...[text.faults_col_id, text.faults_col_row, text.faults_col_horizon,
          text.faults_col_before, text.faults_col_after, text.faults_col_change,
          bands ? text.faults_col_bands : null].filter(Boolean)
          .map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...rows));
    // The table scrolls in its own box, which takes the keyboard focus to scroll.
    const box = el("div", { class: "faults-moved-box", tabindex: "0", role: "region",
      "aria-label": text.faults_moved_title }, table);
    if (res.moved.length <= MAX_ROWS) return box;
    return el("div", {}, el("p", { class: "note", text: fill(text.faults_moved_more,
      { shown: MAX_ROWS, total: res.moved.length }) }), box);
  }

  // The proxy lens.

  // proxyLens adds to a result card, for each input the model marks as a possible
  // proxy, the result at each of its values with every other input held.
  function proxyLens(card, rec, d, c) {
    if (!globalThis.spiegel || rec.error || !c) return;
    const own = {};
    for (const p of d.predictors || []) if (p.id in c) own[p.id] = c[p.id];
    for (const p of (d.predictors || []).filter((x) => x.proxy)) {
      const points = plain(globalThis.spiegel.sweep(rec.model, own, { input: p.id }));
      if (Array.isArray(points)) card.append(lens(p, points, d, own[p.id]));
    }
  }

  // valueLabel names a swept value: a level's label, or the value.
  function valueLabel(p, v) {
    const level = (p.levels || []).find((l) => l.id === v);
    return level ? level.label : v;
  }

  // lens is one input's counterfactual: a chart and a table.
  function lens(p, points, d, current) {
    const horizons = d.horizons || [];
    const rows = points.map((pt) => el("tr", { "data-value": pt.value,
      "data-current": String(pt.value === current) },
    el("th", { scope: "row", text: valueLabel(p, pt.value) +
      (pt.value === current ? " — " + text.proxy_current : "") }),
    ...horizons.map((h) => {
      if (pt.error) return el("td", { text: fill(text.proxy_not_scored, { message: pt.error }) });
      const band = pt.bands && pt.bands[h.label];
      return el("td", { class: "number", "data-testid": "lens-prob-" + h.label,
        "data-probability": String(pt.probabilities[h.label]),
        text: pct.format(pt.probabilities[h.label]) +
          (band ? " · " + bandLabel(d, h.label, band) : "") });
    })));
    return el("section", { class: "proxy-lens", "data-testid": "proxy-lens-" + p.id,
      "aria-label": fill(text.proxy_title, { input: p.label }) },
    el("h3", { class: "proxy-lens-title", text: fill(text.proxy_title, { input: p.label }) }),
    el("p", { class: "proxy-lens-note", text: fill(text.proxy_note, { input: p.label }) }),
    el("p", { class: "note", text: fill(text.proxy_why, { reason: p.proxy }) }),
    ...horizons.map((h) => lensChart(p, points, h, current)),
    el("table", { class: "proxy-lens-table" },
      el("caption", { text: fill(text.proxy_caption, { input: p.label }) }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: text.proxy_col_value }),
        ...horizons.map((h) => el("th", { scope: "col", text: page.horizonName(h) })))),
      el("tbody", {}, ...rows)));
  }

  // lensChart draws one horizon's probability at each value, on a fixed 0–100 %
  // axis, the current value marked by a ring and its words.
  function lensChart(p, points, h, current) {
    const width = 560, height = 170, left = 44, top = 12, plotH = 120;
    const step = points.length > 1 ? (width - left - 20) / (points.length - 1) : 0;
    const x = (i) => left + 10 + i * step;
    const y = (v) => top + plotH * (1 - v);
    const title = fill(text.proxy_chart, { input: p.label, horizon: page.horizonName(h) });
    const chart = svg("svg", { class: "proxy-lens-chart", viewBox: `0 0 ${width} ${height}`,
      role: "img", "aria-label": title }, svg("title", { text: title }));
    for (const v of [0, 0.5, 1]) {
      chart.append(svg("line", { x1: left, x2: width - 5, y1: y(v), y2: y(v), class: "lens-grid" }),
        svg("text", { x: 0, y: y(v) + 4, class: "lens-axis", text: pct.format(v) }));
    }
    const ok = points.map((pt, i) => [pt, i]).filter(([pt]) => !pt.error);
    chart.append(svg("polyline", { class: "lens-line", fill: "none",
      points: ok.map(([pt, i]) => `${x(i)},${y(pt.probabilities[h.label])}`).join(" ") }));
    for (const [pt, i] of ok) {
      const here = pt.value === current;
      chart.append(svg("circle", { cx: x(i), cy: y(pt.probabilities[h.label]), r: here ? 7 : 3.5,
        class: here ? "lens-current" : "lens-point" }),
      svg("text", { x: x(i), y: height - 8, class: "lens-axis", "text-anchor": "middle",
        text: valueLabel(p, pt.value) }));
      if (here) {
        chart.append(svg("text", { x: x(i), y: y(pt.probabilities[h.label]) - 12,
          "text-anchor": "middle", class: "lens-current-label", text: text.proxy_current }));
      }
    }
    return el("figure", { class: "proxy-lens-figure" }, el("figcaption", { text: title }), chart);
  }
})();
