// The store's rules (docs/assets/answers-store.js) without a browser:
// run by tests/test_store_model.py (`node --test tests/js/`).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const model = require(path.join(__dirname, "..", "..", "docs", "assets", "answers-store.js"));

const T1 = "2026-01-01T00:00:00.000Z";
const T2 = "2026-02-01T00:00:00.000Z";
const T3 = "2026-03-01T00:00:00.000Z";
const NOW = Date.parse("2026-12-07T12:00:00.000Z");

function items(object) {
  const out = model.map();
  for (const key of Object.keys(object)) out[key] = object[key];
  return out;
}

function plain(object) {
  return JSON.parse(JSON.stringify(object));
}

test("a time stamp must be a real moment", () => {
  assert.ok(model.realStamp(T1, NOW));
  assert.ok(model.realStamp("2026-12-08T11:00:00Z", NOW), "a clock a little ahead");
  for (const bad of ["9999-12-31T23:59:59.999Z", "zzz", "", "2026-13-01T00:00:00.000Z", "1999-12-31T00:00:00.000Z",
    "2026-12-09T12:00:00.000Z", 42, null, undefined]) {
    assert.equal(model.realStamp(bad, NOW), false, String(bad));
  }
});

test("a record is read with its removals, its site and the stamps it refuses", () => {
  const record = model.parseRecord(JSON.stringify({
    version: 2, site: "positief-in-gesprek",
    items: {
      "hefbomen/talent": { text: "Structuur", updated: T1 },
      "hefbomen/trigger": { text: "Altijd nieuwst", updated: "9999-01-01T00:00:00.000Z" },
      "@agenda/a1/punt": { text: "Van een latere uitgave", extra: [1] },
    },
    deleted: { "droomvraag/wat-doe-je": T2, "hefbomen/talent": T3, "x/y": "zzz" },
  }));
  assert.deepEqual(plain(record.items), {
    "hefbomen/talent": { text: "Structuur", updated: T1 },
    "hefbomen/trigger": { text: "Altijd nieuwst", updated: "" },
    "@agenda/a1/punt": { text: "Van een latere uitgave", extra: [1] },
  });
  assert.deepEqual(plain(record.deleted), { "droomvraag/wat-doe-je": T2 }, "a removal of a key still held, or with a false stamp, is dropped");
  assert.equal(record.site, "positief-in-gesprek");
  assert.deepEqual(record.badStamps, ["hefbomen/trigger"]);
});

test("version 1 backups are read; anything else is no record", () => {
  const old = model.parseRecord(JSON.stringify({ version: 1, answers: { "hefbomen/talent": { text: "Oud" } } }));
  assert.equal(old.items["hefbomen/talent"].text, "Oud");
  for (const bad of ["{", "[1]", "null", JSON.stringify({ version: 3, items: {} }),
    JSON.stringify({ version: 1, answers: { "@naam": { text: "x" } } }),
    JSON.stringify({ version: 2, items: { "hefbomen/talent": { text: 42 } } })]) {
    assert.equal(model.parseRecord(bad), null, bad);
  }
});

test("ids named like built-in names are keys like any other", () => {
  const text = '{"version": 2, "items": {"__proto__": {"text": "x", "updated": "' + T1 + '"},' +
    ' "constructor/constructor": {"text": "c", "updated": "' + T1 + '"},' +
    ' "@plan/constructor/naam": {"text": "Plan", "updated": "' + T1 + '"},' +
    ' "@plan/tostring/naam": {"text": "Ander plan", "updated": "' + T2 + '"},' +
    ' "@mindset/constructor": {"name": "c", "answers": {"constructor": 3, "__proto__": 2}, "updated": "' + T1 + '"}}}';
  const record = model.parseRecord(text);
  assert.equal(Object.getPrototypeOf(record.items), null);
  assert.deepEqual(Object.keys(record.items).sort(), ["@mindset/constructor", "@plan/constructor/naam", "@plan/tostring/naam", "__proto__", "constructor/constructor"]);
  assert.equal(record.items["@mindset/constructor"].answers.constructor, 3);
  assert.equal({}.polluted, undefined);
  const plans = model.plansOf(record.items);
  assert.deepEqual(Object.keys(plans).sort(), ["constructor", "tostring"]);
  assert.equal(plans.constructor.naam.text, "Plan");
  assert.equal(plans.valueOf, undefined);
  assert.deepEqual(model.order(plans), ["tostring", "constructor"]);
  const again = model.parseRecord(model.toText(record.items, record.deleted, "positief-in-gesprek", T3));
  assert.deepEqual(plain(again.items), plain(record.items));
});

const CATALOGUE = items({ hefbomen: ["talent", "trigger", "hefboom"] });

