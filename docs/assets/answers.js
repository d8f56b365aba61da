// Positief in Gesprek: answer the worksheets' questions online.
//
// Answers are kept in this browser only (localStorage), keyed by worksheet
// and question id; nothing is sent anywhere. Loaded on pages that list it under
// `scripts:` in their front matter. Answers are always handled as text: they go
// into `value` and `textContent`, never into markup.
(function () {
  "use strict";

  var VERSION = 1;
  // One store per site, also when several sites share a host (Material's scope).
  var scope = typeof __md_scope !== "undefined" ? __md_scope.pathname : "/";
  var KEY = scope + "pig.answers";
  var SAVE_DELAY = 300;

  // --- Storage ----------------------------------------------------------------

  // Read the stored answers: { answers: {"sheet/question": {text, updated}}, problem }.
  function load() {
    var raw;
    try {
      raw = window.localStorage.getItem(KEY);
    } catch (error) {
      return { answers: {}, problem: "Je browser staat niet toe dat antwoorden worden bewaard." };
    }
    if (raw === null) return { answers: {}, problem: null };
    var parsed = parseStore(raw);
    if (!parsed) {
      return { answers: {}, problem: "Je bewaarde antwoorden zijn beschadigd of van een oudere versie en worden niet gebruikt." };
    }
    return { answers: parsed, problem: null };
  }

  // The answers of a stored or exported JSON text, or null when it is not one.
  function parseStore(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!data || typeof data !== "object" || data.version !== VERSION) return null;
    if (!data.answers || typeof data.answers !== "object" || Array.isArray(data.answers)) return null;
    var answers = {};
    for (var key in data.answers) {
      if (!Object.prototype.hasOwnProperty.call(data.answers, key)) continue;
      var entry = data.answers[key];
      if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(key) || !entry || typeof entry.text !== "string") return null;
      answers[key] = { text: entry.text, updated: typeof entry.updated === "string" ? entry.updated : "" };
    }
    return answers;
  }

  function serialise(answers) {
    return JSON.stringify({ version: VERSION, app: "positief-in-gesprek", answers: answers }, null, 2);
  }

  // Write all answers; returns a message when that fails (storage full).
  function save(answers) {
    try {
      window.localStorage.setItem(KEY, serialise(answers));
      return null;
    } catch (error) {
      return "Opslaan lukt niet: de opslag van je browser is vol of uitgeschakeld. Exporteer je antwoorden om ze te bewaren.";
    }
  }

  function setAnswer(key, text) {
    var state = load();
    if (state.problem) return state.problem;
    if (text.trim()) {
      state.answers[key] = { text: text, updated: new Date().toISOString() };
    } else {
      delete state.answers[key];
    }
    return save(state.answers);
  }

  // --- Answer fields on a worksheet or reflection -----------------------------

  function showMessage(text) {
    document.querySelectorAll("[data-pig-message]").forEach(function (box) {
      box.textContent = text || "";
    });
  }

  function questionText(item) {
    var text = item.querySelector(".pig-ws__text");
    if (text) return text;
    // A reflection page's list item: its own text, before any sub-list.
    var span = document.createElement("span");
    span.className = "pig-answer__question";
    while (item.firstChild && !(item.firstChild.nodeType === 1 && item.firstChild.tagName === "UL")) {
      span.appendChild(item.firstChild);
    }
    item.insertBefore(span, item.firstChild);
    return span;
  }

  function addField(item, sheetId, answers) {
    var questionId = item.dataset.question;
    var key = sheetId + "/" + questionId;
    var id = "pig-answer-" + sheetId + "-" + questionId;
    var text = questionText(item);
    text.id = id + "-vraag";

    var field = document.createElement("div");
    field.className = "pig-answer";
    var label = document.createElement("label");
    label.className = "pig-answer__label pig-sr";
    label.id = id + "-label";
    label.htmlFor = id;
    label.textContent = "Jouw antwoord";
    var area = document.createElement("textarea");
    area.id = id;
    area.className = "pig-answer__field";
    // As tall as the ruled lines it replaces on screen, so nothing moves.
    var lines = item.querySelectorAll(".pig-ws__lines span").length || 3;
    area.rows = lines;
    area.style.height = lines * 1.7 + "em";
    area.setAttribute("aria-labelledby", label.id + " " + text.id);
    area.value = answers[key] ? answers[key].text : "";
    var printed = document.createElement("div");
    printed.className = "pig-answer__print";
    printed.setAttribute("aria-hidden", "true");
    printed.textContent = area.value;
    item.classList.toggle("pig-answered", Boolean(area.value.trim()));

    var timer = null;
    function store() {
      timer = null;
      var problem = setAnswer(key, area.value);
      showMessage(problem);
    }
    area.addEventListener("input", function () {
      printed.textContent = area.value;
      item.classList.toggle("pig-answered", Boolean(area.value.trim()));
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(store, SAVE_DELAY);
    });
    // Never lose the last keystrokes when the reader leaves at once.
    area.addEventListener("blur", function () { if (timer) { window.clearTimeout(timer); store(); } });
    window.addEventListener("pagehide", function () { if (timer) { window.clearTimeout(timer); store(); } });

    field.appendChild(label);
    field.appendChild(area);
    var ruled = item.querySelector(".pig-ws__lines");
    item.insertBefore(field, ruled);
    item.insertBefore(printed, ruled);
  }

  function setUpFields() {
    var state = load();
    showMessage(state.problem);
    // Worksheet pages (not the werkmap, which prints blank sheets) and reflections.
    var lists = document.querySelectorAll(
      ".md-content__inner > .pig-ws, .pig-questions[data-worksheet]"
    );
    lists.forEach(function (list) {
      var sheetId = list.dataset.worksheet;
      list.querySelectorAll("[data-question]:not([data-no-answer])").forEach(function (item) {
        if (item.closest(".pig-ws__copy") || item.querySelector(".pig-answer")) return;
        addField(item, sheetId, state.answers);
      });
    });
    var toggle = document.querySelector("[data-pig-print-answers]");
    if (toggle) {
      var apply = function () {
        document.documentElement.classList.toggle("pig-print-answers", toggle.checked);
      };
      toggle.addEventListener("change", apply);
      apply();
    }
  }

  // --- "Mijn antwoorden" ------------------------------------------------------

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // The answers as readable Markdown, grouped by worksheet in book order.
  function asMarkdown(mine, answers) {
    var out = ["# Mijn antwoorden — Positief in Gesprek", ""];
    mine.querySelectorAll(".pig-mine__sheet").forEach(function (sheet) {
      var items = [];
      sheet.querySelectorAll(".pig-mine__item").forEach(function (item) {
        var entry = answers[sheet.dataset.worksheet + "/" + item.dataset.question];
        if (entry) items.push("**" + item.querySelector("dt").textContent + "**", "", entry.text, "");
      });
      if (items.length) out.push("## " + sheet.querySelector("h2").textContent, "");
      out.push.apply(out, items);
    });
    return out.join("\n");
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  // Ask with buttons in the page; calls back with the chosen value or null.
  function ask(mine, question, choices, done) {
    var box = mine.querySelector("[data-pig-confirm]");
    var buttons = box.querySelector("[data-pig-confirm-buttons]");
    box.querySelector("[data-pig-confirm-text]").textContent = question;
    buttons.textContent = "";
    choices.concat([["Annuleren", null]]).forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button" + (choice[1] ? " md-button--primary" : "");
      button.textContent = choice[0];
      button.addEventListener("click", function () {
        box.hidden = true;
        done(choice[1]);
      });
      buttons.appendChild(button);
    });
    box.hidden = false;
    buttons.firstChild.focus();
  }

  function showMine(mine, answers) {
    var any = false;
    mine.querySelectorAll(".pig-mine__sheet").forEach(function (sheet) {
      var shown = false;
      sheet.querySelectorAll(".pig-mine__item").forEach(function (item) {
        var entry = answers[sheet.dataset.worksheet + "/" + item.dataset.question];
        item.hidden = !entry;
        item.querySelector(".pig-mine__answer").textContent = entry ? entry.text : "";
        shown = shown || Boolean(entry);
      });
      sheet.hidden = !shown;
      any = any || shown;
    });
    mine.querySelector("[data-pig-empty]").hidden = any;
  }

  function describe(mine, answers) {
    var count = Object.keys(answers).length;
    var sheets = {};
    Object.keys(answers).forEach(function (key) { sheets[key.split("/")[0]] = true; });
    var titles = [];
    mine.querySelectorAll(".pig-mine__sheet").forEach(function (sheet) {
      if (sheets[sheet.dataset.worksheet]) titles.push(sheet.querySelector("h2").textContent);
    });
    return count + (count === 1 ? " antwoord" : " antwoorden") +
      (titles.length ? " bij: " + titles.join("; ") : "");
  }

  function setUpMine(mine) {
    var message = mine.querySelector("[data-pig-message]");
    var state = load();
    message.textContent = state.problem || "";
    showMine(mine, state.answers);

    mine.querySelectorAll("[data-pig-export]").forEach(function (button) {
      button.addEventListener("click", function () {
        var answers = load().answers;
        if (button.dataset.pigExport === "json") {
          download("mijn-antwoorden-" + today() + ".json", "application/json", serialise(answers));
        } else {
          download("mijn-antwoorden-" + today() + ".md", "text/markdown", asMarkdown(mine, answers));
        }
      });
    });

    mine.querySelector("[data-pig-import]").addEventListener("change", function (event) {
      var input = event.target;
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        input.value = "";
        var imported = parseStore(text);
        if (!imported) {
          message.textContent = "Dit bestand is geen export van Mijn antwoorden; er is niets veranderd.";
          return;
        }
        ask(mine, "Het bestand bevat " + describe(mine, imported) + ". Samenvoegen met wat hier staat, of alles vervangen?",
          [["Samenvoegen", "merge"], ["Vervangen", "replace"]], function (choice) {
            if (!choice) {
              message.textContent = "Importeren geannuleerd; er is niets veranderd.";
              return;
            }
            var current = load();
            var answers = choice === "replace" || current.problem ? {} : current.answers;
            Object.keys(imported).forEach(function (key) { answers[key] = imported[key]; });
            var problem = save(answers);
            message.textContent = problem || "Geïmporteerd: " + describe(mine, imported) + ".";
            showMine(mine, load().answers);
          });
      });
    });

    mine.querySelector("[data-pig-clear]").addEventListener("click", function () {
      ask(mine, "Alle antwoorden op dit apparaat wissen? Dat kan niet ongedaan worden gemaakt.",
        [["Alles wissen", "clear"]], function (choice) {
          if (!choice) return;
          try {
            window.localStorage.removeItem(KEY);
            message.textContent = "Alle antwoorden zijn gewist.";
          } catch (error) {
            message.textContent = "Wissen lukt niet in deze browser.";
          }
          showMine(mine, {});
        });
    });
  }

  function start() {
    document.documentElement.classList.add("pig-answers-ready");
    document.querySelectorAll("[data-pig-nojs]").forEach(function (el) { el.hidden = true; });
    var mine = document.querySelector("[data-pig-mine]");
    if (mine) setUpMine(mine);
    else setUpFields();
  }

  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
