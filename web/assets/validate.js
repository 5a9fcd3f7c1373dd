// validate.js: the validation studio. It reads a CSV file chosen by the user (File.text,
// never a request), maps its columns to the model's inputs and outcome, and shows what
// window.spiegel.validate measures (the studio's engine, loaded when the section opens)
// as tables and an SVG calibration plot; recalibrate's files are offered as local
// downloads and loadModel verifies one. It does no maths (a plot's axes aside), keeps
// the data in memory only and builds every element with textContent.
"use strict";

(() => {
  const page = globalThis.spiegelPage;
  if (!page) return;
  const { text, el, fill, plain, pct, horizonName } = page;
  const $ = (id) => document.getElementById(id);
  const lang = document.documentElement.lang || "en";
  const num4 = new Intl.NumberFormat(lang, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  const SVG = "http://www.w3.org/2000/svg";
  const BAD_ROWS_SHOWN = 200;

  const ui = {
    open: $("val-open"), body: $("val-body"), form: $("val-form"),
    file: $("val-file"), fileStatus: $("val-file-status"),
    model: $("val-model"), horizon: $("val-horizon"),
    time: $("val-time"), event: $("val-event"), outcome: $("val-outcome"),
    map: $("val-map"), by: $("val-by"), quintiles: $("val-quintiles"),
    compare: $("val-compare"), paramsA: $("val-params-a"), paramsB: $("val-params-b"),
    progress: $("val-progress"), errors: $("val-errors"), result: $("val-result"),
    slope: $("val-slope"), recal: $("val-recalibrate"), recalResult: $("val-recal-result"),
    load: $("val-load"), loadStatus: $("val-load-status"),
  };
  if (!ui.form) return;
  const compute = ui.form.querySelector("[data-testid=val-compute]");
  const kinds = Array.from(ui.form.querySelectorAll("input[name=val-kind]"));

  // data is the chosen file (name, text, column names); params the texts of the two
  // optional parameter files; urls the download links made, revoked when replaced.
  const state = { data: null, params: { a: "", b: "" }, urls: [], busy: false };

  ui.open.addEventListener("click", () => {
    const opening = ui.body.hidden;
    ui.body.hidden = !opening;
    ui.open.setAttribute("aria-expanded", String(opening));
    if (opening) {
      ui.file.focus();
      loadStudio();
    }
  });
  ui.file.addEventListener("change", readData);
  ui.model.addEventListener("change", modelChanged);
  for (const k of kinds) k.addEventListener("change", kindChanged);
  ui.paramsA.addEventListener("change", () => readParams(ui.paramsA, "a"));
  ui.paramsB.addEventListener("change", () => readParams(ui.paramsB, "b"));
  ui.form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    run(validate);
  });
  ui.recal.addEventListener("click", () => run(recalibrate));
  ui.load.addEventListener("change", loadBack);

  // Every column choice starts with its empty option, so that an untouched page
  // counts as untouched (app.js asks before leaving a page with edited forms).
  fillAllColumns();

  page.onReady(() => {
    for (const c of [ui.file, ui.model, ui.horizon, ui.compare, ui.paramsA, ui.paramsB,
      ui.load, compute, ui.recal]) c.disabled = false;
    fillModels();
  });

  // loadStudio has the page load the studio's engine, which validate, recalibrate
  // and loadModel need, as soon as the section is opened; a call made before it is
  // there waits for it.
  function loadStudio() {
    page.studio().catch((err) => showError(fill(text.val_failed, { message: err.message })));
  }

  // Models and columns.

  // models lists the engine's models that have horizons (Cox and logistic).
  function models() {
    const list = plain(globalThis.spiegel.models());
    return Array.isArray(list) ? list.filter((m) => m.family === "cox" || m.family === "logistic") : [];
  }

  // fillModels fills the model and comparison selects, keeping their choices.
  function fillModels(extra) {
    const list = models().concat(extra || []);
    const keep = [ui.model.value, ui.compare.value];
    ui.model.replaceChildren(...list.map((m) => new Option(m.name, m.id)));
    ui.compare.replaceChildren(new Option(text.val_compare_none, ""),
      ...list.map((m) => new Option(m.name, m.id)));
    if (keep[0] && list.some((m) => m.id === keep[0])) ui.model.value = keep[0];
    if (list.some((m) => m.id === keep[1])) ui.compare.value = keep[1];
    if (!list.length) showError(text.val_no_models);
    modelChanged();
  }

  // describe asks the engine about the chosen model.
  function describe(id) {
    const d = plain(globalThis.spiegel.describe(id)) || {};
    return d.error ? null : d;
  }

  // modelChanged lists the model's horizons and one column choice per input.
  function modelChanged() {
    const d = ui.model.value ? describe(ui.model.value) : null;
    const keep = ui.horizon.value;
    ui.horizon.replaceChildren(...((d && d.horizons) || []).map((h) =>
      new Option(horizonName(h), String(h.length))));
    if (Array.from(ui.horizon.options).some((o) => o.value === keep)) ui.horizon.value = keep;
    ui.map.replaceChildren(...((d && d.predictors) || []).map(mapRow));
  }

  // mapRow is the column choice for one input, chosen when a column has its id.
  function mapRow(p) {
    const id = "val-map-" + p.id;
    const select = el("select", { id, "data-predictor": p.id, "data-label": p.label });
    fillColumns(select, text.val_no_column, p.id);
    const levels = (p.levels || []).map((l) => l.id).join(", ");
    const help = levels ? el("span", { class: "help", text: fill(text.val_levels, { levels }) }) : null;
    return el("div", { class: "val-map-row" }, el("label", { for: id, text: p.label }), select, help);
  }

  // fillColumns offers the file's columns, after an empty choice, choosing the first
  // of the wanted names that is a column.
  function fillColumns(select, empty, ...wanted) {
    const cols = state.data ? state.data.columns : [];
    const keep = select.value;
    select.replaceChildren(new Option(empty, ""), ...cols.map((c) => new Option(c, c)));
    const lower = cols.map((c) => c.toLowerCase());
    const pick = [keep, ...wanted].find((w) => w && lower.includes(w.toLowerCase()));
    if (pick) select.value = cols[lower.indexOf(pick.toLowerCase())];
  }

  // fillAllColumns refreshes every column choice after a new file.
  function fillAllColumns() {
    fillColumns(ui.time, text.val_no_column, "week", "weeks", "time", "followup", "follow_up");
    fillColumns(ui.event, text.val_no_column, "arrest", "event", "status", "reoffended");
    fillColumns(ui.outcome, text.val_no_column, "outcome");
    fillColumns(ui.by, text.val_by_none);
    for (const s of ui.map.querySelectorAll("select[data-predictor]")) {
      fillColumns(s, text.val_no_column, s.dataset.predictor);
    }
  }

  function kindChanged() {
    const kind = kinds.find((k) => k.checked).value;
    for (const box of ui.form.querySelectorAll("[data-kind]")) box.hidden = box.dataset.kind !== kind;
  }

  // Files.

  // readData reads the chosen CSV in the page and lists its header's columns.
  async function readData() {
    const f = ui.file.files && ui.file.files[0];
    clear();
    if (!f) return;
    try {
      const body = await f.text();
      state.data = { name: f.name, body, columns: header(body) };
      ui.fileStatus.textContent = fill(text.val_file_read,
        { name: f.name, columns: state.data.columns.length });
    } catch (err) {
      state.data = null;
      ui.fileStatus.textContent = fill(text.val_file_failed, { reason: err.message || String(err) });
    }
    fillAllColumns();
  }

  // header returns the column names of a CSV's first record (RFC 4180 quoting), as
  // the engine reads them: a byte-order mark dropped, spaces trimmed.
  function header(body) {
    const names = [];
    let cur = "";
    let quoted = false;
    for (let i = body.charCodeAt(0) === 0xfeff ? 1 : 0; i < body.length; i++) {
      const c = body[i];
      if (quoted) {
        if (c === '"' && body[i + 1] === '"') { cur += c; i++; }
        else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") { names.push(cur.trim()); cur = ""; }
      else if (c === "\n" || c === "\r") break;
      else cur += c;
    }
    names.push(cur.trim());
    return names;
  }

  // readParams keeps the text of a chosen parameter file for the next validation.
  async function readParams(input, key) {
    const f = input.files && input.files[0];
    state.params[key] = f ? await f.text() : "";
  }

  // Running.

  // run does one job at a time, with the buttons disabled meanwhile.
  async function run(job) {
    if (state.busy) return;
    state.busy = true;
    compute.disabled = ui.recal.disabled = true;
    try {
      await job();
    } catch (err) {
      showError(fill(text.val_failed, { message: err.message || String(err) }));
    } finally {
      state.busy = false;
      compute.disabled = ui.recal.disabled = false;
    }
  }

  // yieldToPage lets the browser paint the progress message and handle input
  // between the phases of long work.
  function yieldToPage() {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  // progress says what is happening, then lets the page show it.
  async function progress(msg) {
    ui.progress.textContent = msg;
    await yieldToPage();
  }

  // options reads the form into the engine's options, or shows what is missing.
  function options() {
    if (!state.data) return fail(text.val_need_file);
    const o = { file: state.data.name, model: ui.model.value, horizon: Number(ui.horizon.value) };
    if (kinds.find((k) => k.checked).value === "time") {
      if (!ui.time.value || !ui.event.value) return fail(text.val_need_outcome);
      o.time = ui.time.value;
      o.event = ui.event.value;
    } else {
      if (!ui.outcome.value) return fail(text.val_need_outcome);
      o.outcome = ui.outcome.value;
    }
    o.columns = {};
    for (const s of ui.map.querySelectorAll("select[data-predictor]")) {
      if (!s.value) {
        s.focus();
        return fail(fill(text.val_need_column, { label: s.dataset.label }));
      }
      if (s.value !== s.dataset.predictor) o.columns[s.dataset.predictor] = s.value;
    }
    if (ui.by.value) {
      o.by = ui.by.value;
      o.quintiles = ui.quintiles.checked;
    }
    if (state.params.a) o.params = state.params.a;
    return o;
  }

  function fail(msg) {
    showError(msg);
    return null;
  }

  // validate computes and shows the measures.
  async function validate() {
    clear();
    const o = options();
    if (!o) return;
    if (ui.compare.value) {
      o.compare = ui.compare.value;
      if (state.params.b) o.compare_params = state.params.b;
    }
    const started = performance.now();
    await progress(text.val_reading);
    await progress(fill(text.val_computing, { rows: rowEstimate() }));
    const v = plain(await globalThis.spiegel.validate(state.data.body, o));
    if (v.error) return fail(fill(text.val_failed, { message: v.error }));
    await progress(text.val_drawing);
    ui.result.append(...(v.models ? comparison(v) : single(v)));
    ui.progress.textContent = fill(text.val_done,
      { seconds: ((performance.now() - started) / 1000).toFixed(2) });
  }

  // rowEstimate counts the lines after the header, for the progress message only.
  function rowEstimate() {
    let n = 0;
    for (let i = state.data.body.indexOf("\n"); i >= 0; i = state.data.body.indexOf("\n", i + 1)) n++;
    return n;
  }

  function clear() {
    ui.errors.replaceChildren();
    ui.result.replaceChildren();
    ui.progress.textContent = "";
  }

  function showError(msg) {
    ui.errors.append(el("p", { class: "val-error", text: msg }));
  }

  // Results.

  // single is the result of one model: summary, measures, plot, subgroups, bad rows.
  function single(v) {
    const card = el("article", { class: "val-card", "data-testid": "val-card", "data-model": v.model },
      el("h3", { text: fill(text.val_result_for, { model: modelName(v.model), horizon: horizonText(v) }) }));
    if (v.synthetic) card.append(el("p", { class: "notice synthetic", text: text.val_synthetic }));
    if (v.notice) card.append(el("p", { class: "notice", text: v.notice }));
    add(card, dataSummary(v.data), measuresTable([v]), warnings(v),
      calibration(v, ""), subgroups(v, ""), badRows(v.bad_rows));
    return [card];
  }

  // comparison is two models side by side on the same rows.
  function comparison(c) {
    const card = el("article", { class: "val-card", "data-testid": "val-card" },
      el("h3", { text: text.val_compare_cap }), dataSummary(c.data), measuresTable(c.models));
    c.models.forEach((v, i) => {
      const suffix = "-" + (i + 1);
      add(card, el("h4", { text: fill(text.val_result_for, { model: modelName(v.model), horizon: horizonText(v) }) }),
        warnings(v), calibration(v, suffix), subgroups(v, suffix));
    });
    add(card, badRows(c.bad_rows));
    return [card];
  }

  // add appends the nodes that are not null.
  function add(parent, ...nodes) {
    parent.append(...nodes.filter(Boolean));
  }

  // horizonText names the validated horizon as its choice reads, else by its label.
  function horizonText(v) {
    const opt = Array.from(ui.horizon.options).find((o) => o.value === String(v.horizon_length));
    return opt ? opt.textContent : v.horizon;
  }

  function modelName(id) {
    const opt = Array.from(ui.model.options).find((o) => o.value === id);
    return opt ? opt.textContent : id;
  }

  function dataSummary(d) {
    return el("div", { class: "val-data" },
      el("p", { "data-testid": "val-data-summary", text: fill(text.val_data_summary, d) }),
      el("p", { class: "help" }, text.val_data_sha + ": ", el("code", { text: d.sha256 })));
  }

  // MEASURES are the rows of the measures table: text key, JSON field, format.
  const MEASURES = [
    ["val_n", "n", String], ["val_events", "events", String],
    ["val_concordance", "concordance", num], ["val_observed", "observed_risk", pctOf],
    ["val_observed_ci", null, ciOf], ["val_mean_pred", "mean_predicted", pctOf],
    ["val_citl", "calibration_in_the_large", num],
    ["val_citl_diff", "calibration_in_the_large_difference", num],
    ["val_slope", "calibration_slope", num], ["val_brier", "brier", num],
  ];

  // num writes a measure to four decimals; one that rounds to zero has no sign.
  function num(x) { return num4.format(Math.abs(x) < 5e-5 ? 0 : x); }
  function pctOf(x) { return pct.format(x); }
  function ciOf(_, m) { return pct.format(m.observed_risk_lower) + " – " + pct.format(m.observed_risk_upper); }

  // measuresTable has a row per measure and a column per model; each cell keeps the
  // engine's exact number in data-value.
  function measuresTable(list) {
    const head = el("tr", {}, el("th", { scope: "col", text: text.val_measure }),
      ...list.map((v) => el("th", { scope: "col", text: list.length > 1 ? modelName(v.model) : text.val_value })));
    const rows = MEASURES.map(([key, field, format]) => el("tr", {},
      el("th", { scope: "row", text: text[key] }),
      ...list.map((v, i) => measureCell(v, field, format, list.length > 1 ? "-" + (i + 1) : ""))));
    return el("table", { class: "val-measures", "data-testid": "val-measures" },
      el("caption", { text: text.val_measures_cap }), el("thead", {}, head), el("tbody", {}, ...rows));
  }

  // measureCell is one measure; suffix, unless null, makes its test id.
  function measureCell(m, field, format, suffix) {
    const x = field ? m[field] : undefined;
    const testId = field && suffix !== null ? "val-" + field + suffix : null;
    if (field && (x === null || x === undefined)) {
      return el("td", { class: "number", "data-testid": testId, text: text.val_not_available });
    }
    return el("td", {
      class: "number", "data-testid": testId,
      "data-value": field ? String(x) : null, text: format(x, m),
    });
  }

  // warnings lists a result's warnings in the page's language.
  function warnings(v) {
    const list = page.measureWarnings(v);
    return list.length ? el("div", { class: "warnings", "data-testid": "val-warnings" },
      el("p", { text: text.val_warnings }), el("ul", {}, ...list.map((w) => el("li", { text: w }))))
      : null;
  }

  // calibration is the plot by tenths and its numbers as a table.
  function calibration(v, suffix) {
    const groups = (v.calibration || []).filter((g) => g.n > 0);
    const fig = el("figure", { class: "val-plot", "data-testid": "val-calibration" + suffix },
      el("figcaption", { text: text.val_plot_title }));
    fig.append(plot(groups, modelName(v.model), suffix));
    const rows = groups.map((g) => el("tr", { "data-testid": "val-cal-row" },
      el("th", { scope: "row", text: String(g.group) }),
      el("td", { class: "number", text: String(g.n) }),
      el("td", { class: "number", text: String(g.events) }),
      el("td", { class: "number", text: pct.format(g.min_predicted) + " – " + pct.format(g.max_predicted) }),
      el("td", { class: "number", "data-value": String(g.mean_predicted), text: pct.format(g.mean_predicted) }),
      el("td", { class: "number", "data-value": String(g.observed_risk), text: pct.format(g.observed_risk) }),
      el("td", { class: "number", text: pct.format(g.lower) + " – " + pct.format(g.upper) })));
    fig.append(el("table", { class: "val-cal-table", "data-testid": "val-cal-table" + suffix },
      el("caption", { text: text.val_plot_table }),
      el("thead", {}, el("tr", {}, ...[text.val_tenth, text.val_n, text.val_events, text.val_pred_range,
        text.val_mean_pred, text.val_plot_y, text.val_ci].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...rows)));
    return fig;
  }

  // svg makes an SVG element with the given attributes.
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    e.append(...children.filter(Boolean));
    return e;
  }

  // plot draws observed against mean predicted risk, one point per tenth with its
  // 95% interval as a whisker, and the diagonal of perfect calibration. Both axes
  // run from 0 to the same top: the largest value shown, rounded up to a tenth.
  function plot(groups, name, suffix) {
    const size = 340, pad = 60, inner = size - 2 * pad;
    const top = Math.min(1, Math.max(0.1, Math.ceil(10 * Math.max(0,
      ...groups.flatMap((g) => [g.upper, g.mean_predicted, g.observed_risk]))) / 10));
    const x = (p) => pad + (inner * p) / top;
    const y = (p) => size - pad - (inner * p) / top;
    const id = "val-plot" + suffix;
    const chart = svg("svg", {
      viewBox: `0 0 ${size} ${size}`, role: "img", class: "val-svg",
      "aria-labelledby": id + "-title " + id + "-desc", "data-testid": "val-plot" + suffix,
    }, svg("title", { id: id + "-title" }), svg("desc", { id: id + "-desc" }));
    chart.querySelector("title").textContent = text.val_plot_title;
    chart.querySelector("desc").textContent = fill(text.val_plot_desc, { model: name });
    chart.append(axes(x, y, top, size, pad),
      svg("line", { class: "val-diagonal", x1: x(0), y1: y(0), x2: x(top), y2: y(top) }));
    const points = svg("g", { class: "val-points", "data-testid": "val-cal-points" });
    for (const g of groups) {
      points.append(svg("line", { class: "val-whisker", x1: x(g.mean_predicted), x2: x(g.mean_predicted),
        y1: y(Math.min(g.upper, top)), y2: y(Math.max(g.lower, 0)) }),
      svg("circle", { class: "val-point", "data-testid": "val-cal-point", r: 4,
        cx: x(g.mean_predicted), cy: y(Math.min(g.observed_risk, top)) }));
    }
    chart.append(points);
    return chart;
  }

  // axes draws both axes with five ticks each and their titles.
  function axes(x, y, top, size, pad) {
    const g = svg("g", { class: "val-axes" },
      svg("line", { x1: x(0), y1: y(0), x2: x(top), y2: y(0) }),
      svg("line", { x1: x(0), y1: y(0), x2: x(0), y2: y(top) }));
    for (let k = 0; k <= 5; k++) {
      const p = (top * k) / 5;
      const label = pct.format(p);
      g.append(svg("line", { x1: x(p), y1: y(0), x2: x(p), y2: y(0) + 4 }),
        svgText(label, { x: x(p), y: y(0) + 16, "text-anchor": "middle" }),
        svg("line", { x1: x(0) - 4, y1: y(p), x2: x(0), y2: y(p) }),
        svgText(label, { x: x(0) - 6, y: y(p) + 4, "text-anchor": "end" }));
    }
    g.append(svgText(text.val_plot_x, { x: size / 2, y: size - 8, "text-anchor": "middle" }),
      svgText(text.val_plot_y, { x: 14, y: size / 2, "text-anchor": "middle",
        transform: `rotate(-90 14 ${size / 2})` }));
    return g;
  }

  function svgText(s, attrs) {
    const t = svg("text", attrs);
    t.textContent = s;
    return t;
  }

  // subgroups is the measures per level of the chosen column.
  function subgroups(v, suffix) {
    const s = v.subgroups;
    if (!s) return null;
    const fields = MEASURES.filter(([, f]) => f);
    const rows = s.groups.map((g) => el("tr", { "data-testid": "val-sub-row" },
      el("th", { scope: "row", text: g.level }),
      ...(g.error ? [el("td", { colspan: fields.length, text: text.val_sub_error + ": " + g.error })]
        : fields.map(([, f, format]) => measureCell(g, f, format, null)))));
    return el("table", { class: "val-subgroups", "data-testid": "val-subgroups" + suffix },
      el("caption", { text: fill(text.val_sub_title, { column: s.column }) }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: text.val_sub_level }),
        ...fields.map(([key]) => el("th", { scope: "col", text: text[key] })))),
      el("tbody", {}, ...rows));
  }

  // badRows lists the refused rows by number, each reason on its own line: in the
  // page's language when the engine gives it as a code (the value has its column).
  const reason = (e, model) => (e.code ? page.errorText({ ...e, value: "" }, model) : e.message);
  function badRows(list) {
    if (!list || !list.length) return null;
    const rows = list.slice(0, BAD_ROWS_SHOWN).flatMap((b) => b.errors.map((e, k) =>
      el("tr", { "data-testid": k === 0 ? "val-bad-row" : null, "data-row": String(b.row) },
        el("td", { class: "number", text: k === 0 ? String(b.row) : "" }),
        el("td", { class: "number", text: k === 0 ? String(b.line) : "" }),
        el("td", { text: e.field || "" }), el("td", { text: e.value || "" }),
        el("td", { text: (b.model ? b.model + ": " : "") + reason(e, b.model) }))));
    const box = el("section", { class: "val-bad", "data-testid": "val-bad-rows" },
      el("h4", { text: fill(text.val_bad_title, { count: list.length }) }),
      el("p", { class: "help", text: text.val_bad_help }),
      el("table", {}, el("thead", {}, el("tr", {}, ...[text.val_row, text.val_line, text.val_column,
        text.val_value, text.val_reason].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...rows)));
    if (list.length > BAD_ROWS_SHOWN) {
      box.append(el("p", { text: fill(text.val_bad_more, { count: list.length - BAD_ROWS_SHOWN }) }));
    }
    return box;
  }

  // Recalibration.

  // today is the local date, YYYY-MM-DD: the engine reads no clock.
  function today() {
    const d = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  }

  // recalibrate makes the new model file and offers it for download.
  async function recalibrate() {
    ui.recalResult.replaceChildren();
    ui.errors.replaceChildren();
    const o = options();
    if (!o) return;
    o.date = today();
    o.slope = ui.slope.checked;
    await progress(fill(text.val_computing, { rows: rowEstimate() }));
    const r = plain(await globalThis.spiegel.recalibrate(state.data.body, o));
    ui.progress.textContent = "";
    if (r.error) return fail(fill(text.val_failed, { message: r.error }));
    for (const u of state.urls) URL.revokeObjectURL(u);
    state.urls = [];
    ui.recalResult.append(...[
      r.synthetic ? el("p", { class: "notice synthetic", "data-testid": "val-recal-synthetic",
        text: text.val_synthetic }) : null,
      el("p", { "data-testid": "val-recal-done", text: fill(text.val_recal_done, { model: r.model }) }),
      horizonsTable(r.horizons),
      el("p", {}, download(r.definition, r.file_name, text.val_download_def, "val-download-def")),
      el("p", {}, download(r.golden, r.golden_file_name, text.val_download_gold, "val-download-golden")),
      // A variant bound to a parameter file also gets its group's new file.
      r.params ? el("p", {}, download(r.params, r.params_file_name, text.val_download_params,
        "val-download-params")) : null,
      el("h4", { text: text.val_recal_after }), measuresTable([r.validation]),
    ].filter(Boolean));
  }

  function horizonsTable(list) {
    return el("table", { class: "val-recal-horizons" },
      el("thead", {}, el("tr", {}, ...[text.val_horizon, text.val_recal_param, text.val_before,
        text.val_after].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...list.map((h) => el("tr", {}, el("th", { scope: "row", text: h.label }),
        el("td", { text: h.parameter }),
        el("td", { class: "number", text: page.shortNumber(h.before) }),
        el("td", { class: "number", "data-value": String(h.after), text: page.shortNumber(h.after) })))));
  }

  // download is a link that saves body as a local file: a Blob URL, no request.
  function download(body, name, label, testId) {
    const url = URL.createObjectURL(new Blob([body], { type: "application/json" }));
    state.urls.push(url);
    return el("a", { href: url, download: name, "data-testid": testId, text: fill(label, { name }) });
  }

  // loadBack verifies a model file against its golden cases and, when it passes,
  // offers the model in the selects.
  async function loadBack() {
    const files = Array.from(ui.load.files || []);
    ui.loadStatus.textContent = "";
    if (files.length !== 2) {
      ui.loadStatus.textContent = text.val_load_need_two;
      return;
    }
    const texts = await Promise.all(files.map((f) => f.text()));
    const golden = texts.findIndex(isGolden);
    const def = golden === 0 ? texts[1] : texts[0];
    const rep = plain(await globalThis.spiegel.loadModel(def, golden < 0 ? "" : texts[golden]));
    ui.load.value = "";
    if (!rep.passed) {
      ui.loadStatus.textContent = fill(text.val_load_refused, { reason: rep.error });
      return;
    }
    ui.loadStatus.textContent = fill(text.val_load_passed, { model: rep.model, sha: rep.definition_sha256 });
    state.loaded = (state.loaded || []).filter((m) => m.id !== rep.model)
      .concat([{ id: rep.model, name: rep.name }]);
    fillModels(state.loaded);
  }

  // isGolden tells a golden-cases file by its format tag.
  function isGolden(body) {
    try {
      return JSON.parse(body).format === "spiegel-golden/1";
    } catch (_) {
      return false;
    }
  }
})();
