// Positief in Gesprek: a backup file brought back in (a part of answers.js).
//
// Loaded by answers.js when the reader picks a file in a [data-pig-import]
// input (a page's answer bar, the planner, "Mijn antwoorden"), not before:
// most visits never bring a backup in. Reads the file (pig.store.parseRecord),
// refuses one that is none or that another site wrote, and says what
// merging it did; the store's own bringIn does the merging.
(function () {
  "use strict";

  var store = (window.pig || {}).store;
  if (!store) return;
  var core = store.core;

  var NO_BACKUP = "Dit bestand is geen reservekopie van Mijn antwoorden; er is niets veranderd.";

  // The backup in the file picked in `input` (a record of parseRecord), or
  // null and the reason (not a backup, another site's); the input is
  // emptied, so that the same file may be picked again.
  function readFile(input, done) {
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      input.value = "";
      var record = store.parseRecord(text);
      if (!record) return done(null, NO_BACKUP);
      if (record.site && record.site !== store.siteId()) {
        return done(null, "Dit bestand is een reservekopie van een andere site (‘" + record.site.slice(0, 80) +
          "’), niet van deze (‘" + store.siteId() + "’); er is niets veranderd.");
      }
      done(record, null);
    }, function () {
      input.value = "";
      done(null, NO_BACKUP);
    });
  }

  function count(n, one, more) {
    return n + " " + (n === 1 ? one : more);
  }

  // What was not taken over besides unknown answers: entries removed here
  // later, removals the backup brought, stamps that are no real moment.
  function more(counts) {
    var text = "";
    if (counts.forgotten) {
      text += " " + count(counts.forgotten, "antwoord dat", "antwoorden die") + " je hier later wist, " +
        (counts.forgotten === 1 ? "is" : "zijn") + " niet teruggezet.";
    }
    if (counts.removed) {
      text += " " + count(counts.removed, "antwoord is", "antwoorden zijn") + " hier gewist, zoals in het bestand (daar later gewist).";
    }
    if (counts.badStamps.length) {
      text += " " + count(counts.badStamps.length, "antwoord heeft", "antwoorden hebben") +
        " een datum die niet kan kloppen en " + (counts.badStamps.length === 1 ? "is" : "zijn") +
        " niet overgenomen: " + counts.badStamps.join(", ") + ".";
    }
    return text;
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
    return text + more(counts);
  }

  // A page's own backup (its answer bar, the planner): the whole backup
  // merged at once (this page knows only its own sheets: answers to others
  // are taken as they are, and shown on Mijn antwoorden), the outcome in the
  // page's message, which says what of it belongs elsewhere; then `after`
  // (the page shows it).
  function merge(input, catalogue, after) {
    readFile(input, function (record, refused) {
      if (!record) return core.showMessage(refused, true);
      var counts = store.bringIn(record, "merge", catalogue, { partial: true });
      var elsewhere = Object.keys(record.items).filter(function (key) {
        return counts.unknown.indexOf(key) < 0 && !core.known(key, catalogue || core.map(), false);
      }).length;
      var text = report(counts);
      if (elsewhere) {
        text += " Het hele bestand is overgenomen: " + count(elsewhere, "antwoord hoort", "antwoorden horen") +
          " niet bij deze pagina; je vindt alles bij Mijn antwoorden.";
      }
      core.showMessage(counts.problem || text, true);
      if (after) after();
    });
  }

  core.define("answers-import", { readFile: readFile, count: count, report: report, more: more, merge: merge });
})();