test("a merge keeps the newer entry and counts what it did", () => {
  const current = items({ "hefbomen/talent": { text: "Hier", updated: T3 }, "hefbomen/trigger": { text: "Hier oud", updated: T1 } });
  const backup = items({
    "hefbomen/talent": { text: "Bestand oud", updated: T2 },
    "hefbomen/trigger": { text: "Bestand nieuw", updated: T2 },
    "hefbomen/hefboom": { text: "Nieuw", updated: T2 },
    "onbekend/vraag": { text: "?", updated: T2 },
  });
  const result = model.merge(current, model.map(), backup, "merge", CATALOGUE);
  assert.deepEqual(plain(result.counts), { added: 1, updated: 1, kept: 1, forgotten: 0, removed: 0, unknown: ["onbekend/vraag"],
    badStamps: [], before: 2, after: 3, lost: 0 });
  assert.equal(result.items["hefbomen/talent"].text, "Hier");
  assert.equal(result.items["hefbomen/trigger"].text, "Bestand nieuw");
  assert.deepEqual(Object.keys(result.changes).sort(), ["hefbomen/hefboom", "hefbomen/trigger"]);
});

test("a removal is remembered: an older backup does not bring it back, a newer one does", () => {
  const current = items({});
  const gone = items({ "hefbomen/talent": T2 });
  const older = model.merge(current, gone, items({ "hefbomen/talent": { text: "Vroeger", updated: T1 } }), "merge", CATALOGUE);
  assert.equal(older.counts.forgotten, 1);
  assert.equal(Object.keys(older.items).length, 0);
  const newer = model.merge(current, gone, items({ "hefbomen/talent": { text: "Later getypt", updated: T3 } }), "merge", CATALOGUE);
  assert.equal(newer.counts.added, 1);
  // A removal in the backup, later than this device's entry, removes it here.
  const here = items({ "hefbomen/trigger": { text: "Hier", updated: T1 } });
  const record = { items: model.map(), deleted: items({ "hefbomen/trigger": T2 }), badStamps: [] };
  const result = model.merge(here, model.map(), record, "merge", CATALOGUE);
  assert.equal(result.counts.removed, 1);
  assert.equal(result.changes["hefbomen/trigger"], null);
  // apply() remembers removals and forgets them when an entry comes back.
  const kept = items({ a: { text: "x", updated: T1 } });
  const deleted = model.map();
  model.apply(kept, deleted, items({ a: null }), T2);
  assert.equal(deleted.a, T2);
  model.apply(kept, deleted, items({ a: { text: "y", updated: T3 } }), T3);
  assert.equal(deleted.a, undefined);
});

test("a replace counts what it keeps and what would be lost", () => {
  const current = items({ "hefbomen/talent": { text: "a", updated: T1 }, "hefbomen/trigger": { text: "b", updated: T1 }, "@naam": { text: "Anna", updated: T1 } });
  const unknownOnly = model.merge(current, model.map(), items({ "oud/vraag": { text: "x", updated: T1 } }), "replace", CATALOGUE);
  assert.deepEqual(unknownOnly.counts.unknown, ["oud/vraag"]);
  assert.equal(unknownOnly.counts.after, 0);
  assert.equal(unknownOnly.counts.lost, 3);
  const one = model.merge(current, model.map(), items({ "hefbomen/talent": { text: "c", updated: T1 } }), "replace", CATALOGUE);
  assert.deepEqual([one.counts.before, one.counts.after, one.counts.lost], [3, 1, 2]);
});

test("a page that knows only its own sheets takes the answers to others (partial)", () => {
  const backup = items({ "droomvraag/wat-doe-je": { text: "x", updated: T1 }, "hefbomen/onbekend": { text: "y", updated: T1 } });
  const result = model.merge(model.map(), model.map(), backup, "merge", CATALOGUE, { partial: true });
  assert.deepEqual(Object.keys(result.items), ["droomvraag/wat-doe-je"]);
  assert.deepEqual(result.counts.unknown, ["hefbomen/onbekend"]);
});

test("a conversation's date: its own, else the last typed on its sheets, never taken from the name", () => {
  const kept = items({
    "@plan/g1/naam": { text: "Hans, 12 mei", updated: T1 },
    "@plan/g1/schaalvraag/@datum": { text: "12 mei", updated: T1 },
    "@plan/g1/droomvraag/@datum": { text: "13 mei", updated: T2 },
    "@plan/g2/naam": { text: "Sanne", updated: T1 },
    "@plan/g2/datum": { text: "3 juni", updated: T1 },
    "@plan/g2/schaalvraag/@datum": { text: "1 juni", updated: T3 },
    "@plan/g3/naam": { text: "Ahmed, 4 juli", updated: T1 },
  });
  assert.equal(model.planDate(kept, "g1"), "13 mei");
  assert.equal(model.planDate(kept, "g2"), "3 juni");
  assert.equal(model.planDate(kept, "g3"), "");
  assert.equal(model.planDate(kept, "g4"), "");
  // Nothing is changed by reading it.
  assert.equal(kept["@plan/g1/schaalvraag/@datum"].text, "12 mei");
  assert.equal(kept["@plan/g3/naam"].text, "Ahmed, 4 juli");
});

test("dates in Dutch words, once for every page", () => {
  assert.equal(model.dutchDay("2027-01-15"), "15 januari 2027");
  assert.equal(model.dutchDay("12 mei"), "12 mei");
  assert.equal(model.dutchDate("2026-06-01T10:00:00.000Z"), "1 juni 2026");
  assert.equal(model.dutchDate(""), "");
  assert.equal(model.dutchDate("geen datum"), "");
});
