// Positief in Gesprek: the keys of earlier editions, taken over once (a part
// of answers.js).
//
// Loaded by answers.js only where such keys are in this browser's storage
// (its cheap look at the keys' names, oldKeys()); answers.js sets up the
// page's fields once this has run, so they show what was taken over.
//   "<path>pig.answers"        answers (version 1), under the site's path then
//   "pig-mindset-test:<area>"  a mindset test area (version 1)
// Taken over when found, the newer entry winning; the old keys are removed
// only once the store holds them (written and read back).
(function () {
  "use strict";

  var store = (window.pig || {}).store;
  if (!store) return;
  var core = store.core;
  var has = core.has;
  var MINDSET = store.MINDSET;

  function migrate() {
    var ls = core.storage();
    if (!ls) return;
    var found = {};
    var oldKeys = [];
    try {
      for (var i = 0; i < ls.length; i++) {
        var key = ls.key(i);
        if (!key) continue;
        if (/pig\.answers$/.test(key)) {
          var answers = store.parseItems(ls.getItem(key));
          if (!answers) continue;
          oldKeys.push(key);
          for (var answer in answers) {
            if (has(answers, answer) && (!found[answer] || answers[answer].updated > found[answer].updated)) {
              found[answer] = answers[answer];
            }
          }
        } else if (key.indexOf("pig-mindset-test:") === 0) {
          var area = key.slice("pig-mindset-test:".length);
          var record;
          try {
            record = JSON.parse(ls.getItem(key));
          } catch (error) {
            record = null;
          }
          oldKeys.push(key);
          if (!record || record.version !== 1) continue; // unreadable then too: nothing to keep
          var entry = core.cleanEntry(MINDSET + area, {
            name: record.name, answers: record.answers,
            updated: typeof record.saved === "number" ? new Date(record.saved).toISOString() : "",
          });
          if (entry && Object.keys(entry.answers).length) found[MINDSET + area] = entry;
        }
      }
    } catch (error) {
      return; // blocked: nothing taken over, nothing removed
    }
    if (!oldKeys.length) return;
    var stored = core.readStored();
    if (stored.state !== "ok" && stored.state !== "empty") return;
    var items = stored.items;
    for (var name in found) {
      if (has(found, name) && (!has(items, name) || (found[name].updated || "") > (items[name].updated || ""))) {
        items[name] = found[name];
      }
    }
    if (!core.writeAll(items)) return; // full: the old keys stay, taken over another time
    oldKeys.forEach(function (old) {
      try { ls.removeItem(old); } catch (error) { /* stays; taken over again, no harm */ }
    });
  }

  store.migrate = migrate;
  core.define("answers-upgrade", { migrate: migrate });
})();
