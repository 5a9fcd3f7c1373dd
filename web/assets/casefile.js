// casefile.js: the fictional demo cases, and saving and opening the case in the
// form as a local JSON file. A demo case or an opened file only fills a form; the
// engine judges the values when Calculate is pressed. Saving builds the file in
// the browser (a Blob behind a download link) and sends nothing anywhere; opening
// reads the chosen file in the browser and changes the form only when every value
// in it fits, so that nothing typed is lost to a bad file, and, when the form holds
// values the user entered, only after asking.
"use strict";

(() => {
  const page = globalThis.spiegelPage;
  const tools = document.querySelector("[data-testid=case-tools]");
  if (!page || !tools) return;
  const { el, fill } = page;
  const msg = page.text.case;
  const picker = document.getElementById("model-picker");
  const status = tools.querySelector("[data-testid=case-status]");
  const opener = tools.querySelector("[data-testid=open-case]");
  const asker = tools.querySelector("dialog[data-testid=case-replace]");
  const demos = JSON.parse(document.getElementById("spiegel-demo-cases").textContent);

  // FORMAT is the format tag of a saved case; MAX_KB bounds the file opened.
  const FORMAT = "spiegel-case/1";
  const MAX_KB = 256;

  // formOf returns the case form of a model or group id, or null.
  function formOf(id) {
    for (const f of document.querySelectorAll("form[data-model], form[data-group]")) {
      if ((f.dataset.model || f.dataset.group) === id) return f;
    }
    return null;
  }

  // say puts a message, and optionally a list of reasons, in the status region.
  function say(message, reasons) {
    status.replaceChildren(el("p", { text: message }));
    if (reasons && reasons.length) {
      status.append(el("ul", { "data-testid": "case-errors" },
        ...reasons.map((r) => el("li", { text: r }))));
    }
  }

  // choose shows a model's form, as the picker would.
  function choose(id) {
    if (picker.value === id) return;
    picker.value = id;
    picker.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // showDemos lists only the demo cases of the chosen model.
  function showDemos() {
    const items = tools.querySelectorAll(".demo-list li[data-model]");
    let any = false;
    for (const li of items) {
      li.hidden = li.dataset.model !== picker.value;
      any = any || !li.hidden;
    }
    tools.querySelector("[data-testid=demo-cases]").hidden = !any;
  }

  // Filling a form.

  // fillForm sets every named control of form from values (missing names are
  // emptied; numbers in text inputs written the page's way) and tells the other
  // scripts, as typing would.
  function fillForm(form, values) {
    for (const c of form.elements) {
      if (!c.name || c.type === "file" || c.tagName === "BUTTON") continue;
      const v = Object.hasOwn(values, c.name) ? values[c.name] : "";
      if (c.type === "radio" || c.type === "checkbox") c.checked = c.value === v;
      else c.value = c.type === "text" ? page.localNumber(v) : v;
    }
    for (const c of form.elements) {
      if (!c.name || c.type === "file") continue;
      c.dispatchEvent(new Event("input", { bubbles: true }));
      c.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  // replaceCase empties the form of model id, drops its last result (which was
  // for other values) and fills in values.
  function replaceCase(form, id, values) {
    form.reset();
    page.forget(id);
    fillForm(form, values);
  }

  // loadDemo fills the demo case's form and, when it needs the synthetic training
  // parameters and no parameter file is in use, loads them.
  function loadDemo(id) {
    const demo = demos.find((d) => d.id === id);
    const form = demo && formOf(demo.model);
    if (!form) return;
    choose(demo.model);
    replaceCase(form, demo.model, demo.case);
    let message = fill(msg.demo_loaded, { name: demo.name });
    const section = form.closest("section.group-section");
    const blocked = section && section.querySelector("[data-testid=not-computable]");
    if (demo.params === "synthetic" && blocked && !blocked.hidden) {
      section.querySelector("[data-action=load-synthetic]").click();
      message += " " + msg.demo_params;
    }
    say(message);
  }

  // Saving.

  // caseOf returns the form's answered values by control name.
  function caseOf(form) {
    const c = {};
    for (const ctl of form.elements) {
      if (!ctl.name || ctl.type === "file" || ctl.tagName === "BUTTON") continue;
      if ((ctl.type === "radio" || ctl.type === "checkbox") && !ctl.checked) continue;
      // A number typed with a decimal comma is saved with a point, as the engine
      // reads it, so that the file opens in either language.
      if (ctl.value !== "") {
        c[ctl.name] = ctl.type === "text" ? page.decimalPoint(ctl.value) : ctl.value;
      }
    }
    return c;
  }

  // save writes the chosen model's case to spiegel-case-<model>.json through a
  // download link to a Blob; nothing leaves the browser.
  function save() {
    const form = formOf(picker.value);
    if (!form) return;
    const doc = { format: FORMAT, model: picker.value, case: caseOf(form) };
    const blob = new Blob([JSON.stringify(doc, null, 1) + "\n"], { type: "application/json" });
    const name = "spiegel-case-" + picker.value + ".json";
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name, hidden: "" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    say(fill(msg.saved, { file: name }));
  }

  // Opening.

  // controlOf returns form's control (or radio group) named name, or null:
  // namedItem alone would also find a control by its id.
  function controlOf(form, name) {
    const ctl = form.elements.namedItem(name);
    return ctl instanceof RadioNodeList || (ctl && ctl.name === name) ? ctl : null;
  }

  // labelOf names a control as the page labels it, with its name.
  function labelOf(form, name) {
    const ctl = controlOf(form, name);
    const one = ctl instanceof RadioNodeList ? ctl[0] : ctl;
    const label = one && one.id ? form.querySelector(`label[for="${CSS.escape(one.id)}"]`) : null;
    const legend = one && one.closest("fieldset") ? one.closest("fieldset").querySelector("legend") : null;
    const words = (label || legend || {}).textContent;
    return words ? words.trim() + " (" + name + ")" : name;
  }

  // fieldError returns why value cannot go into the control name of form, or "".
  // A date input silently empties a value that is not a real YYYY-MM-DD date, so
  // the value is tried on a detached input of the same type first.
  function fieldError(form, name, value) {
    const ctl = controlOf(form, name);
    if (!ctl || ctl.type === "file" || ctl.tagName === "BUTTON") return msg.no_field;
    if (typeof value !== "string") return msg.not_text;
    const choices = ctl instanceof RadioNodeList ? Array.from(ctl).map((r) => r.value)
      : ctl.tagName === "SELECT" ? Array.from(ctl.options).map((o) => o.value) : null;
    if (choices && !choices.includes(value)) return fill(msg.not_an_answer, { value });
    if (ctl.type === "date") {
      const probe = el("input", { type: "date" });
      probe.value = value;
      if (probe.value !== value) return fill(msg.not_a_date, { value });
    }
    return "";
  }

  // check returns the form a parsed case file fills, and its errors, one per field.
  function check(doc) {
    if (!doc || typeof doc !== "object" || doc.format !== FORMAT) {
      return { errors: [fill(msg.bad_format, { format: FORMAT })] };
    }
    const form = typeof doc.model === "string" ? formOf(doc.model) : null;
    if (!form) return { errors: [fill(msg.bad_model, { model: String(doc.model) })] };
    if (!doc.case || typeof doc.case !== "object" || Array.isArray(doc.case)) {
      return { errors: [msg.no_case] };
    }
    const errors = [];
    const c = {};
    for (const [name, raw] of Object.entries(doc.case)) {
      // A finite JSON number is taken as its text, as the engine takes it.
      const value = typeof raw === "number" && Number.isFinite(raw) ? String(raw) : raw;
      const why = fieldError(form, name, value);
      if (why) errors.push(labelOf(form, name) + ": " + why);
      c[name] = value;
    }
    return { form, errors, c };
  }

  // open reads the chosen file and, when it fits, fills its model's form.
  async function open() {
    const file = opener.files && opener.files[0];
    if (!file) return;
    const refuse = (reason) => say(fill(msg.refused, { file: file.name }), [reason].flat());
    try {
      if (file.size > MAX_KB * 1024) return refuse(fill(msg.too_big, { max: MAX_KB }));
      let doc;
      try {
        doc = JSON.parse(await file.text());
      } catch (err) {
        return refuse(fill(msg.not_json, { reason: err.message }));
      }
      const { form, errors, c } = check(doc);
      if (errors.length) return refuse(errors);
      if (page.edited(form) && !(await askReplace(doc.model, file.name))) {
        return say(fill(msg.kept, { file: file.name }));
      }
      choose(doc.model);
      replaceCase(form, doc.model, c);
      return say(fill(msg.opened, { file: file.name }));
    } finally {
      opener.value = "";
    }
  }

  // askReplace asks, in the page's modal dialog, whether the file may replace the
  // values entered in the form of model; it resolves true only for the replace
  // button. Escape and the keep button (focused first) keep the form. Focus goes
  // back to the file chooser.
  function askReplace(model, file) {
    const option = Array.from(picker.options).find((o) => o.value === model);
    asker.querySelector("[data-testid=case-replace-text]").textContent =
      fill(msg.replace_text, { model: option ? option.text : model, file });
    return new Promise((resolve) => {
      asker.returnValue = "";
      asker.addEventListener("close", () => {
        opener.focus();
        resolve(asker.returnValue === "replace");
      }, { once: true });
      asker.showModal();
    });
  }

  // Wiring.

  for (const b of asker.querySelectorAll("button[data-action]")) {
    b.addEventListener("click", () => asker.close(b.dataset.action));
  }

  for (const b of tools.querySelectorAll("button[data-demo]")) {
    b.addEventListener("click", () => loadDemo(b.dataset.demo));
  }
  tools.querySelector("[data-action=save-case]").addEventListener("click", save);
  opener.addEventListener("change", open);
  picker.addEventListener("change", showDemos);
  page.onReady(() => {
    for (const b of tools.querySelectorAll("button[data-demo]")) b.disabled = false;
  });
  showDemos();
})();
