// Positief in Gesprek: the mindset self-test of Bijlage 1, online.
//
// The page holds the test as a form (macros/templates/mindset/test.html);
// without this script it is a form to fill in on paper. The script keeps the
// answers per area in this browser's localStorage, names the statements not
// yet answered and draws the result. Nothing is sent anywhere.
(function () {
  "use strict";

  var PREFIX = "pig-mindset-test:"; // + "werk", "sport", "relaties" or "eigen:<words>"
  var VERSION = 1; // stored records of another version are ignored
  var OWN = "eigen:";

  // --- Pure functions -----------------------------------------------------

  // The average position of a set of answers on a scale of 1 to `points`.
  // `answers` maps item ids to positions, `items` lists the test's item ids.
  // The average is null unless every item has a valid answer; `missing`
  // lists the items without one, in the test's order.
  function score(answers, items, points) {
    var missing = [];
    var sum = 0;
    items.forEach(function (id) {
      var value = answers && has(answers, id) ? answers[id] : undefined;
      if (isPosition(value, points)) {
        sum += value;
      } else {
        missing.push(id);
      }
    });
    var average = missing.length || !items.length ? null : sum / items.length;
    return { average: average, missing: missing };
  }

  function isPosition(value, points) {
    return typeof value === "number" && value % 1 === 0 && value >= 1 && value <= points;
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // 3.5 -> "3,5": an average as Dutch writes it, with one decimal.
  function formatAverage(average) {
    return average.toFixed(1).replace(".", ",");
  }

  // "1, 2 en 3"
  function joinDutch(words) {
    return words.length < 2 ? words.join("") : words.slice(0, -1).join(", ") + " en " + words[words.length - 1];
  }

  function cleanWords(words) {
    return String(words || "").replace(/\s+/g, " ").trim();
  }

  // The key of an area named in the reader's own words (null when empty).
  function ownArea(words) {
    var clean = cleanWords(words).toLowerCase();
    return clean ? OWN + clean : null;
  }

  // A stored record, kept only as far as it can be trusted: the answers to
  // known items with valid positions. Anything else (not JSON, another
  // version, another shape) gives null, and is then ignored.
  function parseRecord(text, items, points) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!data || typeof data !== "object" || data.version !== VERSION || typeof data.name !== "string" ||
        !data.answers || typeof data.answers !== "object") {
      return null;
    }
    var answers = {};
    items.forEach(function (id) {
      if (has(data.answers, id) && isPosition(data.answers[id], points)) answers[id] = data.answers[id];
    });
    return { name: data.name, answers: answers, saved: typeof data.saved === "number" ? data.saved : 0 };
  }

  // --- Storage: this browser only; any failure means "nothing stored" ----------

  function store() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null; // storage switched off
    }
  }

  function storedKeys() {
    var keys = [];
    var storage = store();
    try {
      for (var i = 0; storage && i < storage.length; i++) {
        var key = storage.key(i);
        if (key && key.indexOf(PREFIX) === 0) keys.push(key);
      }
    } catch (error) { /* nothing stored */ }
    return keys;
  }

  function readRecords(isArea, items, points) {
    var records = {};
    storedKeys().forEach(function (key) {
      var area = key.slice(PREFIX.length);
      var record;
      try {
        record = parseRecord(store().getItem(key), items, points);
      } catch (error) {
        record = null;
      }
      if (record && isArea(area)) records[area] = record;
    });
    return records;
  }

  function writeRecord(area, record) {
    try {
      if (Object.keys(record.answers).length) {
        store().setItem(PREFIX + area, JSON.stringify({
          version: VERSION, name: record.name, answers: record.answers, saved: record.saved,
        }));
      } else {
        store().removeItem(PREFIX + area);
      }
    } catch (error) { /* full or switched off: the answers stay on the page */ }
  }

  function clearRecords() {
    storedKeys().forEach(function (key) {
      try {
        store().removeItem(key);
      } catch (error) { /* nothing to clear */ }
    });
  }

  // --- The page -------------------------------------------------------------

  function setUp(form) {
    if (form.dataset.pigMtReady) return;
    form.dataset.pigMtReady = "1";

    var points = Number(form.dataset.points);
    var groups = Array.from(form.querySelectorAll("fieldset[data-item]"));
    var items = groups.map(function (group) { return group.dataset.item; });
    var areaRadios = Array.from(form.querySelectorAll("input[name=pig-mt-gebied]"));
    var ownRadio = form.querySelector("input[name=pig-mt-gebied][value=eigen]");
    var ownWords = form.querySelector("[data-pig-mt-own]");
    var bookAreas = areaRadios.filter(function (radio) { return radio !== ownRadio; })
      .map(function (radio) { return radio.value; });
    var status = form.querySelector("[data-pig-mt-status]");
    var result = form.querySelector("[data-pig-mt-result]");
    var cards = form.querySelector("[data-pig-mt-cards]");

    function isArea(area) {
      return bookAreas.indexOf(area) >= 0 || (area.indexOf(OWN) === 0 && area.length > OWN.length);
    }

    var records = readRecords(isArea, items, points);
    var current = null; // the area being answered

    function chosenArea() {
      var checked = areaRadios.filter(function (radio) { return radio.checked; })[0];
      if (!checked) return null;
      return checked === ownRadio ? ownArea(ownWords.value) : checked.value;
    }

    function formAnswers() {
      var answers = {};
      groups.forEach(function (group) {
        var checked = group.querySelector("input:checked");
        if (checked) answers[group.dataset.item] = Number(checked.value);
      });
      return answers;
    }

    function showAnswers(answers) {
      groups.forEach(function (group) {
        group.querySelectorAll("input").forEach(function (radio) {
          radio.checked = answers[group.dataset.item] === Number(radio.value);
        });
      });
    }

    function switchArea() {
      current = chosenArea();
      groups.forEach(function (group) { group.disabled = !current; });
      showAnswers(current && records[current] ? records[current].answers : {});
      update();
    }

    function answer() {
      if (!current) return;
      var name = current.indexOf(OWN) === 0 ? cleanWords(ownWords.value) : current;
      records[current] = { name: name, answers: formAnswers(), saved: Date.now() };
      writeRecord(current, records[current]);
      update();
    }

    function update() {
      status.textContent = statusText();
      drawResults();
    }

    function statusText() {
      if (!current) {
        return ownRadio.checked
          ? "Schrijf eerst op welk gebied je in je hoofd neemt; dan kun je de stellingen beantwoorden."
          : "Kies eerst het gebied dat je in je hoofd neemt; dan kun je de stellingen beantwoorden.";
      }
      var outcome = score(formAnswers(), items, points);
      var area = "Gebied: " + (records[current] ? records[current].name : cleanWords(ownWords.value) || current) + ". ";
      if (outcome.average === null) {
        var numbers = outcome.missing.map(function (id) { return String(items.indexOf(id) + 1); });
        return area + "Nog niet beantwoord: stelling " + joinDutch(numbers) + ".";
      }
      return area + "Alle " + items.length + " stellingen beantwoord; je gemiddelde is " + formatAverage(outcome.average) + ".";
    }

    // The areas in a fixed order: the book's first, then the reader's own.
    function orderedAreas() {
      var own = Object.keys(records).filter(function (area) { return bookAreas.indexOf(area) < 0; }).sort();
      return bookAreas.filter(function (area) { return has(records, area); }).concat(own);
    }

    function drawResults() {
      cards.textContent = "";
      orderedAreas().forEach(function (area) {
        var outcome = score(records[area].answers, items, points);
        if (outcome.average !== null) cards.append(card(area, records[area], outcome.average));
      });
      result.hidden = !cards.children.length;
    }

    function element(tag, className, text) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      if (text !== undefined) el.textContent = text;
      return el;
    }

    function card(area, record, average) {
      var shown = formatAverage(average);
      var box = element("article", "pig-mt__card" + (area === current ? " pig-mt__card--current" : ""));
      box.dataset.area = area;
      box.append(element("h3", "pig-mt__card-title", record.name));
      var line = element("p", "pig-mt__average", "Gemiddeld: ");
      line.append(element("strong", "", shown));
      box.append(line);

      var bar = element("div", "pig-mt__bar");
      bar.setAttribute("role", "img");
      bar.setAttribute("aria-label", "Gemiddeld " + shown + " op de schaal van 1 (links, " + form.dataset.left +
        ") tot " + points + " (rechts, " + form.dataset.right + ")");
      var marker = element("span", "pig-mt__marker");
      marker.style.left = ((average - 1) / (points - 1)) * 100 + "%"; // CSSOM: allowed by the site's policy
      bar.append(marker);
      box.append(bar);
      var ends = element("p", "pig-mt__ends");
      ends.setAttribute("aria-hidden", "true");
      ends.append(element("span", "", "1 " + form.dataset.left), element("span", "", form.dataset.right + " " + points));
      box.append(ends);

      var list = element("ol", "pig-mt__answers");
      list.setAttribute("aria-label", "Antwoord per stelling");
      items.forEach(function (id, index) {
        var row = element("li");
        row.append(element("span", "pig-mt__answer-nr", String(index + 1)));
        var dots = element("span", "pig-mt__dots");
        dots.setAttribute("role", "img");
        dots.setAttribute("aria-label", "Stelling " + (index + 1) + ": " + record.answers[id] + " van " + points);
        for (var point = 1; point <= points; point++) {
          dots.append(element("span", point === record.answers[id] ? "pig-mt__dot pig-mt__dot--on" : "pig-mt__dot"));
        }
        row.append(dots);
        list.append(row);
      });
      box.append(list);
      return box;
    }

    form.querySelectorAll("[data-pig-mt-online]").forEach(function (el) { el.hidden = false; });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function (event) {
      if (event.target.name === "pig-mt-gebied") {
        switchArea();
      } else if (event.target.closest("fieldset[data-item]")) {
        answer();
      }
    });
    ownWords.addEventListener("input", function () {
      if (cleanWords(ownWords.value)) ownRadio.checked = true;
      if (ownRadio.checked) switchArea();
    });
    form.querySelector("[data-pig-mt-clear]").addEventListener("click", function () {
      if (!window.confirm("Alle antwoorden van deze test wissen, voor alle gebieden? Dat kan niet ongedaan worden gemaakt.")) return;
      clearRecords();
      records = {};
      areaRadios.forEach(function (radio) { radio.checked = false; });
      ownWords.value = "";
      switchArea();
    });

    // Back where the reader was: the area answered last.
    var last = Object.keys(records).sort(function (a, b) { return records[b].saved - records[a].saved; })[0];
    if (last) {
      var own = last.indexOf(OWN) === 0;
      areaRadios.forEach(function (radio) { radio.checked = own ? radio === ownRadio : radio.value === last; });
      if (own) ownWords.value = records[last].name;
    }
    switchArea();
  }

  var api = { score: score, formatAverage: formatAverage, parseRecord: parseRecord, ownArea: ownArea };
  if (typeof window !== "undefined") window.pigMindsetTest = api;
  if (typeof module === "object" && module.exports) module.exports = api;

  // Material for MkDocs announces every page it shows, also after instant
  // navigation; set up the test wherever it is on the page.
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () {
      document.querySelectorAll("form[data-pig-mindset]").forEach(setUp);
    });
  }
})();
