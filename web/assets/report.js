// report.js: what the printed report adds to the result on the page. When a result
// card appears, it puts at its top a block that only print shows (report.css): the
// report's heading, the product version, the date of printing, the intended use
// and the inputs as they stood in the form when the result was computed. It also
// shows the print-only synthetic mark, which print repeats on every page, while
// the result on the page used synthetic numbers. The date is the browser's, taken
// again whenever the page is printed; nothing is stored or sent.
"use strict";

(() => {
  const page = globalThis.spiegelPage;
  const result = document.getElementById("result");
  const mark = document.querySelector("[data-testid=print-synthetic]");
  if (!page || !result || !mark) return;
  const { el, fill } = page;
  const msg = page.text.report;
  const lang = document.documentElement.lang || "en";
  const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" });

  // shownForm returns the visible case form and the element holding its intended
  // use: a model's form, or the form of a group's section.
  function shownForm() {
    const form = document.querySelector("form[data-model]:not([hidden])");
    if (form) return { form, info: form };
    const section = document.querySelector("section.group-section:not([hidden])");
    return section ? { form: section.querySelector("form"), info: section } : {};
  }

  // answerOf is what a field shows: the chosen option's or radio's words, or what
  // was typed; empty when unanswered.
  function answerOf(field) {
    const parts = [];
    for (const c of field.querySelectorAll("select, input")) {
      if (c.type === "file" || c.closest("[hidden]")) continue;
      if (c.tagName === "SELECT") {
        if (c.value !== "") parts.push(c.selectedOptions[0].textContent.trim());
      } else if (c.type === "radio" || c.type === "checkbox") {
        if (c.checked) parts.push(c.closest("label").textContent.trim());
      } else if (c.value !== "") {
        parts.push(c.value);
      }
    }
    return parts.join(", ");
  }

  // inputsTable lists each visible field of form with its answer.
  function inputsTable(form) {
    const rows = [];
    for (const field of form.querySelectorAll(".field")) {
      if (field.closest("[hidden]") || field.querySelector(".field")) continue;
      const name = field.querySelector(":scope > label, :scope > legend");
      const answer = answerOf(field);
      rows.push(el("tr", {}, el("th", { scope: "row", text: name ? name.textContent.trim() : "" }),
        el("td", { text: answer || msg.empty })));
    }
    return el("table", { class: "report-inputs", "data-testid": "report-inputs" },
      el("caption", { text: msg.inputs_title }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: msg.field }),
        el("th", { scope: "col", text: msg.answer }))),
      el("tbody", {}, ...rows));
  }

  // metaBlock is the print-only block for the result now shown.
  function metaBlock() {
    const { form, info } = shownForm();
    const use = info && info.querySelector("[data-testid=intended-use]");
    const version = globalThis.spiegel ? String(globalThis.spiegel.version) : "";
    return el("div", { class: "report-meta", "data-testid": "report-meta" },
      el("p", { class: "report-heading", text: msg.heading }),
      el("p", { class: "report-date", "data-testid": "report-date" }),
      el("p", { "data-testid": "report-product", text: fill(msg.product, { version }) }),
      use ? el("p", { "data-testid": "report-use" }, el("strong", { text: msg.intended_use + ": " }),
        use.textContent.trim()) : null,
      form ? inputsTable(form) : null);
  }

  // stamp writes the date and time of now into every report block.
  function stamp() {
    const date = fill(msg.printed, { date: dateFormat.format(new Date()) });
    for (const p of document.querySelectorAll(".report-date")) p.textContent = date;
  }

  // update adds the block to a new result card (a card shown again keeps its
  // own) and shows the synthetic mark while the card is synthetic.
  function update() {
    const card = result.querySelector(".result-card");
    if (card && !card.querySelector(".report-meta")) {
      card.querySelector("h2").after(metaBlock());
      stamp();
    }
    mark.hidden = !(card && card.querySelector(".synthetic, .synthetic-banner, .synthetic-tag"));
  }

  new MutationObserver(update).observe(result, { childList: true });
  window.addEventListener("beforeprint", stamp);
  window.matchMedia("print").addEventListener("change", (ev) => {
    if (ev.matches) stamp();
  });
  const button = document.querySelector("[data-action=print]");
  if (button) button.addEventListener("click", () => window.print());
})();
