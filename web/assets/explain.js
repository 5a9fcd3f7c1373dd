// explain.js: the per-case explanation under a result. When app.js or group.js
// builds a result card (the hook spiegelPage.onResult), it asks the engine for the case's
// explanation (window.spiegel.explain), sweeps (window.spiegel.sweep) and, on
// request, a what-if comparison (window.spiegel.whatIf), and draws them: natural
// frequencies with 100-person icon arrays, a waterfall of the contributions on both
// scales with its table, a what-if form beside the case, and sensitivity curves,
// each chart with its numbers as a table. Every number comes from the engine; this
// file only places and formats them. Like app.js it builds every element with
// textContent, keeps the case in memory only and never touches the case's form.
"use strict";

(() => {
  const page = globalThis.spiegelPage;
  if (!page) return;
  const { el, fill, plain, pct } = page;
  const tx = page.text.explain || {};
  const lang = document.documentElement.lang || "en";
  const NS = "http://www.w3.org/2000/svg";
  let uid = 0; // makes the ids of labels and chart titles unique in the page

  const lpFormat = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 4, maximumFractionDigits: 4, signDisplay: "exceptZero",
  });
  const ppFormat = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero",
  });
  const numFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });

  // pp formats a number of percentage points, e.g. "+3.2 pp".
  // scrollBox wraps a wide table in a box that scrolls sideways on narrow screens; the
  // box takes keyboard focus and is named after the table's caption (or the what-if
  // title), so that it can be scrolled without a mouse.
  function scrollBox(...kids) {
    const box = el("div", { class: "table-scroll", tabindex: 0, role: "region" }, ...kids);
    const caption = box.querySelector("caption");
    box.setAttribute("aria-label", caption ? caption.textContent : tx.whatif_title);
    return box;
  }

  function pp(points) {
    return fill(tx.pp, { value: ppFormat.format(points) });
  }

  // svg makes an SVG element, as el does an HTML one.
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === "text") e.textContent = v;
      else e.setAttribute(k, String(v));
    }
    e.append(...children.filter((c) => c !== null && c !== undefined));
    return e;
  }

  // chart is an SVG image labelled by a title and described by a desc.
  function chart(cls, width, height, title, desc, testId) {
    const n = ++uid;
    return svg("svg", {
      class: cls, viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-labelledby": "chart-title-" + n, "aria-describedby": "chart-desc-" + n,
      "data-testid": testId,
    }, svg("title", { id: "chart-title-" + n, text: title }),
    svg("desc", { id: "chart-desc-" + n, text: desc }));
  }

  // Every result card gets its explanation, as app.js builds it (group.js's too):
  // the case is cut to the inputs of the model that computed the result.
  page.onResult((card, rec, d, c) => {
    if (!globalThis.spiegel || rec.error || !c) return;
    const own = {};
    for (const p of d.predictors || []) if (p.id in c) own[p.id] = c[p.id];
    const x = plain(globalThis.spiegel.explain(rec.model, own)) || {};
    if (x.error) return;
    card.append(panel(rec.model, d, own, x));
  });

  // panel is the explanation of one result.
  function panel(model, d, c, x) {
    const id = "explain-title-" + (++uid);
    const box = el("section", { class: "explain", "data-testid": "explain",
      "aria-labelledby": id }, el("h3", { id, text: tx.title }));
    // For a group of variants (OxRec-NL) the engine scores a what-if copy with the
    // variant the rule chooses for it, and a curve over the rule's input stays where
    // the applied variant applies; the panel says so.
    if (d.group) {
      box.append(el("p", { class: "note", "data-testid": "variant-held",
        text: fill(tx.variant_held, { model: d.name }) }));
    }
    if (x.probabilities) box.append(frequencies(d, x));
    box.append(waterfalls(d, x), whatIf(model, d, c));
    if (d.sweeps && d.sweeps.length) box.append(sensitivity(model, d, c, x));
    return box;
  }

  // heading is a part's heading, with the synthetic mark when the model's numbers
  // are synthetic, so that every part shown on its own still says so.
  function heading(d, words) {
    return el("h4", {}, words, d.synthetic ? el("span", { class: "synthetic-tag",
      "data-testid": "explain-synthetic", text: page.text.synthetic_banner }) : null);
  }

  // horizonsOf lists the model's horizons that the record has a probability for.
  function horizonsOf(d, rec) {
    return (d.horizons || []).filter((h) => rec.probabilities && h.label in rec.probabilities);
  }

  // Natural frequencies.

  // frequencies shows each probability as "about N in 100", with an icon array.
  function frequencies(d, x) {
    const row = el("div", { class: "freq-row" });
    for (const h of horizonsOf(d, x)) {
      const p = x.probabilities[h.label];
      const n = Math.round(100 * p);
      const say = fill(tx.freq_say, { n, horizon: page.horizonName(h), pct: pct.format(p) });
      row.append(el("figure", { class: "freq", "data-testid": "freq-" + h.label, "data-n": n },
        iconArray(n), el("figcaption", { text: say })));
    }
    return el("div", { class: "explain-freq", "data-testid": "frequencies" },
      heading(d, tx.freq_title),
      el("p", { class: "help", text: fill(tx.freq_help, { outcome: d.outcome }) }), row);
  }

  // iconArray draws 100 figures, the first n filled and the rest outlined, so that
  // they differ in shape as well as in colour.
  function iconArray(n) {
    const s = svg("svg", { class: "icons", viewBox: "0 0 180 220", role: "img",
      "aria-label": fill(tx.freq_icon_alt, { n }), "data-filled": n });
    for (let i = 0; i < 100; i++) {
      const cx = (i % 10) * 18 + 9;
      const y = Math.floor(i / 10) * 22;
      s.append(svg("g", { class: i < n ? "person on" : "person off" },
        svg("circle", { cx, cy: y + 5, r: 3.5 }),
        svg("path", { d: `M${cx - 5} ${y + 20}v-6.5a5 5 0 0 1 10 0v6.5z` })));
    }
    return s;
  }

  // The waterfall.

  // waterfalls draws the steps from the reference profile to the case on the
  // linear-predictor scale and, per horizon, on the probability scale, then the
  // table of the same numbers.
  function waterfalls(d, x) {
    const steps = x.steps || [];
    const ref = x.reference || { linear_predictor: 0, probabilities: {} };
    const box = el("div", { class: "explain-waterfall", "data-testid": "waterfall" },
      heading(d, tx.waterfall_title),
      el("p", { class: "help", text: fill(tx.waterfall_help, { reference: page.translate(ref.note || "") }) }));
    const lpRows = [{ label: tx.reference, from: 0, to: ref.linear_predictor, total: true },
      ...steps.map((s, i) => ({ label: s.label, term: s.predictor, delta: s.delta,
        from: i ? steps[i - 1].after : ref.linear_predictor, to: s.after })),
      { label: tx.this_case, from: 0, to: x.linear_predictor, total: true }];
    box.append(figure(tx.scale_lp, waterfall(lpRows, { title: tx.scale_lp,
      testId: "waterfall-lp", total: (v) => lpFormat.format(v),
      delta: (v) => lpFormat.format(v) })));
    for (const h of horizonsOf(d, x)) {
      const at = (i) => (i < 0 ? ref.probabilities[h.label] : steps[i].probability_after[h.label]);
      const rows = [{ label: tx.reference, from: 0, to: at(-1), total: true },
        ...steps.map((s, i) => ({ label: s.label, term: s.predictor,
          delta: s.probability_delta[h.label], from: at(i - 1), to: at(i) })),
        { label: tx.this_case, from: 0, to: x.probabilities[h.label], total: true }];
      const title = fill(tx.scale_prob, { horizon: page.horizonName(h) });
      box.append(figure(title, waterfall(rows, { title, testId: "waterfall-" + h.label,
        total: (v) => pct.format(v), delta: (v) => pp(100 * v) })));
    }
    box.append(explainTable(d, x));
    return box;
  }

  // figure puts a chart under a visible caption.
  function figure(caption, chartNode) {
    return el("figure", { class: "chart" }, el("figcaption", { text: caption }), chartNode);
  }

  // waterfall draws one bar per row, horizontally: the first and last rows are
  // totals from zero, the others float from where the previous one ended. A bar
  // that raises the result is solid, one that lowers it is hatched, and each bar's
  // value is written beside it.
  function waterfall(rows, opts) {
    const W = 760, L = 270, R = 120, rowH = 26, top = 6, axisH = 26;
    const H = top + rows.length * rowH + axisH;
    const vals = rows.flatMap((r) => [r.from, r.to]).concat(0);
    const lo = Math.min(...vals);
    const hi = Math.max(...vals) > lo ? Math.max(...vals) : lo + 1;
    const sx = (v) => L + ((v - lo) / (hi - lo)) * (W - L - R);
    const s = chart("waterfall", W, H, opts.title, tx.chart_desc, opts.testId);
    const bottom = top + rows.length * rowH;
    s.append(svg("line", { class: "zero", x1: sx(0), x2: sx(0), y1: top, y2: bottom }));
    rows.forEach((r, i) => {
      const y = top + i * rowH;
      const x0 = sx(Math.min(r.from, r.to));
      const x1 = sx(Math.max(r.from, r.to));
      const kind = r.total ? "total" : r.to > r.from ? "up" : r.to < r.from ? "down" : "none";
      const value = r.total ? opts.total(r.to) : opts.delta(r.delta);
      s.append(svg("g", { class: "bar " + kind, "data-testid": r.term ? "bar-" + r.term : null,
        "data-term": r.term, "data-delta": r.total ? null : String(r.delta),
        "data-to": String(r.to) },
      svg("title", { text: r.label + ": " + value }),
      svg("text", { class: "bar-label", x: L - 8, y: y + rowH / 2 + 4, "text-anchor": "end",
        text: short(r.label, 36) }),
      svg("rect", { x: x0, y: y + 4, width: Math.max(x1 - x0, 1.5), height: rowH - 8 }),
      svg("text", { class: "bar-value", x: x1 + 6, y: y + rowH / 2 + 4, text: value })));
      if (i + 1 < rows.length && !rows[i + 1].total) {
        s.append(svg("line", { class: "connector", x1: sx(r.to), x2: sx(r.to),
          y1: y + rowH - 4, y2: y + rowH + 4 }));
      }
    });
    const ticks = [...new Set([lo, 0, hi])];
    for (const v of ticks) {
      s.append(svg("line", { class: "tick", x1: sx(v), x2: sx(v), y1: bottom, y2: bottom + 5 }),
        svg("text", { class: "tick-label", x: sx(v), y: bottom + 18, "text-anchor": "middle",
          text: opts.total(v) }));
    }
    return s;
  }

  // short cuts a label to at most n characters, with an ellipsis; the bar's title
  // and the table keep it whole.
  function short(label, n) {
    const chars = Array.from(String(label));
    return chars.length <= n ? label : chars.slice(0, n - 1).join("") + "…";
  }

  // explainTable has the waterfall's numbers: a row per term with its contribution,
  // the reference profile's value and the changes on both scales, then the
  // reference profile and the case, and the intercepts or centring below.
  function explainTable(d, x) {
    const hs = horizonsOf(d, x);
    const ref = x.reference || { probabilities: {} };
    const lp = (v) => numCell(v, lpFormat.format(v));
    const rows = (x.steps || []).map((s) => el("tr",
      { "data-testid": "explain-row-" + s.predictor },
      el("th", { scope: "row", text: s.label }),
      lp(s.value), lp(s.reference_value), lp(s.delta),
      ...hs.map((h) => numCell(s.probability_delta[h.label],
        pp(100 * s.probability_delta[h.label])))));
    const total = (label, eta, probs) => el("tr", {},
      el("th", { scope: "row", text: label }),
      el("td", { class: "number", colspan: 3, text: tx.scale_lp + ": " + lpFormat.format(eta) }),
      ...hs.map((h) => numCell(probs[h.label], pct.format(probs[h.label]))));
    const heads = [tx.col_term, tx.col_value, tx.col_ref_value, tx.col_delta,
      ...hs.map((h) => fill(tx.col_prob_delta, { horizon: page.horizonName(h) }))];
    const table = el("table", { class: "contributions explain-table",
      "data-testid": "explain-table" },
    el("caption", { text: tx.table_caption }),
    el("thead", {}, el("tr", {}, ...heads.map((t) => el("th", { scope: "col", text: t })))),
    el("tbody", {}, ...rows),
    el("tfoot", {}, total(tx.reference, ref.linear_predictor, ref.probabilities),
      total(tx.this_case, x.linear_predictor, x.probabilities || {})));
    return scrollBox(table, constantNote(hs, x));
  }

  // numCell is a number cell with its exact value in data-value.
  function numCell(v, shownText) {
    return el("td", { class: "number", "data-value": String(v), text: shownText });
  }

  // constantNote states the term outside the contributions: the intercept per
  // horizon (logistic) or the centring (Cox).
  function constantNote(hs, x) {
    let words = null;
    if (x.intercepts) {
      words = page.text.intercept + " — " + hs.map((h) => page.horizonName(h) + ": " +
        page.shortNumber(x.intercepts[h.label])).join("; ");
    } else if (x.centring !== undefined) {
      words = page.text.centring + ": " + page.shortNumber(x.centring);
    }
    if (!words) return null;
    return el("p", { class: "note", "data-testid": "explain-constant", text: words });
  }

  // What if.

  // whatIf is a copy of the case's answers beside the case itself, which the user
  // may change and compare; the case's own form is never touched.
  function whatIf(model, d, c) {
    const n = ++uid;
    const form = el("form", { class: "whatif-form", "data-testid": "whatif-form",
      novalidate: "" }, el("div", { class: "error-summary", role: "alert", hidden: "" }));
    const body = el("tbody", {});
    for (const p of d.predictors || []) body.append(whatIfRow(p, c, `whatif-${n}--${p.id}`));
    form.append(scrollBox(el("table", { class: "whatif-inputs" },
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: tx.input }),
        el("th", { scope: "col", text: tx.before }),
        el("th", { scope: "col", text: tx.after }))), body)));
    const out = el("div", { class: "whatif-out", "aria-live": "polite",
      "data-testid": "whatif-result" });
    form.append(el("div", { class: "actions" },
      el("button", { type: "submit", "data-testid": "whatif-run", text: tx.whatif_run }),
      el("button", { type: "reset", class: "secondary", "data-testid": "whatif-reset",
        text: tx.whatif_reset })));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      compare(model, d, c, form, out);
    });
    form.addEventListener("reset", () => {
      page.clearErrors(form);
      out.replaceChildren();
    });
    return el("div", { class: "explain-whatif", "data-testid": "whatif" },
      heading(d, tx.whatif_title), el("p", { class: "help", text: tx.whatif_help }),
      form, out);
  }

  // whatIfRow is one answer: its label, the case's value, and a control holding a
  // copy of it (as the control's default, so that reset goes back to the case).
  function whatIfRow(p, c, id) {
    const v = c[p.id] === undefined ? "" : shownNum(p, String(c[p.id]));
    let control;
    if (p.type === "level") {
      control = el("select", { id, name: p.id, "aria-describedby": id + "-error" },
        v === "" ? el("option", { value: "", text: "—", selected: "" }) : null,
        ...(p.levels || []).map((l) => el("option", { value: l.id, text: l.label,
          selected: l.id === v ? "" : null })));
    } else {
      control = el("input", { id, name: p.id, type: p.type === "date" ? "date" : "text",
        inputmode: p.type === "date" ? null : "decimal", value: v,
        "aria-describedby": id + "-error" });
    }
    return el("tr", { "data-predictor": p.id },
      el("th", { scope: "row" }, el("label", { for: id, text: p.label })),
      el("td", { text: shown(p, v) }),
      el("td", {}, control, el("p", { id: id + "-error", class: "field-error" })));
  }

  // shown is a value as the user knows it: a level's label, or what was typed.
  function shown(p, v) {
    const level = (p.levels || []).find((l) => l.id === v);
    return level ? level.label : shownNum(p, v);
  }

  // shownNum writes a number input's value the page's way (a decimal comma on
  // the Dutch page); other values stay as they are.
  function shownNum(p, v) {
    return p.type === "number" || p.type === "count" ? page.localNumber(v) : v;
  }

  // compare asks the engine for the case and its changed copy and shows both.
  function compare(model, d, c, form, out) {
    page.clearErrors(form);
    const after = {};
    for (const [k, v] of new FormData(form)) if (v !== "") after[k] = page.decimalPoint(v);
    const r = plain(globalThis.spiegel.whatIf(model, c, after)) || {};
    const refused = r.error ? r : r.after && r.after.error ? r.after : null;
    if (refused) {
      out.replaceChildren(el("p", { class: "whatif-refused", text: tx.whatif_refused }));
      page.showErrors(form, refused);
      return;
    }
    out.replaceChildren(...[variantNote(r), compareTable(d, r), changedTable(d, r, c, after)]
      .filter(Boolean));
  }

  // variantNote says, when the changed copy falls under another variant of the
  // group, which variant the engine used for it and why.
  function variantNote(r) {
    if (!r.after_variant) return null;
    const other = page.describe(r.after.model);
    return el("p", { class: "note", "data-testid": "whatif-variant",
      text: fill(tx.whatif_variant, { model: other.name || r.after.model,
        reason: page.reasonText(r.after_variant) }) });
  }

  // compareTable sets the two results side by side, per horizon, with the difference
  // in percentage points and whether the risk category changes.
  function compareTable(d, r) {
    const hs = horizonsOf(d, r.after);
    const bands = !!r.band_changed;
    const bandOf = (rec, h) => (rec.bands && rec.bands[h] ? rec.bands[h].label : "");
    const rows = hs.map((h) => el("tr", { "data-testid": "whatif-" + h.label },
      el("th", { scope: "row", text: page.horizonName(h) }),
      el("td", { class: "number", "data-probability": String(r.before.probabilities[h.label]),
        text: pct.format(r.before.probabilities[h.label]) }),
      el("td", { class: "number", "data-probability": String(r.after.probabilities[h.label]),
        text: pct.format(r.after.probabilities[h.label]) }),
      el("td", { class: "number", "data-testid": "whatif-diff-" + h.label,
        "data-pp": String(r.difference_pp[h.label]), text: pp(r.difference_pp[h.label]) }),
      ...(bands ? [el("td", { text: bandOf(r.before, h.label) }),
        el("td", { text: bandOf(r.after, h.label) }),
        el("td", { "data-testid": "whatif-band-" + h.label,
          class: r.band_changed[h.label] ? "band-changed" : null,
          text: r.band_changed[h.label] ? tx.yes : tx.no })] : [])));
    const heads = [page.text.horizon, tx.before, tx.after, tx.difference,
      ...(bands ? [tx.band_before, tx.band_after, tx.band_changes] : [])];
    return scrollBox(
      el("table", { class: "whatif-table", "data-testid": "whatif-table" },
        el("caption", { text: tx.whatif_caption }),
        el("thead", {}, el("tr", {}, ...heads.map((t) => el("th", { scope: "col", text: t })))),
        el("tbody", {}, ...rows)),
      bands ? null : el("p", { class: "note", text: tx.band_none }));
  }

  // changedTable lists the answers that differ between the case c and its copy after,
  // as the engine found them.
  function changedTable(d, r, c, after) {
    if (!r.changed || !r.changed.length) {
      return el("p", { class: "note", "data-testid": "whatif-changed", text: tx.nothing_changed });
    }
    const preds = d.predictors || [];
    const rows = r.changed.map((id) => {
      const p = preds.find((q) => q.id === id) || { id, label: id };
      return el("tr", {}, el("th", { scope: "row", text: p.label }),
        el("td", { text: shown(p, c[id] === undefined ? "" : String(c[id])) }),
        el("td", { text: shown(p, after[id] === undefined ? "" : String(after[id])) }));
    });
    return el("table", { class: "whatif-changed", "data-testid": "whatif-changed" },
      el("caption", { text: tx.inputs_caption }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: tx.input }),
        el("th", { scope: "col", text: tx.before }), el("th", { scope: "col", text: tx.after }))),
      el("tbody", {}, ...rows));
  }

  // Sensitivity curves.

  // sensitivity draws one curve chart per input the model lists as sweepable.
  function sensitivity(model, d, c, x) {
    const box = el("div", { class: "explain-sweeps", "data-testid": "sensitivity" },
      heading(d, tx.sweep_title), el("p", { class: "help", text: tx.sweep_help }),
      el("p", { class: "help", text: tx.sweep_gap }));
    for (const s of d.sweeps) box.append(sweepFigure(model, d, c, x, s));
    return box;
  }

  // currentValue is where the case stands on a sweep: its own number, or for an
  // age, the value the engine derived.
  function currentValue(s, c, x) {
    if (s.derived) {
      const v = (x.derived || []).find((dv) => dv.id === s.derived);
      return v ? Number(v.value) : NaN;
    }
    return Number(c[s.input]);
  }

  // sweepFigure asks the engine for the curve of one input and draws it. A sweep
  // scores the case hundreds of times, so each curve is drawn in a task of its own
  // after the result is on the page.
  function sweepFigure(model, d, c, x, s) {
    const unit = s.unit ? page.text["unit_" + s.unit] || s.unit : "";
    const label = unit ? `${s.label} (${unit})` : s.label;
    const fig = el("figure", { class: "sweep", "data-testid": "sweep-" + s.input,
      "aria-busy": "true" }, el("figcaption", { text: fill(tx.sweep_chart, { label }) }));
    setTimeout(() => {
      drawSweep(fig, model, d, c, x, s, label);
      fig.removeAttribute("aria-busy");
    }, 0);
    return fig;
  }

  // drawSweep fills a sweep's figure: the chart, the shaded range's note and the
  // table, or the engine's reason when it refuses the sweep.
  function drawSweep(fig, model, d, c, x, s, label) {
    const pts = plain(globalThis.spiegel.sweep(model, c, { input: s.input,
      anchor: s.anchor || "", from: s.from, to: s.to, points: s.points || 0 }));
    if (!Array.isArray(pts)) {
      fig.append(el("p", { class: "field-error", text: fill(tx.sweep_failed,
        { message: pts && pts.error ? pts.error : String(pts) }) }));
      return;
    }
    const hs = horizonsOf(d, x);
    fig.append(curves(s, pts, hs, x, currentValue(s, c, x), label));
    if (s.sample_to !== undefined && s.sample_to !== null) {
      fig.append(el("p", { class: "note", text: fill(tx.sweep_sample,
        { to: numFormat.format(s.sample_to), note: page.translate(s.sample_note || "") }) }));
    }
    fig.append(sweepTable(pts, hs, label));
  }

  // curves is the line chart: a line per horizon (solid, then dashed), gaps where the
  // engine refused a value, the derivation range shaded and the case marked.
  function curves(s, pts, hs, x, cur, label) {
    const W = 640, H = 280, L = 58, R = 110, T = 14, B = 42;
    const probs = pts.flatMap((p) => hs.map((h) => (p.probabilities || {})[h.label]))
      .concat(hs.map((h) => x.probabilities[h.label])).filter((v) => v !== undefined);
    const yMax = Math.min(1, Math.ceil(Math.max(0.1, ...probs) * 10 - 1e-9) / 10);
    const span = s.to > s.from ? s.to - s.from : 1;
    const sx = (v) => L + ((v - s.from) / span) * (W - L - R);
    const sy = (p) => T + (1 - p / yMax) * (H - T - B);
    const g = chart("curves", W, H, fill(tx.sweep_chart, { label }), tx.chart_desc,
      "curves-" + s.input);
    g.dataset.current = String(cur);
    if (s.sample_to !== undefined && s.sample_to !== null && s.sample_to > s.from) {
      const end = sx(Math.min(s.sample_to, s.to));
      g.append(svg("rect", { class: "sample", "data-testid": "sweep-sample", x: sx(s.from),
        y: T, width: end - sx(s.from), height: H - T - B }));
    }
    axes(g, s, yMax, sx, sy, { W, H, L, R, T, B }, label);
    hs.forEach((h, k) => {
      let path = "";
      let pen = "M";
      let last = null;
      for (const p of pts) {
        const v = (p.probabilities || {})[h.label];
        if (v === undefined) {
          pen = "M";
          continue;
        }
        path += `${pen}${sx(p.x).toFixed(1)} ${sy(v).toFixed(1)}`;
        pen = "L";
        last = p;
      }
      g.append(svg("path", { class: "curve curve-" + k, d: path,
        "data-testid": "curve-" + h.label }));
      if (last) {
        g.append(svg("text", { class: "curve-label", x: sx(last.x) + 6,
          y: sy(last.probabilities[h.label]) + 4 + k * 14, text: page.horizonName(h) }));
      }
    });
    if (Number.isFinite(cur) && cur >= s.from && cur <= s.to) {
      const mark = svg("g", { class: "current", "data-testid": "sweep-current",
        "data-value": String(cur) },
      svg("line", { x1: sx(cur), x2: sx(cur), y1: T, y2: H - B }),
      svg("text", { x: sx(cur) + 4, y: T + 12, text: fill(tx.sweep_current,
        { value: numFormat.format(cur) }) }));
      for (const h of hs) {
        mark.append(svg("circle", { cx: sx(cur), cy: sy(x.probabilities[h.label]), r: 5 }));
      }
      g.append(mark);
    }
    return g;
  }

  // axes draws the two axes with a few labelled ticks.
  function axes(g, s, yMax, sx, sy, box, label) {
    const { W, H, L, R, B } = box;
    g.append(svg("line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }),
      svg("line", { class: "axis", x1: L, x2: L, y1: sy(yMax), y2: H - B }),
      svg("text", { class: "axis-label", x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle",
        text: label }));
    for (const v of [0, yMax / 2, yMax]) {
      g.append(svg("text", { class: "tick-label", x: L - 6, y: sy(v) + 4,
        "text-anchor": "end", text: pct.format(v) }),
      svg("line", { class: "grid", x1: L, x2: W - R, y1: sy(v), y2: sy(v) }));
    }
    for (const v of [s.from, (s.from + s.to) / 2, s.to]) {
      g.append(svg("text", { class: "tick-label", x: sx(v), y: H - B + 16,
        "text-anchor": "middle", text: numFormat.format(v) }));
    }
  }

  // sweepTable is the chart's numbers, built when first opened.
  function sweepTable(pts, hs, label) {
    const details = el("details", { class: "sweep-table" },
      el("summary", { text: tx.sweep_table }));
    details.addEventListener("toggle", () => {
      if (!details.open || details.querySelector("table")) return;
      const cells = (p) => (p.error
        ? [el("td", { colspan: hs.length, text: fill(tx.sweep_refused, { message: p.error }) })]
        : hs.map((h) => numCell(p.probabilities[h.label], pct.format(p.probabilities[h.label]))));
      const rows = pts.map((p) => el("tr", {},
        el("th", { scope: "row", text: numFormat.format(p.x) }), ...cells(p)));
      const heads = [label, ...hs.map((h) => page.horizonName(h))];
      details.append(scrollBox(
        el("table", { class: "sweep-numbers" },
          el("caption", { text: fill(tx.sweep_caption, { label }) }),
          el("thead", {}, el("tr", {}, ...heads.map((t) => el("th", { scope: "col", text: t })))),
          el("tbody", {}, ...rows))));
    });
    return details;
  }
})();
