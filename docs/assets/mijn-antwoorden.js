// Positief in Gesprek: "Mijn antwoorden", everything the reader filled in.
//
// Shows the answers of every sheet, the mindset test's result per area
// (window.pigResult of mindset-result.js), the conversation plans and
// answers to questions this edition lacks; prints them, exports them (a
// backup, a readable page), brings a backup back in and wipes them. Loaded
// on that page only (front matter `scripts:`), after answers.js and
// mindset-result.js; answers.js starts it (pigStore.setUpMine).
(function () {
  "use strict";

  var store = window.pigStore;
  if (!store) return; // answers.js missing: the page keeps its notice
  var core = store.core;
  var has = core.has;
  var element = core.element;
  var all = store.all;
  var NAME = core.NAME;
  var PLAN = store.PLAN;
  var ANSWER = core.ANSWER;

  function bookAreasOf(mine) {
    var box = mine.querySelector("[data-pig-mine-mindset]");
    return box && box.dataset.areas ? box.dataset.areas.split(" ") : ["werk", "sport", "relaties"];
  }

  function showMine(mine) {
    var items = all();
    var any = false;
    var name = has(items, NAME) ? items[NAME].text : "";
    mine.querySelectorAll(".pig-mine__sheet[data-worksheet]").forEach(function (sheet) {
      var id = sheet.dataset.worksheet;
      var shown = false;
      sheet.querySelectorAll(".pig-mine__item").forEach(function (item) {
        var entry = items[id + "/" + item.dataset.question];
        item.hidden = !entry;
        item.querySelector(".pig-mine__answer").textContent = entry ? entry.text : "";
        shown = shown || Boolean(entry);
      });
      var date = items[id + "/@datum"];
      var namedate = sheet.querySelector("[data-pig-namedate]");
      namedate.textContent = [name ? "Naam: " + name : "", date ? "Datum: " + date.text : ""].filter(Boolean).join(" · ");
      namedate.hidden = !shown || !namedate.textContent;
      sheet.hidden = !shown;
      any = any || shown;
    });
    var mindset = mine.querySelector("[data-pig-mine-mindset]");
    if (mindset) {
      var result = window.pigResult;
      var records = result.records();
      var drawn = result.draw(mindset, records, result.order(records, bookAreasOf(mine)), null);
      mindset.hidden = !drawn;
      any = any || Boolean(drawn);
    }
    var plansBox = mine.querySelector("[data-pig-mine-plans]");
    if (plansBox) any = showPlans(plansBox, items) || any;
    var others = mine.querySelector("[data-pig-mine-others]");
    if (others) any = showOthers(others, items, core.catalogueOf(mine)) || any;
    mine.querySelector("[data-pig-empty]").hidden = any;
    return any;
  }

  // The conversation plans (planner.js): one block per plan, newest first,
  // its choices by their labels (given by the page) and its answers.
  var PLAN_FIELDS = [["situatie", "Hoe gaat het met je medewerker?"], ["richting", "Terugkijken, vooruitkijken of allebei?"],
    ["vast", "Loopt het gesprek vast?"], ["werkvormen", "Werkvormen"]];

  function showPlans(box, items) {
    var names = {};
    box.querySelectorAll("[data-pig-mine-plan-names] li").forEach(function (li) { names[li.dataset.value] = li.textContent; });
    var plans = {};
    for (var key in items) {
      if (!has(items, key) || !PLAN.test(key)) continue;
      var parts = key.split("/");
      var plan = plans[parts[1]] || (plans[parts[1]] = { fields: {}, updated: "" });
      plan.fields[parts[2]] = items[key].text;
      if ((items[key].updated || "") > plan.updated) plan.updated = items[key].updated;
    }
    var list = box.querySelector("[data-pig-mine-plan-list]");
    list.textContent = "";
    var ids = Object.keys(plans).sort(function (a, b) { return plans[a].updated < plans[b].updated ? 1 : -1; });
    var questions = {};
    document.querySelectorAll(".pig-mine__sheet[data-worksheet=reflectie-voorbereiden] .pig-mine__item").forEach(function (item) {
      questions["vraag-" + item.dataset.question] = item.querySelector("dt").textContent;
    });
    ids.forEach(function (id) {
      var fields = plans[id].fields;
      var block = element("div", "pig-mine__plan");
      block.appendChild(element("h3", "", (fields.naam || "").trim() || "Gesprek zonder naam"));
      var dl = element("dl");
      function row(label, value) {
        var pair = element("div", "pig-mine__item");
        pair.appendChild(element("dt", "", label));
        pair.appendChild(element("dd", "pig-mine__answer", value));
        dl.appendChild(pair);
      }
      PLAN_FIELDS.forEach(function (spec) {
        if (!fields[spec[0]]) return;
        var value = spec[0] === "werkvormen" ?
          fields.werkvormen.split(" ").map(function (w) { return names["werkvorm:" + w] || w; }).join(", ") :
          names[spec[0] + ":" + fields[spec[0]]] || fields[spec[0]];
        row(spec[1], value);
      });
      Object.keys(questions).forEach(function (field) {
        if (fields[field]) row(questions[field], fields[field]);
      });
      block.appendChild(dl);
      list.appendChild(block);
    });
    box.hidden = !ids.length;
    return ids.length > 0;
  }

  // Answers under a question that this edition does not have (a reshaped
  // sheet, a renamed question): shown by their key, so nothing the reader
  // typed disappears from view while it is still kept.
  function showOthers(box, items, catalogue) {
    var list = box.querySelector("[data-pig-mine-other-list]");
    list.textContent = "";
    var keys = Object.keys(items).filter(function (key) {
      return ANSWER.test(key) && !core.known(key, catalogue) && items[key].text.trim();
    }).sort();
    keys.forEach(function (key) {
      var pair = element("div", "pig-mine__item");
      pair.appendChild(element("dt", "", key.replace("/", " / ")));
      pair.appendChild(element("dd", "pig-mine__answer", items[key].text));
      list.appendChild(pair);
    });
    box.hidden = !keys.length;
    return keys.length > 0;
  }

  var READABLE_CSS = "body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:1em auto;padding:0 1em;color:#222}" +
    "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1em}" +
    "dt{font-weight:600;margin-top:1em}dd{margin:0.2em 0 0;white-space:pre-wrap}ul{padding-left:1.2em}.meta{color:#555}";

  // The answers as one self-contained web page, readable on any phone.
  function asHtml(mine) {
    var doc = document.implementation.createHTMLDocument("Mijn antwoorden — Positief in Gesprek");
    var body = doc.body;
    function add(parent, tag, text, className) {
      var el = doc.createElement(tag);
      if (text !== undefined) el.textContent = text;
      if (className) el.className = className;
      parent.append(el);
      return el;
    }
    add(body, "h1", "Mijn antwoorden — Positief in Gesprek");
    add(body, "p", "Bewaard op " + core.today() + ".", "meta");
    var items = all();
    if (has(items, NAME)) add(body, "p", "Naam: " + items[NAME].text, "meta");
    mine.querySelectorAll(".pig-mine__sheet").forEach(function (sheet) {
      if (sheet.hidden) return;
      add(body, "h2", sheet.querySelector("h2").textContent);
      if (sheet.hasAttribute("data-pig-mine-plans")) {
        sheet.querySelectorAll(".pig-mine__plan").forEach(function (plan) {
          add(body, "h3", plan.querySelector("h3").textContent);
          var list = add(body, "dl");
          plan.querySelectorAll(".pig-mine__item").forEach(function (item) {
            add(list, "dt", item.querySelector("dt").textContent);
            add(list, "dd", item.querySelector("dd").textContent);
          });
        });
      } else if (sheet.dataset.worksheet || sheet.hasAttribute("data-pig-mine-others")) {
        var date = sheet.dataset.worksheet && items[sheet.dataset.worksheet + "/@datum"];
        if (date) add(body, "p", "Datum: " + date.text, "meta");
        var dl = add(body, "dl");
        sheet.querySelectorAll(".pig-mine__item").forEach(function (item) {
          if (item.hidden) return;
          add(dl, "dt", item.querySelector("dt").textContent);
          add(dl, "dd", item.querySelector("dd").textContent);
        });
      } else {
        sheet.querySelectorAll(".pig-mt__card").forEach(function (card) {
          add(body, "h3", card.querySelector("h3").textContent);
          card.querySelectorAll(".pig-mt__average, .pig-mt__reading p").forEach(function (p) { add(body, "p", p.textContent); });
          card.querySelectorAll(".pig-mt__lean").forEach(function (list) {
            var ul = add(body, "ul");
            list.querySelectorAll("li").forEach(function (li) { add(ul, "li", li.textContent); });
          });
        });
        var ol = add(body, "ol");
        sheet.querySelectorAll(".pig-mt__row").forEach(function (row) {
          var li = add(ol, "li", row.querySelector(".pig-mt__row-texts").textContent);
          var ul = add(li, "ul");
          row.querySelectorAll(".pig-mt__row-area").forEach(function (area) {
            add(ul, "li", area.querySelector(".pig-mt__row-name").textContent + ": " + area.querySelector(".pig-mt__row-where").textContent);
          });
        });
      }
    });
    // The head as text: a <style> element made here would be refused by the
    // site's Content-Security-Policy (it is inert in the saved file only).
    return "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">" +
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
      "<title>Mijn antwoorden — Positief in Gesprek</title><style>" + READABLE_CSS + "</style></head>" +
      body.outerHTML + "</html>\n";
  }

  function setUpMine(mine) {
    var message = mine.querySelector("[data-pig-message]");
    var catalogue = core.catalogueOf(mine);
    var refresh = function () { showMine(mine); };
    refresh();
    message.textContent = store.problem() || "";
    store.onChange(refresh);

    mine.querySelectorAll("[data-pig-export]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (button.dataset.pigExport === "json") core.downloadBackup();
        else core.download("mijn-antwoorden-" + core.today() + ".html", "text/html", asHtml(mine));
      });
    });

    var form = mine.querySelector("[data-pig-print-form]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var part = form.querySelector("[data-pig-print-part]").value;
      mine.querySelectorAll(".pig-mine__sheet").forEach(function (sheet) {
        sheet.classList.toggle("pig-mine--noprint", Boolean(part) && sheet.dataset.part !== part);
      });
      window.print();
    });

    // A backup picked: read by answers-import.js, loaded now (the input
    // keeps the file meanwhile); merged or put in place of all, as asked.
    mine.querySelector("[data-pig-import]").addEventListener("change", function (event) {
      var input = event.target;
      core.importing(input, function (part) {
        part.readFile(input, function (imported) { bringIn(part, imported); });
      });
    });

    function bringIn(part, imported) {
      var count = part.count;
      if (!imported) {
        message.textContent = "Dit bestand is geen reservekopie van Mijn antwoorden; er is niets veranderd.";
        return;
      }
      store.ask(mine.querySelector("[data-pig-confirm]"), "Het bestand bevat " + count(Object.keys(imported).length, "antwoord", "antwoorden") +
        ". Samenvoegen met wat hier staat (per vraag blijft het nieuwste antwoord), of alles vervangen?",
        [["Samenvoegen", "merge"], ["Vervangen", "replace"]], function (choice) {
          if (!choice) {
            message.textContent = "Terugzetten geannuleerd; er is niets veranderd.";
            return;
          }
          var counts = store.bringIn(imported, choice, catalogue);
          var text = choice === "merge" ? part.report(counts) :
            "Vervangen: " + count(counts.added + counts.updated + counts.kept, "antwoord", "antwoorden") + " uit het bestand." +
            (counts.unknown.length ? " Niet overgenomen (onbekend in deze uitgave): " + counts.unknown.join(", ") + "." : "");
          message.textContent = counts.problem || text;
          refresh();
        });
    }

    mine.querySelector("[data-pig-clear]").addEventListener("click", function () {
      store.ask(mine.querySelector("[data-pig-confirm]"), "Alle antwoorden op dit apparaat wissen, ook die van de mindset-test en je voorbereide gesprekken? Dat kan niet ongedaan worden gemaakt.",
        [["Alles wissen", "clear"]], function (choice) {
          if (!choice) return;
          var failed = store.clear();
          message.textContent = failed ? "Wissen lukt niet in deze browser." : "Alle antwoorden zijn gewist.";
          refresh();
        });
    });
    store.warnPerFile();
  }

  store.setUpMine = setUpMine;
})();
