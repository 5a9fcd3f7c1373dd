// app.js: the glue between the page and the engine. It loads spiegel.wasm (and the
// whole engine, spiegel-studio.wasm, when the studio is first opened), shows
// the form of the chosen model, sends the form's values to window.spiegel.score and
// shows what the engine returns. It does no maths of its own, writes nothing to the
// URL, to storage or to the console about a case, and builds every element with
// textContent, never with HTML from data; words.js writes the engine's messages.
// Its helpers are shared through the frozen object globalThis.spiegelPage.
"use strict";

(() => {
  const text = JSON.parse(document.getElementById("spiegel-text").textContent);
  const root = document.documentElement;
  const status = document.getElementById("engine-status");
  const picker = document.getElementById("model-picker");
  const forms = Array.from(document.querySelectorAll("form[data-model]"));
  const groups = Array.from(document.querySelectorAll("section.group-section[data-group]"));
  const result = document.getElementById("result");
  const lang = root.lang || "en";

  // shown keeps each model's last result in memory, so that switching models and
  // back shows it again. Nothing is stored beyond the page's life.
  const shown = new Map();
  const descriptions = new Map();
  const readyHooks = [];
  const resultHooks = [];

  const pct = new Intl.NumberFormat(lang, {
    style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1,
  });
  const lpFormat = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 4, maximumFractionDigits: 4, signDisplay: "exceptZero",
  });

  // The words the page writes from the engine's answers (words.js).
  const { decimalPoint, translate, errorText, localNumber, warningTexts, populationLabel,
    reasonText, shortNumber, relatedLabel, labelOf, measureWarnings } =
    globalThis.spiegelWords(text, lang, (id) => describe(id));

  // fill replaces each {name} in s with args[name], as web.Fill does in Go.
  function fill(s, args) {
    return s.replace(/\{(\w+)\}/g, (m, k) => (k in args ? String(args[k]) : m));
  }

  // el makes an element: attrs "text" sets textContent, "class" the class, any
  // other key an attribute; children are nodes or strings (text nodes).
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else e.setAttribute(k, String(v));
    }
    e.append(...children.filter((c) => c !== null && c !== undefined));
    return e;
  }

  // plain accepts the engine's answers either as objects or as JSON text, with
  // their model texts translated (see localize).
  function plain(v) {
    return localize(typeof v === "string" ? JSON.parse(v) : v);
  }

  // localize translates, in place, the model texts of an engine answer: the string
  // values of the fields text.models.keys names, as web.ModelTexts.T does. The
  // English page has none, and ids are never translated.
  const textKeys = new Set((text.models && text.models.keys) || []);
  function localize(v) {
    if (!textKeys.size || v === null || typeof v !== "object") return v;
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === "string") {
        if (textKeys.has(k)) v[k] = translate(x);
      } else {
        localize(x);
      }
    }
    return v;
  }

  // describe returns the model's description, asked of the engine once. Should the
  // engine refuse, the result is still shown, with the model id for a name.
  function describe(id) {
    if (!descriptions.has(id)) {
      const d = plain(globalThis.spiegel.describe(id)) || {};
      descriptions.set(id, d.error ? { id: id, name: id, predictors: [] } : d);
    }
    return descriptions.get(id);
  }

  // showModel shows the chosen model's form or group section and its last result,
  // if any.
  function showModel(id) {
    for (const f of forms) f.hidden = f.dataset.model !== id;
    for (const g of groups) g.hidden = g.dataset.group !== id;
    result.replaceChildren(...(shown.has(id) ? [shown.get(id)] : []));
  }

  // show keeps card as the last result of id (a model or group) and shows it.
  function show(id, card) {
    shown.set(id, card);
    result.replaceChildren(card);
    card.scrollIntoView({ block: "start" });
  }

  // forget drops the last result of id, and takes it off the page if it is there.
  function forget(id) {
    const card = shown.get(id);
    shown.delete(id);
    if (card && card.parentNode === result) result.replaceChildren();
  }

  // Engine loading.

  // single is whether the page is the single file, whose engine is the whole one.
  const single = document.getElementById("spiegel-wasm") !== null;

  // engineText returns the engine's base64 text, which the page carries: the single
  // file (make single) holds it in the data block #spiegel-wasm, the served site
  // loads spiegel-wasm.js, which sets globalThis.spiegelWasm. Neither way fetches
  // anything, so the page's policy forbids every connection.
  function engineText() {
    const b64 = single ? document.getElementById("spiegel-wasm").textContent.trim()
      : globalThis.spiegelWasm;
    delete globalThis.spiegelWasm;
    if (typeof b64 !== "string") throw new Error("spiegel-wasm.js did not load");
    return b64;
  }

  // fromBase64 decodes base64 text to bytes, natively where the browser can.
  function fromBase64(b64) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  // waitFor resolves with globalThis[name] once it exists, or rejects after a while.
  function waitFor(name, exited) {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        if (globalThis[name]) resolve(globalThis[name]);
        else if (exited.done) reject(new Error("the engine stopped before it started"));
        else if (Date.now() - started > 10000) reject(new Error("the engine did not start"));
        else setTimeout(poll, 10);
      };
      poll();
    });
  }

  // run starts a wasm program from its base64 text and resolves with the object it
  // sets as globalThis[name], which it takes off globalThis.
  async function run(b64, name) {
    if (typeof Go !== "function") throw new Error("wasm_exec.js did not load");
    const go = new Go();
    const { instance } = await WebAssembly.instantiate(fromBase64(b64), go.importObject);
    const exited = { done: false };
    go.run(instance).finally(() => { exited.done = true; });
    const api = await waitFor(name, exited);
    delete globalThis[name];
    return api;
  }

  // loadEngine runs the engine and resolves once window.spiegel answers. The served
  // site's engine is the calculator's (spiegel.wasm), which sets spiegel; the single
  // file's is the whole engine (spiegel-studio.wasm), which sets spiegelStudio.
  async function loadEngine() {
    globalThis.spiegel = await run(engineText(), single ? "spiegelStudio" : "spiegel");

    // An engine whose models failed to load answers every call with the reason.
    const models = plain(globalThis.spiegel.models());
    if (!Array.isArray(models)) {
      throw new Error(models && models.error ? models.error : "no models");
    }
    if (!single) prepareStudio(globalThis.spiegel);
  }

  // The studio's engine.
  //
  // The calculator's engine leaves out the studio's functions (validation,
  // recalibration, the fault demonstration), which the whole engine,
  // spiegel-studio.wasm, adds. The page loads it when the studio is first opened
  // (spiegelPage.studio), binds in it the parameter file bound in the calculator's
  // engine, if any, and makes it window.spiegel, so that every later call, the
  // calculator's too, goes to it. Until then window.spiegel's studio functions load
  // it first and answer with a Promise, of an error record when it does not load.

  // STUDIO names the studio's functions.
  const STUDIO = ["numbers", "faultDemo", "validate", "recalibrate", "loadModel",
    "population", "syntheticPopulation", "clearPopulation", "exchanges", "faultStart",
    "faultStep", "faultResult"];
  let studio = null; // the promise of the whole engine, once asked for
  let params = null; // the arguments of the last loadParams that passed

  // prepareStudio notes which parameter file the calculator's engine binds, and
  // gives it the studio's functions as stand-ins that load the whole engine.
  function prepareStudio(core) {
    const load = core.loadParams;
    const clear = core.clearParams;
    core.loadParams = (...args) => {
      const r = load(...args);
      if (r && r.passed) params = args;
      return r;
    };
    core.clearParams = (...args) => {
      params = null;
      return clear(...args);
    };
    for (const name of STUDIO) {
      core[name] = (...args) => loadStudio().then(() => globalThis.spiegel[name](...args),
        studioFailed);
    }
  }

  // studioFailed is the answer of a studio function whose engine did not load: an
  // error record, as the engine's own functions answer, so that the caller shows it
  // in the page and the Promise is never rejected.
  function studioFailed(err) {
    const reason = err && err.message ? err.message : String(err);
    return { model: "", error: fill(text.studio_failed, { reason }) };
  }

  // loadStudio resolves once window.spiegel is the whole engine (in the single file,
  // once the engine is ready); a failed load may be tried again.
  function loadStudio() {
    if (!studio) {
      studio = single ? engine : engine.then(startStudio);
      studio.catch(() => { studio = null; });
    }
    return studio;
  }

  // startStudio runs the whole engine, binds the parameter file in it and makes it
  // window.spiegel.
  async function startStudio() {
    const whole = await run(await studioText(), "spiegelStudio");
    if (params) whole.loadParams(...params);
    globalThis.spiegel = whole;
  }

  // studioText adds spiegel-studio-wasm.js to the page, a script like
  // spiegel-wasm.js, so that nothing is fetched, and resolves with the whole engine
  // in base64, which it sets as globalThis.spiegelStudioWasm.
  function studioText() {
    return new Promise((resolve, reject) => {
      const failed = () => reject(new Error("spiegel-studio-wasm.js did not load"));
      const script = document.createElement("script");
      script.src = "spiegel-studio-wasm.js";
      script.onerror = failed;
      script.onload = () => {
        const b64 = globalThis.spiegelStudioWasm;
        delete globalThis.spiegelStudioWasm;
        if (typeof b64 === "string") resolve(b64);
        else failed();
      };
      document.head.append(script);
    });
  }

  // engineReady enables the Calculate buttons, runs the hooks of the other scripts
  // and tells the page (and tests).
  function engineReady() {
    status.textContent = text.engine_ready;
    for (const b of document.querySelectorAll("form[data-model] button[type=submit]")) {
      b.disabled = false;
    }
    for (const hook of readyHooks) hook();
    root.dataset.engine = "ready";
  }

  // engineFailed says, visibly, why nothing can be computed.
  function engineFailed(err) {
    const reason = err && err.message ? err.message : String(err);
    status.textContent = fill(text.engine_failed, { reason: reason });
    status.classList.add("engine-failed");
    status.setAttribute("role", "alert");
    root.dataset.engine = "failed";
  }

  // Scoring a form.

  // collect returns the form's values keyed by predictor id; empty fields are left
  // out so that the engine reports them as missing. Numbers typed with a decimal
  // comma on the Dutch page go to the engine with a point.
  function collect(form) {
    const c = {};
    for (const [name, value] of new FormData(form)) {
      if (value !== "") c[name] = typedValue(form, name, value);
    }
    return c;
  }

  // typedValue is value, typed into form's control name, in the engine's form: a
  // text input's number with a decimal point.
  function typedValue(form, name, value) {
    const ctl = form.elements.namedItem(name);
    return ctl && ctl.type === "text" ? decimalPoint(value) : value;
  }

  // clearErrors removes the marks of the previous attempt, not the values.
  function clearErrors(form) {
    for (const e of form.querySelectorAll(".field-error")) e.textContent = "";
    for (const c of form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
    const summary = form.querySelector(".error-summary");
    summary.replaceChildren();
    summary.hidden = true;
  }

  // showErrors marks each refused field inline and lists the rest at the top of the
  // form. What the user typed stays in the fields. A control whose error element is
  // not its id + "-error" (a radio button) names it in data-error-id.
  function showErrors(form, rec) {
    const model = form.dataset.model;
    const errors = rec.errors && rec.errors.length ? rec.errors : [{ message: rec.error }];
    const loose = [];
    const fields = [];
    let first = null;
    for (const e of errors) {
      const control = e.field ? form.querySelector(`[name="${CSS.escape(e.field)}"]`) : null;
      if (!control) {
        loose.push(e.field ? e.field + ": " + errorText(e, model) : errorText(e, model));
        continue;
      }
      // The refused value as the user typed it ("5,9"), not as the engine got it.
      const said = control.type === "text" && e.value && decimalPoint(control.value) === e.value
        ? errorText({ ...e, value: control.value }, model) : errorText(e, model);
      const out = document.getElementById(control.dataset.errorId || control.id + "-error");
      out.textContent = out.textContent ? out.textContent + "; " + said : said;
      if (!control.hasAttribute("aria-invalid")) {
        fields.push(fieldLink(labelOf(control) || relatedLabel({ related: e.field }, model),
          control));
      }
      control.setAttribute("aria-invalid", "true");
      first = first || control;
    }
    const summary = form.querySelector(".error-summary");
    summary.append(el("p", { class: "error-title", text: text.not_scored }));
    if (fields.length) {
      summary.append(el("p", { text: fill(text.field_errors, { count: fields.length }) }),
        el("ul", { class: "error-fields", "data-testid": "error-fields" }, ...fields));
    }
    if (loose.length) summary.append(el("ul", {}, ...loose.map((m) => el("li", { text: m }))));
    summary.hidden = false;
    if (first) first.focus();
  }

  // fieldLink is an item of the error summary: a button with the field's label that
  // moves the focus to the field (a button, so that nothing goes into the URL).
  function fieldLink(label, control) {
    const b = el("button", { type: "button", class: "link-button", text: label });
    b.addEventListener("click", () => control.focus());
    return el("li", {}, b);
  }

  // today is this computer's date as YYYY-MM-DD, in its own time zone.
  function today() {
    const d = new Date(), two = (n) => String(n).padStart(2, "0");
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  // dateErrors refuses a date the browser cannot read (the engine, sent nothing, would
  // say missing) and any date after today (the engine has no clock); dates as the date
  // inputs give them (YYYY-MM-DD) compare as text.
  function dateErrors(form, c) {
    const now = today();
    return Array.from(form.querySelectorAll("input[type=date]")).flatMap((i) =>
      i.validity.badInput ? [{ field: i.name, code: "not_date", message: "not a date" }]
      : c[i.name] && /^\d{4}-\d{2}-\d{2}$/.test(c[i.name]) && c[i.name] > now
        ? [{ field: i.name, value: c[i.name], message: fill(text.date_future, { today: now }) }]
        : []);
  }

  // score sends the form's case to the engine and shows the result or the errors,
  // the page's own (a date in the future) with the engine's.
  function score(form) {
    if (!globalThis.spiegel) return;
    const id = form.dataset.model;
    clearErrors(form);
    const c = collect(form);
    const own = dateErrors(form, c);
    let rec;
    try {
      rec = plain(globalThis.spiegel.score(id, c));
      if (own.length) {
        const engine = rec.error ? rec.errors || [{ message: rec.error }] : [];
        const errors = own.concat(engine.filter((e) => !own.some((o) => o.field === e.field)));
        rec = { error: errors.map((e) => errorText(e, id)).join("; "), errors };
      }
      if (!rec.error) showResult(id, rec, c);
    } catch (err) {
      rec = { error: String(err && err.message ? err.message : err) };
    }
    if (rec.error) {
      shown.delete(id);
      result.replaceChildren();
      showErrors(form, rec);
    }
  }

  // showResult puts a record's result card in the result region.
  function showResult(id, rec, c) {
    const card = renderResult(rec, describe(id), c);
    show(id, card);
  }

  // Rendering a result.

  // horizonName reads a horizon as "within 2 years".
  function horizonName(h) {
    if (h.length === undefined) return h.label;
    const one = h.length === 1;
    const unit = text["unit_" + h.unit + (one ? "" : "s")] || h.unit;
    return fill(text.within, { length: h.length, unit: unit });
  }

  // probabilityTable has a row per horizon: probability as a percentage, with the
  // exact value in data-probability and in its own column, band and intercept.
  function probabilityTable(rec, d) {
    const horizons = d.horizons || Object.keys(rec.probabilities || {}).map((label) => ({ label }));
    const hasBands = rec.bands && horizons.some((h) => rec.bands[h.label]);
    const hasIntercepts = !!rec.intercepts;
    const head = el("tr", {},
      el("th", { scope: "col", text: text.horizon }),
      el("th", { scope: "col", text: text.probability }),
      hasBands ? el("th", { scope: "col", text: text.band }) : null,
      el("th", { scope: "col", text: text.exact }),
      hasIntercepts ? el("th", { scope: "col", text: text.intercept }) : null);
    const rows = horizons.map((h) => {
      const p = rec.probabilities[h.label];
      const band = rec.bands && rec.bands[h.label];
      return el("tr", { "data-testid": "horizon-" + h.label },
        el("th", { scope: "row", text: horizonName(h) }),
        el("td", {
          class: "probability", "data-testid": "prob-" + h.label,
          "data-probability": String(p), text: pct.format(p),
        }),
        hasBands
          ? el("td", { "data-testid": "band-" + h.label, text: band ? band.label : "" })
          : null,
        el("td", { class: "exact", text: localNumber(p) }),
        hasIntercepts
          ? el("td", { class: "number", text: localNumber(rec.intercepts[h.label]) })
          : null);
    });
    return el("table", { class: "probabilities" }, el("thead", {}, head), el("tbody", {}, ...rows));
  }

  // inputText describes the inputs a contribution read: each input's label and
  // the value it had (a derived value, a level's label, or what was typed). The
  // label is left out when it is the term's own.
  function inputText(ctr, rec, d, c) {
    const named = (label, value) => (label === ctr.label ? value : label + ": " + value);
    return ctr.inputs.map((input, i) => {
      const derived = (rec.derived || []).find((v) => v.id === input);
      if (derived) return named(derived.label, localNumber(derived.value));
      const p = (d.predictors || []).find((v) => v.id === input);
      if (!p) return input;
      const key = ctr.key && ctr.key[i] !== undefined ? ctr.key[i] : c[input];
      const level = (p.levels || []).find((l) => l.id === key);
      return named(p.label, level ? level.label : localNumber(key));
    }).join("; ");
  }

  // contributionTable lists each term's addend to the linear predictor, and the sum.
  function contributionTable(rec, d, c) {
    const rows = (rec.contributions || []).map((ctr) => el("tr",
      { "data-testid": "term-" + ctr.term },
      el("th", { scope: "row", text: ctr.label }),
      el("td", { text: inputText(ctr, rec, d, c) }),
      el("td", {
        class: "number", "data-value": String(ctr.value), text: lpFormat.format(ctr.value),
      })));
    const foot = rec.linear_predictor === undefined ? null : el("tfoot", {}, el("tr", {},
      el("th", { scope: "row", colspan: 2, text: text.linear_predictor }),
      el("td", {
        class: "number", "data-testid": "linear-predictor",
        "data-value": String(rec.linear_predictor), text: lpFormat.format(rec.linear_predictor),
      })));
    return el("table", { class: "contributions" },
      el("caption", { text: text.contrib_caption }),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: text.term }),
        el("th", { scope: "col", text: text.inputs }),
        el("th", { scope: "col", text: text.value }))),
      el("tbody", {}, ...rows), foot);
  }

  // pairs is a description list of [label, value, test id] triples.
  function pairs(list, testPrefix) {
    return el("dl", { class: "pairs" }, ...list.flatMap(([label, value, testId, exact]) => [
      el("dt", { text: label }),
      el("dd", { text: value, "data-testid": testId ? testPrefix + testId : null,
        "data-value": exact }),
    ]));
  }

  // renderResult builds the result card: probabilities, warnings, contributions,
  // derived values and what computed them. extra, optional, holds nodes to put in
  // place of the synthetic mark and notice (top), after the probabilities
  // (probabilities) and after the contributions (contributions).
  function renderResult(rec, d, c, extra) {
    const more = extra || {};
    const card = el("article", { class: "result-card", "data-model": rec.model },
      el("h2", { text: fill(text.result_for, { model: d.name }) }));
    if (more.top) {
      card.append(...more.top);
    } else {
      if (rec.synthetic) card.append(el("p", { class: "notice synthetic", text: text.synthetic }));
      const notice = rec.notice || d.notice;
      if (notice) card.append(el("p", { class: "notice", "data-testid": "notice", text: notice }));
    }
    card.append(probabilityTable(rec, d), ...(more.probabilities || []));
    if (rec.bands && rec.bands.total) {
      card.append(pairs([[text.total_band, rec.bands.total.label, "total"]], "band-"));
    }
    if (rec.warnings && rec.warnings.length) {
      card.append(el("h3", { text: text.warnings }),
        el("ul", { class: "warnings", "data-testid": "warnings" },
          ...warningTexts(rec).map((w) => el("li", { text: w }))));
    }
    card.append(el("h3", { text: text.contributions }), contributionTable(rec, d, c));
    if (rec.centring) {
      card.append(el("p", { class: "note", text: text.centring + ": " + localNumber(rec.centring) }));
    }
    card.append(...(more.contributions || []));
    if (rec.derived && rec.derived.length) {
      card.append(el("h3", { text: text.derived }),
        pairs(rec.derived.map((v) => [v.label, shortNumber(v.value), v.id, v.value]),
          "derived-"));
    }
    card.append(el("h3", { text: text.identity }), pairs([
      [text.model_id, rec.model, "model"],
      [text.version, rec.version, "version"],
      [text.trust, rec.trust, "trust"],
      [text.sha256, rec.definition_sha256, "sha256"],
      rec.params_sha256 ? [text.params_sha256, rec.params_sha256, "params-sha256"] : null,
      rec.issuer ? [text.issuer, rec.issuer, "issuer"] : null,
      [text.citation, d.citation, "citation"],
    ].filter(Boolean), "id-"));
    // Other scripts add their parts to a result card (faults.js: the proxy lens).
    for (const hook of resultHooks) hook(card, rec, d, c);
    return card;
  }

  // Sharing with the other scripts.
  globalThis.spiegelPage = Object.freeze({
    text, el, fill, plain, pct, clearErrors, showErrors, errorText, localNumber, translate,
    shortNumber, measureWarnings,
    populationLabel, reasonText, describe,
    horizonName, contributionTable, renderResult, show, forget, edited, decimalPoint,
    onResult: (hook) => { resultHooks.push(hook); },
    onReady: (hook) => {
      if (root.dataset.engine === "ready") hook();
      else readyHooks.push(hook);
    },
    // studio resolves once window.spiegel has the studio's functions (see
    // loadStudio); validate.js and faults.js call it when their section is opened.
    studio: () => loadStudio(),
  });

  // Wiring.

  picker.addEventListener("change", () => showModel(picker.value));
  for (const f of forms) {
    f.addEventListener("submit", (ev) => {
      ev.preventDefault();
      score(f);
    });
    // Clear case (a reset button) empties the fields; the errors and result go too.
    f.addEventListener("reset", () => {
      clearErrors(f);
      shown.delete(f.dataset.model);
      result.replaceChildren();
    });
  }

  // edited reports whether a form holds anything its page did not load with.
  function edited(form) {
    return Array.from(form.elements).some((c) => {
      if (c.type === "checkbox" || c.type === "radio") return c.checked !== c.defaultChecked;
      if (c.tagName === "SELECT") {
        // A list not filled yet (the studio's, until its engine is there) is untouched.
        if (!c.options.length) return false;
        const first = Array.from(c.options).findIndex((o) => o.defaultSelected);
        return c.selectedIndex !== Math.max(first, 0);
      }
      return c.type !== "file" && "defaultValue" in c && c.value !== c.defaultValue;
    });
  }

  // Leaving the page while a form holds typed values asks first (in the browser's
  // words), since nothing typed is kept anywhere once the page is gone.
  window.addEventListener("beforeunload", (ev) => {
    if (Array.from(document.forms).some(edited)) ev.preventDefault();
  });
  showModel(picker.value);
  const engine = loadEngine();
  engine.then(engineReady, engineFailed);
})();
