// Positief in Gesprek: the mindset self-test of Bijlage 1, online.
//
// The page holds the test as a form (macros/render/templates/mindset/test.html);
// without this script it is a form to fill in on paper. The script keeps the
// answers per area in the site's one store (window.pig.store of answers.js,
// loaded before this file, which starts it), names the statements not yet
// answered and draws the result (window.pig.result of mindset-result.js,
// with the words the page holds from docs/data/mindset-test.yaml). Nothing
// is sent anywhere.
(function () {
  "use strict";

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

  // The small helpers, once: the store model's (answers-store.js, loaded before).
  var model = window.pig.storeModel;
  var has = model.has;

  var formatAverage = model.formatAverage;

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
  // known items with valid positions.
  function trusted(record, items, points) {
    var answers = {};
    items.forEach(function (id) {
      if (has(record.answers, id) && isPosition(record.answers[id], points)) answers[id] = record.answers[id];
    });
    return { name: record.name, answers: answers, updated: record.updated || "" };
  }

  // --- The page -------------------------------------------------------------

  function setUp(form) {
    if (form.dataset.pigMtReady) return;
    var store = (window.pig || {}).store;
    var result = (window.pig || {}).result;
    if (!store || !result) return; // answers.js missing: the paper form stays
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
    var resultBox = form.querySelector("[data-pig-mt-result]");
    var problem = null;

    function isArea(area) {
      return bookAreas.indexOf(area) >= 0 || (area.indexOf(OWN) === 0 && area.length > OWN.length);
    }

    function readRecords() {
      var found = {};
      var stored = result.records();
      Object.keys(stored).forEach(function (area) {
        if (isArea(area)) found[area] = trusted(stored[area], items, points);
      });
      return found;
    }

    var records = readRecords();
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

    // Retaking an area adds a result: the first change on this visit to an
    // area answered completely keeps that result, with its date, as an
    // earlier one (pig.store.model.historyKey), before the new answers.
    var retaken = Object.create(null);

    function keepEarlier(area) {
      var before = records[area];
      if (retaken[area] || !before || !before.updated || score(before.answers, items, points).average === null) return;
      retaken[area] = true;
      store.put(store.model.historyKey(area, before.updated), { name: before.name, answers: before.answers }, "", true);
    }

    function answer() {
      if (!current) return;
      keepEarlier(current);
      var name = current.indexOf(OWN) === 0 ? cleanWords(ownWords.value) : current;
      var answers = formAnswers();
      records[current] = { name: name, answers: answers, updated: "" };
      // The answers of one area are clicked, not typed: the last click wins.
      var saved = store.put(store.MINDSET + current, Object.keys(answers).length ? { name: name, answers: answers } : null, "", true);
      if (saved.entry) records[current].updated = saved.entry.updated;
      problem = saved.problem;
      window.pig.store.tell(problem);
      update();
    }

    function update() {
      status.textContent = statusText();
      resultBox.hidden = !result.draw(resultBox, records, result.order(records, bookAreas), current);
    }

    function statusText() {
      if (!current) {
        return ownRadio.checked
          ? "Schrijf eerst op welk gebied je in je hoofd neemt; dan kun je de stellingen beantwoorden."
          : "Kies eerst het gebied dat je in je hoofd neemt; dan kun je de stellingen beantwoorden.";
      }
      var outcome = score(formAnswers(), items, points);
      var area = "Gebied: " + (records[current] ? records[current].name : cleanWords(ownWords.value) || current) + ". ";
      var saved = problem ? " Niet opgeslagen." : "";
      if (outcome.average === null) {
        var numbers = outcome.missing.map(function (id) { return String(items.indexOf(id) + 1); });
        return area + "Nog niet beantwoord: stelling " + joinDutch(numbers) + "." + saved;
      }
      return area + "Alle " + items.length + " stellingen beantwoord; je gemiddelde is " + formatAverage(outcome.average) + "." + saved;
    }

    form.querySelectorAll("[data-pig-mt-online]").forEach(function (el) { el.hidden = false; });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // A statement tapped before an area is chosen: the reader is taken to
    // the choice of area, and told why.
    form.addEventListener("click", function (event) {
      if (current || !event.target.closest("fieldset[data-item]")) return;
      event.preventDefault();
      status.textContent = statusText();
      (ownRadio.checked ? ownWords : areaRadios[0]).focus();
    });
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
      problem = store.clear(store.MINDSET);
      window.pig.store.tell(problem);
      records = {};
      areaRadios.forEach(function (radio) { radio.checked = false; });
      ownWords.value = "";
      switchArea();
    });
    var printButton = form.querySelector("[data-pig-mt-print]");
    if (printButton) {
      printButton.addEventListener("click", function () {
        document.documentElement.classList.add("pig-print-result");
        window.print();
      });
      window.addEventListener("afterprint", function () {
        document.documentElement.classList.remove("pig-print-result");
      });
    }

    // Another tab answered: show its answers (the area being answered too).
    store.onChange(function () {
      records = readRecords();
      showAnswers(current && records[current] ? records[current].answers : {});
      update();
    });

    // Back where the reader was: the area answered last.
    var last = Object.keys(records).sort(function (a, b) {
      return records[a].updated < records[b].updated ? 1 : records[a].updated > records[b].updated ? -1 : 0;
    })[0];
    if (last) {
      var own = last.indexOf(OWN) === 0;
      areaRadios.forEach(function (radio) { radio.checked = own ? radio === ownRadio : radio.value === last; });
      if (own) ownWords.value = records[last].name;
    }
    switchArea();
    problem = store.problem();
  }

  var api = { score: score, formatAverage: formatAverage, ownArea: ownArea };
  if (typeof window !== "undefined") (window.pig = window.pig || {}).mindsetTest = api;
  if (typeof module === "object" && module.exports) module.exports = api;

  // Set up the test wherever it is on the page, once the store of
  // answers.js is ready (answers of an earlier edition taken over first).
  if (typeof window !== "undefined" && window.pig && window.pig.store && window.pig.store.onStart) {
    window.pig.store.onStart(function () {
      document.querySelectorAll("form[data-pig-mindset]").forEach(setUp);
    });
  }
})();
