// Positief in Gesprek: the mindset test's result, drawn from the store.
//
// window.pig.result draws the result per area (a card with its picture and
// bar, then each statement with where the reader stands in each area), for
// the test itself (mindset-test.js) and for "Mijn antwoorden"
// (mijn-antwoorden.js). The words are in the page (docs/data/mindset-test.yaml),
// not here; the records come from the store of answers.js, loaded before
// this file (front matter `scripts:` of those two pages only).
(function () {
  "use strict";

  var store = (window.pig || {}).store;
  if (!store) return; // answers.js missing: no result to draw

  var has = store.core.has;
  var element = store.core.element;

  // What a result is drawn with: the statements, the words with their
  // blanks and the words for each position, read from the page.
  function resultTexts(root) {
    var box = root.querySelector("[data-pig-mt-texts]");
    if (!box) return null;
    var texts = { points: Number(box.dataset.points), left: box.dataset.left, right: box.dataset.right, items: [], words: {}, where: {} };
    box.querySelectorAll("[data-item]").forEach(function (item) {
      texts.items.push({ id: item.dataset.item, left: item.dataset.left, right: item.dataset.right });
    });
    box.querySelectorAll("[data-text]").forEach(function (p) { texts.words[p.dataset.text] = p.textContent; });
    box.querySelectorAll("[data-where]").forEach(function (p) { texts.where[p.dataset.where] = p.textContent; });
    return texts;
  }

  function fill(text, blanks) {
    return text.replace(/\{(area|average|middle)\}/g, function (whole, name) { return blanks[name]; });
  }

  var formatAverage = (window.pig || {}).storeModel.formatAverage; // answers-store.js

  // The average of a complete set of answers, or null.
  function average(answers, texts) {
    var sum = 0;
    for (var i = 0; i < texts.items.length; i++) {
      var value = answers[texts.items[i].id];
      if (typeof value !== "number" || value < 1 || value > texts.points) return null;
      sum += value;
    }
    return texts.items.length ? sum / texts.items.length : null;
  }

  function dots(value, points, label) {
    var row = element("span", "pig-mt__dots");
    row.setAttribute("role", "img");
    row.setAttribute("aria-label", label);
    for (var point = 1; point <= points; point++) {
      row.append(element("span", point === value ? "pig-mt__dot pig-mt__dot--on" : "pig-mt__dot"));
    }
    return row;
  }

  // One area's card: its picture, the bar, the statements it leans on.
  function card(texts, area, record, avg, current) {
    var shown = formatAverage(avg);
    var middle = (texts.points + 1) / 2;
    var blanks = { area: record.name, average: shown, middle: formatAverage(middle).replace(",0", "") };
    var box = element("article", "pig-mt__card" + (current ? " pig-mt__card--current" : ""));
    box.dataset.area = area;
    box.append(element("h3", "pig-mt__card-title", record.name));
    var line = element("p", "pig-mt__average", "Gemiddeld: ");
    line.append(element("strong", "", shown));
    box.append(line);

    var bar = element("div", "pig-mt__bar");
    bar.setAttribute("role", "img");
    bar.setAttribute("aria-label", "Gemiddeld " + shown + " op de schaal van 1 (links, " + texts.left +
      ") tot " + texts.points + " (rechts, " + texts.right + ")");
    var marker = element("span", "pig-mt__marker");
    marker.style.left = ((avg - 1) / (texts.points - 1)) * 100 + "%"; // CSSOM: allowed by the site's policy
    bar.append(marker);
    box.append(bar);
    var ends = element("p", "pig-mt__ends");
    ends.setAttribute("aria-hidden", "true");
    ends.append(element("span", "", "1 " + texts.left), element("span", "", texts.right + " " + texts.points));
    box.append(ends);

    var side = avg < middle ? "picture_left" : avg > middle ? "picture_right" : "picture_middle";
    var words = element("div", "pig-web pig-mt__reading");
    words.append(element("p", "pig-mt__picture", fill(texts.words[side], blanks)));
    var groups = [["lean_fixed", "left", function (v) { return v < middle; }],
                  ["lean_growth", "right", function (v) { return v > middle; }],
                  ["lean_middle", null, function (v) { return v === middle; }]];
    groups.forEach(function (group) {
      var found = texts.items.filter(function (item) { return group[2](record.answers[item.id]); });
      if (!found.length) return;
      words.append(element("p", "pig-mt__lean-title", fill(texts.words[group[0]], blanks)));
      var list = element("ul", "pig-mt__lean pig-mt__lean--" + group[0]);
      found.forEach(function (item) {
        var number = texts.items.indexOf(item) + 1;
        var said = group[1] ? item[group[1]] : item.left + " / " + item.right;
        list.append(element("li", "", number + ". " + said));
      });
      words.append(list);
    });
    box.append(words);
    return box;
  }

  // Each statement with its two texts and, per area, where the reader stands.
  function rows(texts, shownAreas) {
    var out = [];
    texts.items.forEach(function (item, index) {
      var row = element("li", "pig-mt__row");
      var statements = element("p", "pig-mt__row-texts");
      statements.append(element("span", "pig-mt__row-left", item.left),
        element("span", "pig-mt__row-sep", " — "),
        element("span", "pig-mt__row-right", item.right));
      row.append(statements);
      var areas = element("ul", "pig-mt__row-areas");
      shownAreas.forEach(function (shown) {
        var value = shown.record.answers[item.id];
        var li = element("li", "pig-mt__row-area");
        li.append(element("span", "pig-mt__row-name", shown.record.name));
        li.append(dots(value, texts.points, "Stelling " + (index + 1) + ": " + value + " van " + texts.points));
        li.append(element("span", "pig-mt__row-where", value + " van " + texts.points + ", " + texts.where[value]));
        areas.append(li);
      });
      row.append(areas);
      out.push(row);
    });
    return out;
  }

  // Draw the complete areas of `records` ({area: record}, in `order`) into
  // `root` (its [data-pig-mt-cards] and [data-pig-mt-rows]); returns how many.
  var formatDay = (window.pig || {}).storeModel.dutchDate; // answers-store.js

  // An area's earlier results (a retake adds one), the newest first.
  function earlier(texts, results) {
    var line = element("p", "pig-mt__earlier");
    var said = (results || []).map(function (record) {
      var avg = average(record.answers, texts);
      return avg === null ? "" : formatAverage(avg) + " (" + formatDay(record.updated) + ")";
    }).filter(Boolean);
    if (!said.length) return null;
    line.textContent = "Eerder: " + said.join(", ") + ".";
    return line;
  }

  function drawResult(root, records, order, current) {
    var texts = resultTexts(root);
    var cards = root.querySelector("[data-pig-mt-cards]");
    var list = root.querySelector("[data-pig-mt-rows]");
    if (!texts || !cards) return 0;
    cards.textContent = "";
    var shown = [];
    var history = store.model.mindsetHistory(store.all());
    var begun = 0;
    order.forEach(function (area) {
      var avg = average(records[area].answers, texts);
      if (avg === null) {
        // Half done: said as such, not left out (the area being answered
        // says what is missing in its own status).
        var done = texts.items.filter(function (item) { return has(records[area].answers, item.id); }).length;
        if (!done || area === current) return;
        var half = element("article", "pig-mt__card");
        half.dataset.area = area;
        half.append(element("h3", "pig-mt__card-title", records[area].name));
        half.append(element("p", "pig-mt__average", "Half ingevuld: " + done + " van de " + texts.items.length + " stellingen beantwoord."));
        var before = earlier(texts, history[area]);
        if (before) half.append(before);
        cards.append(half);
        begun++;
        return;
      }
      var box = card(texts, area, records[area], avg, area === current);
      var previous = earlier(texts, history[area]);
      if (previous) box.insertBefore(previous, box.querySelector(".pig-mt__bar"));
      cards.append(box);
      shown.push({ area: area, record: records[area] });
    });
    if (list) {
      list.textContent = "";
      rows(texts, shown).forEach(function (row) { list.append(row); });
    }
    return shown.length + begun;
  }

  // The mindset areas in the store: {area: record}, in a fixed order (the
  // book's areas as `bookAreas` lists them, then the reader's own).
  function mindsetRecords() {
    var items = store.all();
    var records = Object.create(null); // an area may be named "constructor"
    for (var key in items) {
      if (has(items, key) && key.indexOf(store.MINDSET) === 0) records[key.slice(store.MINDSET.length)] = items[key];
    }
    return records;
  }

  function orderAreas(records, bookAreas) {
    var own = Object.keys(records).filter(function (area) { return bookAreas.indexOf(area) < 0; }).sort();
    return bookAreas.filter(function (area) { return has(records, area); }).concat(own);
  }

  (window.pig = window.pig || {}).result = { draw: drawResult, records: mindsetRecords, order: orderAreas, formatAverage: formatAverage };
})();
