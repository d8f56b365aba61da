// Positief in Gesprek: "Mijn antwoorden", everything the reader filled in.
//
// Shows the answers of every sheet, the mindset test's result per area
// (window.pig.result of mindset-result.js), the conversation plans and
// answers to questions this edition lacks; prints them, exports them (a
// backup, a readable page), brings a backup back in and wipes them. Loaded
// on that page only (front matter `scripts:`), after answers.js and
// mindset-result.js; answers.js starts it (pig.store.setUpMine).
(function () {
  "use strict";

  var store = (window.pig || {}).store;
  if (!store) return; // answers.js missing: the page keeps its notice
  var core = store.core;
  var has = core.has;
  var element = core.element;
  var all = store.all;
  var NAME = core.NAME;
  var PLAN = store.PLAN;
  var ANSWER = core.ANSWER;
  var map = core.map;

  // An answer on this page: in full up to PREVIEW characters; a longer one
  // (a whole document pasted, up to pig.store.LIMIT) shows its beginning and
  // says how much more there is and where all of it is, since laying out
  // hundreds of thousands of characters at once would freeze the page. The
  // whole text stays with the element (fullText) for the readable file.
  var PREVIEW = 5000;
  var fullText = new WeakMap();

  function showText(dd, text) {
    fullText.set(dd, text);
    if (text.length <= PREVIEW) {
      if (dd.textContent !== text) dd.textContent = text;
      return;
    }
    var cut = PREVIEW;
    var code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--; // not halfway an emoji
    dd.textContent = text.slice(0, cut) + " …";
    dd.appendChild(element("span", "pig-mine__long", " (Dit antwoord is lang: hier staan de eerste " +
      cut.toLocaleString("nl-NL") + " van de " + text.length.toLocaleString("nl-NL") +
      " tekens. Het hele antwoord staat op het werkblad, in je reservekopie en in de leesbare versie.)"));
  }

  function textOf(dd) {
    return fullText.has(dd) ? fullText.get(dd) : dd.textContent;
  }

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
        showText(item.querySelector(".pig-mine__answer"), entry ? entry.text : "");
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
      var result = (window.pig || {}).result;
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
    ["vast", "Loopt het gesprek vast?"], ["werkvormen", "Werkvormen"], ["vorige", "Uit het vorige gesprek"],
    ["afspraken", "Afgesproken"], ["volgende-stap", "De volgende stap, en wat nog open is"], ["vervolgdatum", "Verder praten op"]];

  function showPlans(box, items) {
    var names = map();
    box.querySelectorAll("[data-pig-mine-plan-names] li").forEach(function (li) { names[li.dataset.value] = li.textContent; });
    var plans = map();
    for (var key in items) {
      var onSheet = has(items, key) && store.model.PLAN_SHEET.exec(key);
      if (!has(items, key) || (!PLAN.test(key) && !onSheet)) continue;
      var parts = key.split("/");
      var plan = plans[parts[1]] || (plans[parts[1]] = { fields: map(), updated: "" });
      if (!onSheet) plan.fields[parts[2]] = items[key].text;
      if ((items[key].updated || "") > plan.updated) plan.updated = items[key].updated;
    }
    // The sheets' titles and questions, as this page lists them, for the
    // answers given on sheets for a conversation.
    var sheetNames = map();
    document.querySelectorAll(".pig-mine__sheet[data-worksheet]").forEach(function (sheet) {
      var questionNames = map();
      sheet.querySelectorAll(".pig-mine__item[data-question]").forEach(function (item) {
        questionNames[item.dataset.question] = item.querySelector("dt").textContent;
      });
      sheetNames[sheet.dataset.worksheet] = { title: sheet.querySelector("h2").textContent, questions: questionNames };
    });
    var list = box.querySelector("[data-pig-mine-plan-list]");
    list.textContent = "";
    var ids = Object.keys(plans).sort(function (a, b) { return plans[a].updated < plans[b].updated ? 1 : -1; });
    var questions = map();
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
        var dd = element("dd", "pig-mine__answer");
        showText(dd, value);
        pair.appendChild(dd);
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
      var sheets = store.model.planSheets(items, id);
      Object.keys(sheetNames).forEach(function (sheet) {
        if (!sheets[sheet]) return;
        var names = sheetNames[sheet];
        if (sheets[sheet]["@datum"]) row(names.title + ": datum", sheets[sheet]["@datum"].text);
        Object.keys(names.questions).forEach(function (question) {
          var answer = sheets[sheet][question];
          if (answer) row(names.title + ": " + names.questions[question], answer.text);
        });
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
      var dd = element("dd", "pig-mine__answer");
      showText(dd, items[key].text);
      pair.appendChild(dd);
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
            add(list, "dd", textOf(item.querySelector("dd")));
          });
        });
      } else if (sheet.dataset.worksheet || sheet.hasAttribute("data-pig-mine-others")) {
        var date = sheet.dataset.worksheet && items[sheet.dataset.worksheet + "/@datum"];
        if (date) add(body, "p", "Datum: " + date.text, "meta");
        var dl = add(body, "dl");
        sheet.querySelectorAll(".pig-mine__item").forEach(function (item) {
          if (item.hidden) return;
          add(dl, "dt", item.querySelector("dt").textContent);
          add(dl, "dd", textOf(item.querySelector("dd")));
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
    // After a question is answered its buttons are gone: the focus goes to
    // the message that says what happened (announced: role="status").
    function said() {
      message.tabIndex = -1;
      message.focus();
    }
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
        part.readFile(input, function (record, refused) { bringIn(part, record, refused); });
      });
    });

    // A backup: merged, or put in place of everything. "Vervangen" counts
    // only what this edition can keep, is not offered when that is nothing,
    // and asks a second time, naming the number, before it leaves fewer
    // answers than there are now.
    function bringIn(part, record, refused) {
      var count = part.count;
      var confirmBox = mine.querySelector("[data-pig-confirm]");
      if (!record) {
        message.textContent = refused;
        return;
      }
      var plan = store.bringIn(record, "replace", catalogue, { dryRun: true });
      var total = Object.keys(record.items).length;
      var usable = total - plan.unknown.length - plan.badStamps.length;
      var question = "Het bestand bevat " + count(total, "antwoord", "antwoorden") + ".";
      if (usable < total) {
        question += " Deze uitgave kan er " + usable + " van overnemen; " +
          count(total - usable, "hoort", "horen") + " bij een werkblad of vraag die ze niet kent of " +
          (total - usable === 1 ? "heeft" : "hebben") + " een datum die niet kan kloppen.";
      }
      if (!usable) {
        message.textContent = question + " Er is niets veranderd." + part.more(plan) +
          (plan.unknown.length ? " Niet overgenomen: " + plan.unknown.join(", ") + "." : "");
        return;
      }
      store.ask(confirmBox, question + " Samenvoegen met wat hier staat (per vraag blijft het nieuwste antwoord), of alles vervangen?",
        [["Samenvoegen", "merge"], ["Vervangen", "replace"]], function (choice) {
          if (!choice) {
            message.textContent = "Terugzetten geannuleerd; er is niets veranderd.";
            return said();
          }
          if (choice === "merge") return done(choice);
          var now = store.bringIn(record, "replace", catalogue, { dryRun: true });
          if (now.after >= now.before) return done(choice);
          store.ask(confirmBox, "Vervangen laat " + count(now.after, "antwoord", "antwoorden") + " over van de " + now.before +
            " die hier nu staan: " + count(now.lost, "antwoord", "antwoorden") + " van dit apparaat " +
            (now.lost === 1 ? "staat" : "staan") + " niet in het bestand en " + (now.lost === 1 ? "gaat" : "gaan") +
            " verloren. Download eerst een reservekopie als je ze wilt bewaren.",
            [[count(now.lost, "antwoord", "antwoorden") + " wissen en vervangen", "replace"], ["Toch samenvoegen", "merge"]], done);
        });

      function done(choice) {
        if (!choice) {
          message.textContent = "Terugzetten geannuleerd; er is niets veranderd.";
          return said();
        }
        var counts = store.bringIn(record, choice, catalogue);
        var text = choice === "merge" ? part.report(counts) :
          "Vervangen: " + count(counts.added + counts.updated + counts.kept, "antwoord", "antwoorden") + " uit het bestand." +
          (counts.unknown.length ? " Niet overgenomen (onbekend in deze uitgave): " + counts.unknown.join(", ") + "." : "") +
          part.more(counts);
        message.textContent = counts.problem || text;
        refresh();
        said();
      }
    }

    mine.querySelector("[data-pig-clear]").addEventListener("click", function () {
      store.ask(mine.querySelector("[data-pig-confirm]"), "Alle antwoorden op dit apparaat wissen, ook die van de mindset-test en je voorbereide gesprekken? Dat kan niet ongedaan worden gemaakt.",
        [["Alles wissen", "clear"]], function (choice) {
          if (!choice) return;
          var failed = store.clear();
          message.textContent = failed ? "Wissen lukt niet in deze browser." : "Alle antwoorden zijn gewist.";
          refresh();
          said();
        });
    });
    store.warnPerFile();
  }

  store.setUpMine = setUpMine;
})();
