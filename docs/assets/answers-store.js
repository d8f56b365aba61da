// Positief in Gesprek: the store of everything the reader fills in, as data.
//
// The rules of the one store, without any page: the kinds of keys, what an
// entry may hold, reading a stored record or a backup (parseRecord),
// writing one (toText), applying changes with the removals remembered
// (apply), merging a backup (merge), and the conversations kept in it
// (plansOf, order, sheetKey). No DOM, no storage, no clock of its own
// (the time is passed in): answers.js keeps it in localStorage and draws
// the pages; tests/js/store.test.js runs it in node.
(function (root) {
  "use strict";

  var VERSION = 2; // of the stored record and of the backup file
  var APP = "positief-in-gesprek";
  // The longest answer kept (characters): generous (some forty pages), said
  // at the field when it is reached; nothing typed is ever cut off.
  var LIMIT = 100000;

  // --- Keys of the store --------------------------------------------------------
  //   "<sheet>/<question>"  an answer             {text, updated}
  //   "<sheet>/@datum"      the date on a sheet   {text, updated}
  //   "@naam"               the reader's name     {text, updated}
  //   "@mindset/<area>"     a mindset test area   {name, answers: {item: position}, updated}
  //   "@mindset-history/<area>/<time>"  an earlier result of that area (same shape)
  //   "@plan/<plan>/<field>"  a conversation plan's field (planner.js)  {text, updated}
  //   "@plan/<plan>/<sheet>/<question>"  an answer on a sheet for that conversation
  //   "@plan/<plan>/<sheet>/@datum"      the date on that sheet for it
  //   "@sessie/<session>/<field>"  a trainer's session's field (werkmap.js)  {text, updated}
  // A conversation is a workspace: its plan, and its own answers to every
  // worksheet used for it; its name ("@plan/<plan>/naam") is the name on
  // those sheets. The keys without a plan are the reader's own.
  var ANSWER = /^[a-z0-9-]+\/[a-z0-9-]+$/;
  var PLAN = /^@plan\/[a-z0-9]{1,40}\/[a-z0-9-]{1,80}$/;
  var SESSION = /^@sessie\/[a-z0-9]{1,40}\/[a-z0-9-]{1,80}$/;
  var DATE = /^[a-z0-9-]+\/@datum$/;
  var NAME = "@naam";
  var MINDSET = "@mindset/";
  var HISTORY = "@mindset-history/";
  var HISTORY_KEY = /^@mindset-history\/(.+)\/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z)$/;
  var PLAN_PREFIX = "@plan/";
  var PLAN_ID = /^[a-z0-9]{1,40}$/;
  var PLAN_SHEET = /^@plan\/([a-z0-9]{1,40})\/([a-z0-9-]+)\/(@datum|[a-z0-9-]+)$/;

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // A map keyed by ids from the store, a backup or an address: without a
  // prototype, so that ids such as "constructor" or "__proto__" are keys
  // like any other.
  function map() {
    return Object.create(null);
  }

  // A time stamp as the store writes it (new Date().toISOString()), of a
  // real moment: not before 2000 and not more than a day ahead of `nowMs`
  // (this device's clock when not given). Others ("9999-…", "zzz") would
  // win every merge.
  var STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
  function realStamp(stamp, nowMs) {
    if (typeof stamp !== "string" || !STAMP.test(stamp)) return false;
    var time = Date.parse(stamp);
    return !isNaN(time) && time >= Date.UTC(2000, 0, 1) && time <= (nowMs === undefined ? Date.now() : nowMs) + 864e5;
  }

  function isMindsetArea(area) {
    return /^[a-z0-9-]+$/.test(area) || (/^eigen:./.test(area) && area.length <= 70);
  }

  // A key of a kind this edition knows; others belong to a later edition.
  function knownKind(key) {
    return ANSWER.test(key) || DATE.test(key) || key === NAME || PLAN.test(key) || PLAN_SHEET.test(key) || SESSION.test(key) || key.indexOf(MINDSET) === 0 || HISTORY_KEY.test(key);
  }

  // An entry as it may be kept, or null. Timestamps are ISO texts of real
  // moments; another stamp is kept as none ("", older than any), and
  // `badStamps` (a list, when given) gets the key.
  function cleanEntry(key, entry, badStamps) {
    if (!entry || typeof entry !== "object") return null;
    var updated = realStamp(entry.updated) ? entry.updated : "";
    if (!updated && entry.updated !== undefined && entry.updated !== "" && badStamps) badStamps.push(key);
    if (ANSWER.test(key) || DATE.test(key) || key === NAME || PLAN.test(key) || PLAN_SHEET.test(key) || SESSION.test(key)) {
      return typeof entry.text === "string" ? { text: entry.text, updated: updated } : null;
    }
    var earlier = HISTORY_KEY.exec(key);
    if ((key.indexOf(MINDSET) === 0 && isMindsetArea(key.slice(MINDSET.length))) || (earlier && isMindsetArea(earlier[1]))) {
      if (typeof entry.name !== "string" || !entry.answers || typeof entry.answers !== "object") return null;
      var answers = map();
      for (var item in entry.answers) {
        var value = entry.answers[item];
        if (has(entry.answers, item) && /^[a-z0-9-]+$/.test(item) && typeof value === "number" && value % 1 === 0 && value >= 1 && value <= 9) {
          answers[item] = value;
        }
      }
      return { name: entry.name, answers: answers, updated: updated };
    }
    return null;
  }

  // A stored record or backup file read: {items, deleted, site, badStamps},
  // or null when it is none. Backups of version 1 (answers only) are read
  // too. `deleted` ({key: stamp}) remembers what the reader removed, so
  // that a merge does not bring it back; `site` is the identity of the site
  // that wrote it ("" when the file does not say).
  function parseRecord(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) return null;
    var source;
    if (data.version === VERSION) source = data.items;
    else if (data.version === 1) source = data.answers;
    else return null;
    if (!source || typeof source !== "object" || Array.isArray(source)) return null;
    var items = map();
    var badStamps = [];
    for (var key in source) {
      if (!has(source, key)) continue;
      var entry = cleanEntry(key, source[key], badStamps);
      if (!entry && data.version === VERSION && !knownKind(key) && key.length <= 200 &&
          source[key] && typeof source[key] === "object" && !Array.isArray(source[key])) {
        // A kind of item a later edition keeps here: carried along as it is
        // (in the store and in backups), never shown, so that opening an
        // older edition neither loses it nor calls the store damaged.
        items[key] = source[key];
        continue;
      }
      if (!entry || (data.version === 1 && !ANSWER.test(key))) return null;
      items[key] = entry;
    }
    var deleted = map();
    if (data.deleted && typeof data.deleted === "object" && !Array.isArray(data.deleted)) {
      for (key in data.deleted) {
        if (has(data.deleted, key) && key.length <= 200 && realStamp(data.deleted[key]) && !has(items, key)) deleted[key] = data.deleted[key];
      }
    }
    var site = typeof data.site === "string" ? data.site : "";
    return { items: items, deleted: deleted, site: site, badStamps: badStamps };
  }

  // The items of a stored record or backup file, or null when it is none.
  function parseItems(text) {
    var record = parseRecord(text);
    return record ? record.items : null;
  }

  // The text of a record (the store's, or a backup file): `site` is the
  // site's identity, `saved` the time.
  function toText(items, deleted, site, saved) {
    var record = { version: VERSION, app: APP, site: site, saved: saved, items: items };
    if (deleted && Object.keys(deleted).length) record.deleted = deleted;
    return JSON.stringify(record, null, 2);
  }

  // Apply changes ({key: entry, or null to remove}) to `items`, and to
  // `deleted` (a removal is remembered with its time `stamp`, an entry
  // forgets it).
  function apply(items, deleted, changes, stamp) {
    for (var key in changes) {
      if (!has(changes, key)) continue;
      if (changes[key] === null) {
        if (has(items, key)) deleted[key] = stamp;
        delete items[key];
      } else {
        items[key] = changes[key];
        delete deleted[key];
      }
    }
  }

  function same(a, b) {
    if (!a || !b) return !a && !b;
    return JSON.stringify(a.text !== undefined ? a.text : a.answers) === JSON.stringify(b.text !== undefined ? b.text : b.answers);
  }

  // Is `key` an item this page can show? `catalogue` lists the questions
  // of each sheet ({sheet: [question ids]}); with `partial` (a page that
  // knows only its own sheets) the answers to other sheets count too.
  function known(key, catalogue, partial) {
    if (key === NAME) return true;
    if (key.indexOf(MINDSET) === 0 || HISTORY_KEY.test(key)) return true;
    if (PLAN.test(key) || SESSION.test(key)) return true;
    var inPlan = PLAN_SHEET.exec(key);
    if (inPlan) key = inPlan[2] + "/" + inPlan[3];
    var sheet = key.split("/")[0];
    if (!ANSWER.test(key) && !DATE.test(key)) return false;
    if (!has(catalogue, sheet)) return Boolean(partial);
    return DATE.test(key) || catalogue[sheet].indexOf(key.split("/")[1]) >= 0;
  }

  // A backup (a record of parseRecord, or its items alone) brought into
  // `current` (the items now) with `gone` (the removals remembered).

  // after the backup's entry was written stays removed (as does what the
  // backup says was removed later than this device's entry); "replace": the
  // backup's items take the place of all. Items this page does not know
  // (`catalogue`, `partial`: see known()) are counted as unknown and not
  // kept, as are entries with a stamp that is no real moment. Returns
  // {items: the items after, changes: {key: entry or null} to get there,
  // counts: {added, updated, kept, forgotten: removed here and not brought
  // back, removed: removed here as the backup says, unknown: [keys],
  // badStamps: [keys], before, after, lost}}.
  function merge(current, gone, imported, mode, catalogue, options) {
    options = options || {};
    var record = imported && imported.items && imported.deleted ? imported : { items: imported, deleted: map(), badStamps: [] };
    var source = record.items;
    var items = map();
    var key;
    if (mode !== "replace") for (key in current) if (has(current, key)) items[key] = current[key];
    var counts = { added: 0, updated: 0, kept: 0, forgotten: 0, removed: 0, unknown: [], badStamps: [] };
    (record.badStamps || []).forEach(function (bad) { if (has(source, bad)) counts.badStamps.push(bad); });
    for (key in source) {
      if (!has(source, key)) continue;
      if (catalogue && !known(key, catalogue, options.partial)) {
        counts.unknown.push(key);
        continue;
      }
      if (counts.badStamps.indexOf(key) >= 0) continue;
      var entry = source[key];
      if (mode !== "replace" && !has(items, key) && has(gone, key) && (entry.updated || "") <= gone[key]) {
        counts.forgotten++;
      } else if (!has(items, key)) {
        items[key] = entry;
        counts.added++;
      } else if (same(items[key], entry)) {
        counts.kept++;
      } else if (mode === "replace" || (entry.updated || "") > (items[key].updated || "")) {
        items[key] = entry;
        counts.updated++;
      } else {
        counts.kept++;
      }
    }
    if (mode !== "replace") {
      for (key in record.deleted) {
        if (has(record.deleted, key) && has(items, key) && (items[key].updated || "") < record.deleted[key] &&
            (!catalogue || known(key, catalogue, options.partial)) && !has(source, key)) {
          delete items[key];
          counts.removed++;
        }
      }
    }
    counts.before = Object.keys(current).length;
    counts.after = Object.keys(items).length;
    counts.lost = Object.keys(current).filter(function (old) { return !has(items, old); }).length;
    var changes = map();
    for (key in current) if (has(current, key) && !has(items, key)) changes[key] = null;
    for (key in items) if (has(items, key) && items[key] !== current[key]) changes[key] = items[key];
    return { items: items, changes: changes, counts: counts };
  }


  // --- Conversations ------------------------------------------------------------------

  // The plans in the items: {plan: {field: entry}}.
  function plansOf(items) {
    var plans = map();
    for (var key in items) {
      if (!has(items, key) || key.indexOf(PLAN_PREFIX) !== 0) continue;
      var parts = key.slice(PLAN_PREFIX.length).split("/");
      if (parts.length !== 2 || !PLAN_ID.test(parts[0])) continue;
      (plans[parts[0]] = plans[parts[0]] || map())[parts[1]] = items[key];
    }
    return plans;
  }

  // The time a plan was last changed ("" when never).
  function lastUpdate(plan) {
    var last = "";
    for (var field in plan) if (has(plan, field) && (plan[field].updated || "") > last) last = plan[field].updated;
    return last;
  }

  // The plans' ids, the most recently changed first.
  function order(plans) {
    return Object.keys(plans).sort(function (a, b) {
      var da = lastUpdate(plans[a]), db = lastUpdate(plans[b]);
      return da === db ? (a < b ? -1 : 1) : (da < db ? 1 : -1);
    });
  }

  // The key of an answer on `sheet` (a question's id, or "@datum"): the
  // conversation's (`plan`) or, without one, the reader's own.
  function sheetKey(plan, sheet, question) {
    return (plan ? PLAN_PREFIX + plan + "/" : "") + sheet + "/" + question;
  }

  // The key of the name on a sheet: the conversation's person, or the reader.
  function nameKey(plan) {
    return plan ? PLAN_PREFIX + plan + "/naam" : NAME;
  }

  // 3.5 -> "3,5": an average as Dutch writes it, with one decimal (the
  // self-test and its result).
  function formatAverage(average) {
    return average.toFixed(1).replace(".", ",");
  }

  // Dates in Dutch words, as the pages show them: a time stamp ("" if it
  // is none), and a day as a date field keeps it (yyyy-mm-dd; other text
  // as it is).
  function dutchDate(stamp) {
    var date = new Date(stamp || "");
    return isNaN(date.getTime()) ? "" : date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  }

  function dutchDay(day) {
    var match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
    if (!match) return day;
    return new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  // The date of conversation `plan`, to show on its sheets: its own
  // "datum"; for a plan kept before it had one, the date last typed on one
  // of its sheets ("<sheet>/@datum", which stays as it is); else "". A date
  // typed in the name ("Hans, 12 mei") stays in the name.
  function planDate(items, plan) {
    var own = items[PLAN_PREFIX + plan + "/datum"];
    if (own && own.text.trim()) return own.text;
    var found = null;
    for (var key in items) {
      var match = has(items, key) && PLAN_SHEET.exec(key);
      if (!match || match[1] !== plan || match[3] !== "@datum" || !items[key].text.trim()) continue;
      if (!found || (items[key].updated || "") > (found.updated || "")) found = items[key];
    }
    return found ? found.text : "";
  }

  // The answers given on sheets for conversation `plan`: {sheet: {question: entry}}.
  function planSheets(items, plan) {
    var sheets = map();
    for (var key in items) {
      var found = has(items, key) && PLAN_SHEET.exec(key);
      if (!found || found[1] !== plan) continue;
      (sheets[found[2]] = sheets[found[2]] || map())[found[3]] = items[key];
    }
    return sheets;
  }

  // Move the reader's own answers on `sheet` (and its date) into
  // conversation `plan`: the changes, and how many moved. An answer the
  // conversation has already is not written over: the reader's own stays
  // (counted in `stayed`).
  function moveSheet(items, sheet, plan, stamp) {
    var changes = map();
    var moved = 0;
    var stayed = 0;
    for (var key in items) {
      if (!has(items, key) || (!ANSWER.test(key) && !DATE.test(key)) || key.split("/")[0] !== sheet) continue;
      var target = PLAN_PREFIX + plan + "/" + key;
      if (has(items, target) && !same(items[target], items[key])) {
        stayed++;
        continue;
      }
      changes[target] = { text: items[key].text, updated: stamp };
      changes[key] = null;
      moved++;
    }
    return { changes: changes, moved: moved, stayed: stayed };
  }

  // The earlier results of the self-test: {area: [record, …]}, the newest first.
  function mindsetHistory(items) {
    var history = map();
    for (var key in items) {
      var found = has(items, key) && HISTORY_KEY.exec(key);
      if (found) (history[found[1]] = history[found[1]] || []).push({ name: items[key].name, answers: items[key].answers, updated: found[2] });
    }
    for (var area in history) history[area].sort(function (a, b) { return a.updated < b.updated ? 1 : -1; });
    return history;
  }

  // The key an earlier result of `area`, written at `stamp`, is kept under.
  function historyKey(area, stamp) {
    return HISTORY + area + "/" + stamp;
  }

  var model = {
    VERSION: VERSION, APP: APP, LIMIT: LIMIT, ANSWER: ANSWER, PLAN: PLAN, SESSION: SESSION, DATE: DATE, NAME: NAME, MINDSET: MINDSET,
    PLAN_PREFIX: PLAN_PREFIX, PLAN_ID: PLAN_ID, PLAN_SHEET: PLAN_SHEET,
    has: has, map: map, realStamp: realStamp, knownKind: knownKind, cleanEntry: cleanEntry,
    parseRecord: parseRecord, parseItems: parseItems, toText: toText, apply: apply, same: same, known: known,
    merge: merge, plansOf: plansOf, lastUpdate: lastUpdate, order: order,
    HISTORY: HISTORY, mindsetHistory: mindsetHistory, historyKey: historyKey,
    sheetKey: sheetKey, nameKey: nameKey, planDate: planDate, dutchDate: dutchDate, dutchDay: dutchDay, formatAverage: formatAverage, planSheets: planSheets, moveSheet: moveSheet,
  };
  if (typeof module === "object" && module.exports) module.exports = model;
  else (root.pig = root.pig || {}).storeModel = model;
})(this);
