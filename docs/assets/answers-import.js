// Positief in Gesprek: a backup file brought back in (a part of answers.js).
//
// Loaded by answers.js when the reader picks a file in a [data-pig-import]
// input (a page's answer bar, the planner, "Mijn antwoorden"), not before:
// most visits never bring a backup in. Reads the file (pigStore.parseItems)
// and says what merging it did; the store's own bringIn does the merging.
(function () {
  "use strict";

  var store = window.pigStore;
  if (!store) return;
  var core = store.core;

  // The items of the file picked in `input` (null: not a backup); the input
  // is emptied, so that the same file may be picked again.
  function readFile(input, done) {
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      input.value = "";
      done(store.parseItems(text));
    }, function () {
      input.value = "";
      done(null);
    });
  }

  function count(n, one, more) {
    return n + " " + (n === 1 ? one : more);
  }

  function report(counts) {
    var text = "Samengevoegd: " + count(counts.added, "antwoord toegevoegd", "antwoorden toegevoegd") + ", " +
      count(counts.updated, "bijgewerkt", "bijgewerkt") + " (nieuwer in het bestand), " +
      count(counts.kept, "gehouden", "gehouden") + " (hier even nieuw of nieuwer).";
    if (counts.unknown.length) {
      text += " " + count(counts.unknown.length, "antwoord hoort", "antwoorden horen") +
        " bij een werkblad of vraag die deze uitgave niet kent en " + (counts.unknown.length === 1 ? "is" : "zijn") +
        " niet overgenomen: " + counts.unknown.join(", ") + ".";
    }
    return text;
  }

  // A page's own backup (its answer bar, the planner): merged at once, the
  // outcome in the page's message; then `after` (the page shows it).
  function merge(input, catalogue, after) {
    readFile(input, function (items) {
      if (!items) return core.showMessage("Dit bestand is geen reservekopie van Mijn antwoorden; er is niets veranderd.", true);
      var counts = store.bringIn(items, "merge", catalogue);
      core.showMessage(counts.problem || report(counts), true);
      if (after) after();
    });
  }

  core.define("answers-import", { readFile: readFile, count: count, report: report, merge: merge });
})();
