// Positief in Gesprek: everything the reader fills in online, in one store.
//
// One store (window.pigStore) for the worksheets' answers, the name and date
// on a sheet, and the mindset test's results per area; kept in this browser
// only (localStorage), under one key named by the site's identity
// (<meta name="pig-site-id">, from extra.answers_site_id in mkdocs.yml), so
// the same answers are found at any path, in any folder and in every
// edition. Nothing is sent anywhere. Answers are always handled as text:
// they go into `value` and `textContent`, never into markup.
//
// This file also draws the answer fields (worksheets, reflections), keeps
// the fields of the planner (planner.js) and offers a backup. It is loaded
// on every page with fields; what fewer pages or fewer readers need is in
// files beside it:
//   mindset-result.js   the mindset test's result (window.pigResult), and
//   mijn-antwoorden.js  "Mijn antwoorden": named by those pages' front matter;
//   answers-import.js   a backup brought back in: loaded when a file is picked;
//   answers-upgrade.js  the keys of earlier editions: loaded when there are any;
//   answers-disk.js     storage per file: loaded on pages opened from disk.
(function () {
  "use strict";

  var VERSION = 2; // of the stored record and of the backup file
  var APP = "positief-in-gesprek";
  var SAVE_DELAY = 300;

  // --- Keys of the store --------------------------------------------------------
  //   "<sheet>/<question>"  an answer             {text, updated}
  //   "<sheet>/@datum"      the date on a sheet   {text, updated}
  //   "@naam"               the reader's name     {text, updated}
  //   "@mindset/<area>"     a mindset test area   {name, answers: {item: position}, updated}
  //   "@plan/<plan>/<field>"  a conversation plan's field (planner.js)  {text, updated}
  //   "@sessie/<session>/<field>"  a trainer's session's field (werkmap.js)  {text, updated}
  var ANSWER = /^[a-z0-9-]+\/[a-z0-9-]+$/;
  var PLAN = /^@plan\/[a-z0-9]{1,40}\/[a-z0-9-]{1,80}$/;
  var SESSION = /^@sessie\/[a-z0-9]{1,40}\/[a-z0-9-]{1,80}$/;
  var DATE = /^[a-z0-9-]+\/@datum$/;
  var NAME = "@naam";
  var MINDSET = "@mindset/";

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function now() {
    return new Date().toISOString();
  }

  function isMindsetArea(area) {
    return /^[a-z0-9-]+$/.test(area) || (/^eigen:./.test(area) && area.length <= 70);
  }

  // A key of a kind this edition knows; others belong to a later edition.
  function knownKind(key) {
    return ANSWER.test(key) || DATE.test(key) || key === NAME || PLAN.test(key) || SESSION.test(key) || key.indexOf(MINDSET) === 0;
  }

  // An entry as it may be kept, or null. Timestamps are ISO texts.
  function cleanEntry(key, entry) {
    if (!entry || typeof entry !== "object") return null;
    var updated = typeof entry.updated === "string" ? entry.updated : "";
    if (ANSWER.test(key) || DATE.test(key) || key === NAME || PLAN.test(key) || SESSION.test(key)) {
      return typeof entry.text === "string" ? { text: entry.text, updated: updated } : null;
    }
    if (key.indexOf(MINDSET) === 0 && isMindsetArea(key.slice(MINDSET.length))) {
      if (typeof entry.name !== "string" || !entry.answers || typeof entry.answers !== "object") return null;
      var answers = {};
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

  // The items of a stored record or backup file, or null when it is none.
  // Backups of version 1 (answers only) are read too.
  function parseItems(text) {
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
    var items = {};
    for (var key in source) {
      if (!has(source, key)) continue;
      var entry = cleanEntry(key, source[key]);
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
    return items;
  }

  function serialise(items) {
    return JSON.stringify({ version: VERSION, app: APP, site: siteId(), saved: now(), items: items }, null, 2);
  }

  function siteId() {
    var meta = document.querySelector("meta[name=pig-site-id]");
    var id = meta && meta.content ? meta.content : APP;
    return /^[A-Za-z0-9._-]+$/.test(id) ? id : APP;
  }

  function storeKey() {
    return "pig/" + siteId() + "/v" + VERSION;
  }

  // --- The store --------------------------------------------------------------------

  var MESSAGES = {
    blocked: "Je browser staat niet toe dat hier iets wordt bewaard. Wat je typt, blijft alleen op deze pagina staan zolang je hem openhoudt: download een reservekopie voordat je hem sluit.",
    full: "Opslaan lukt niet: de opslag van je browser is vol of uitgeschakeld. Wat je typte, staat nog op de pagina; download een reservekopie, daar zit het in.",
    corrupt: "Je bewaarde antwoorden zijn beschadigd en worden niet gebruikt (ze blijven staan zoals ze zijn). Wat je nu typt, blijft alleen op deze pagina staan: download een reservekopie.",
  };

  var pending = {}; // changes that could not be stored: kept here, and in every download
  var problem = null; // "blocked", "full", "corrupt" or null
  var listeners = [];

  function storage() {
    try {
      var ls = window.localStorage;
      ls.getItem(storeKey()); // a blocked storage may throw only here
      return ls;
    } catch (error) {
      return null;
    }
  }

  // The stored items: {items, state}; state "ok", "empty", "blocked" or "corrupt".
  function readStored() {
    var ls = storage();
    if (!ls) return { items: {}, state: "blocked" };
    var raw;
    try {
      raw = ls.getItem(storeKey());
    } catch (error) {
      return { items: {}, state: "blocked" };
    }
    if (raw === null) return { items: {}, state: "empty" };
    var items = parseItems(raw);
    return items ? { items: items, state: "ok" } : { items: {}, state: "corrupt" };
  }

  // Everything the reader has: what is stored, with what could not be stored.
  function all() {
    var items = readStored().items;
    for (var key in pending) {
      if (!has(pending, key)) continue;
      if (pending[key] === null) delete items[key];
      else items[key] = pending[key];
    }
    return items;
  }

  // Write the items; true when stored (and read back the same).
  function writeAll(items) {
    var ls = storage();
    if (!ls) { problem = "blocked"; return false; }
    var text = serialise(items);
    try {
      ls.setItem(storeKey(), text);
      if (ls.getItem(storeKey()) !== text) throw new Error("not kept");
    } catch (error) {
      problem = "full";
      return false;
    }
    return true;
  }

  // Apply `changes` ({key: entry or null}) to the stored items; what cannot
  // be stored stays pending. Returns the problem's message or null.
  function commit(changes) {
    var stored = readStored();
    if (stored.state === "blocked" || stored.state === "corrupt") {
      problem = stored.state;
    }
    var key;
    for (key in changes) if (has(changes, key)) pending[key] = changes[key];
    if (stored.state === "ok" || stored.state === "empty") {
      var items = stored.items;
      for (key in pending) {
        if (!has(pending, key)) continue;
        if (pending[key] === null) delete items[key];
        else items[key] = pending[key];
      }
      if (writeAll(items)) {
        pending = {};
        problem = null;
      }
    }
    return problem ? MESSAGES[problem] : null;
  }

  function get(key) {
    var items = all();
    return has(items, key) ? items[key] : null;
  }

  // Store `entry` (null to remove) under `key`, unless the stored entry is
  // newer than the one the reader's edit started from (`base`: its `updated`,
  // or "" when there was none) and says something else: then nothing is
  // written, and the newer entry comes back as `conflict`, to be shown.
  function put(key, entry, base, force) {
    var current = get(key);
    var currentStamp = current ? current.updated : "";
    if (!force && currentStamp !== (base || "") && current && !same(current, entry)) {
      return { conflict: current, problem: null };
    }
    if (entry) entry.updated = now();
    var changes = {};
    changes[key] = entry;
    var message = commit(changes);
    return { conflict: null, problem: message, entry: entry };
  }

  function same(a, b) {
    if (!a || !b) return !a && !b;
    return JSON.stringify(a.text !== undefined ? a.text : a.answers) === JSON.stringify(b.text !== undefined ? b.text : b.answers);
  }

  function known(key, catalogue) {
    if (key === NAME) return true;
    if (key.indexOf(MINDSET) === 0) return true;
    if (PLAN.test(key) || SESSION.test(key)) return true;
    var sheet = key.split("/")[0];
    if (DATE.test(key)) return has(catalogue, sheet);
    return has(catalogue, sheet) && catalogue[sheet].indexOf(key.split("/")[1]) >= 0;
  }

  // Bring in a backup's items. "merge": per key the newer entry wins;
  // "replace": the backup's items take the place of all. `catalogue` lists
  // the questions of each sheet ({sheet: [question ids]}): items for others
  // are counted as unknown and not stored. Returns the counts and a problem.
  function bringIn(imported, mode, catalogue) {
    var items = mode === "replace" ? {} : all();
    var counts = { added: 0, updated: 0, kept: 0, unknown: [] };
    for (var key in imported) {
      if (!has(imported, key)) continue;
      if (catalogue && !known(key, catalogue)) {
        counts.unknown.push(key);
        continue;
      }
      var entry = imported[key];
      if (!has(items, key)) {
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
    var changes = {};
    var stored = all();
    for (key in stored) if (has(stored, key) && !has(items, key)) changes[key] = null;
    for (key in items) if (has(items, key)) changes[key] = items[key];
    counts.problem = commit(changes);
    return counts;
  }

  function clear(prefix) {
    if (!prefix) {
      // Everything, also a stored record that cannot be read.
      pending = {};
      try {
        window.localStorage.removeItem(storeKey());
        problem = null;
        return null;
      } catch (error) {
        problem = "blocked";
        return MESSAGES.blocked;
      }
    }
    var changes = {};
    var items = all();
    for (var key in items) {
      if (has(items, key) && (!prefix || key.indexOf(prefix) === 0)) changes[key] = null;
    }
    return commit(changes);
  }

  // --- Other tabs -------------------------------------------------------------------

  window.addEventListener("storage", function (event) {
    if (event.key !== null && event.key !== storeKey()) return;
    var items = all();
    listeners.forEach(function (listener) { listener(items); });
  });

  function onChange(listener) {
    listeners.push(listener);
  }

  // --- Parts loaded when needed ---------------------------------------------------------
  // Each part (answers-import.js, answers-upgrade.js, answers-disk.js) is
  // loaded once, the first time it is needed, from the folder of this file
  // (on a server or on disk), and names itself with define(). A part that
  // does not load is told on the page; nothing the reader typed or picked
  // is touched.

  var thisScript = document.currentScript || document.querySelector("script[src$='answers.js']");
  var HERE = thisScript ? thisScript.src : location.href;
  var PART_FAILED = "Een onderdeel van deze pagina kon niet worden geladen. Er is niets veranderd en wat je typte, staat er nog; laad de pagina opnieuw en probeer het nog eens.";
  var parts = {};
  var waiting = {};

  // The address of a file in the folder of this one.
  function beside(name) {
    return new URL(name, HERE).href;
  }

  function define(name, part) {
    parts[name] = part;
  }

  // Calls back with the part (what it define()d), or with null when it could
  // not be loaded; then the reader is told, and the next need tries again.
  function need(name, done) {
    if (parts[name]) return done(parts[name]);
    if (waiting[name]) return waiting[name].push(done);
    var callbacks = waiting[name] = [done];
    var script = document.createElement("script");
    function loaded() {
      delete waiting[name];
      var part = parts[name] || null;
      if (!part) {
        script.remove();
        showMessage(PART_FAILED, false);
      }
      callbacks.forEach(function (callback) { callback(part); });
    }
    script.addEventListener("load", loaded);
    script.addEventListener("error", loaded);
    script.src = beside(name + ".js");
    document.head.appendChild(script);
  }

  // A backup file picked in `input`: the import part first (the input keeps
  // the file meanwhile). Without it the input is emptied, so that picking
  // the same file again tries again.
  function importing(input, done) {
    need("answers-import", function (part) {
      if (part) done(part);
      else input.value = "";
    });
  }

  // Keys of an earlier edition in this browser ("<path>pig.answers",
  // "pig-mindset-test:<area>")? Only their names are looked at here;
  // answers-upgrade.js takes them over.
  function oldKeys() {
    try {
      var ls = window.localStorage;
      for (var i = 0; i < ls.length; i++) {
        var key = ls.key(i);
        if (key && (/pig\.answers$/.test(key) || key.indexOf("pig-mindset-test:") === 0)) return true;
      }
    } catch (error) {
      // blocked: nothing to take over
    }
    return false;
  }

  var api = {
    VERSION: VERSION, all: all, get: get, put: put, bringIn: bringIn, clear: clear, onChange: onChange,
    parseItems: parseItems, serialise: serialise, key: storeKey,
    problem: function () { return problem ? MESSAGES[problem] : null; },
    state: function () {
      var state = readStored().state;
      if (state === "blocked" || state === "corrupt") problem = state;
      return state;
    },
    MINDSET: MINDSET,
    PLAN: PLAN,
    SESSION: SESSION,
    ask: ask,
  };
  window.pigStore = api;

  // --- Downloads --------------------------------------------------------------------

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  function downloadBackup() {
    download("mijn-antwoorden-" + today() + ".json", "application/json", serialise(all()));
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  // --- The message at the top of a page -----------------------------------------------

  function showMessage(text, offerBackup) {
    document.querySelectorAll("[data-pig-message]").forEach(function (box) {
      if (box.textContent !== (text || "")) box.textContent = text || "";
    });
    document.querySelectorAll("[data-pig-backup]").forEach(function (box) {
      if (offerBackup) box.hidden = false;
    });
  }

  function setUpBackup(root, catalogue, after) {
    root.querySelectorAll("[data-pig-backup] [data-pig-export=json]").forEach(function (button) {
      button.addEventListener("click", downloadBackup);
    });
    root.querySelectorAll("[data-pig-backup] [data-pig-import]").forEach(function (input) {
      input.addEventListener("change", function () {
        importing(input, function (part) { part.merge(input, catalogue, after); });
      });
    });
  }

  // The questions of every sheet on this page or on "Mijn antwoorden".
  function catalogueOf(root) {
    var catalogue = {};
    root.querySelectorAll("[data-worksheet]").forEach(function (sheet) {
      var list = catalogue[sheet.dataset.worksheet] || (catalogue[sheet.dataset.worksheet] = []);
      sheet.querySelectorAll("[data-question]").forEach(function (item) { list.push(item.dataset.question); });
    });
    return catalogue;
  }

  // --- A field that keeps what is typed ----------------------------------------------

  // Wire a text field to the store under `key`: saved as it is typed, a
  // quiet "Opgeslagen" beside it, kept in step with other tabs, and never
  // written over a newer answer without showing that first.
  function keepField(field, key, place, onValue) {
    var entry = get(key);
    field.value = entry ? entry.text : "";
    var base = entry ? entry.updated : "";
    var timer = null;
    var saved = element("span", "pig-saved");
    saved.setAttribute("role", "status");
    saved.setAttribute("aria-live", "polite");
    var conflictBox = null;
    place(saved);

    function changed() {
      if (onValue) onValue(field.value);
    }

    function store(force) {
      timer = null;
      var text = field.value;
      var result = put(key, text.trim() ? { text: text } : null, base, force);
      if (result.conflict) return showConflict(result.conflict);
      closeConflict();
      base = result.entry ? result.entry.updated : "";
      if (result.problem) {
        saved.textContent = "Niet opgeslagen";
        showMessage(result.problem, true);
      } else {
        saved.textContent = "Opgeslagen";
        if (!problem) showMessage("", false);
      }
    }

    function showConflict(newer) {
      if (!conflictBox) {
        conflictBox = element("div", "pig-conflict");
        conflictBox.setAttribute("role", "alert");
        saved.parentNode.insertBefore(conflictBox, saved.nextSibling);
      }
      conflictBox.textContent = "";
      conflictBox.append(element("p", "", "In een ander venster is hier intussen iets anders opgeslagen:"));
      conflictBox.append(element("p", "pig-conflict__text", newer ? newer.text : "(leeg)"));
      var mine = element("button", "md-button md-button--primary", "Mijn tekst bewaren");
      mine.type = "button";
      mine.addEventListener("click", function () { store(true); field.focus(); });
      var theirs = element("button", "md-button", "Die tekst overnemen");
      theirs.type = "button";
      theirs.addEventListener("click", function () {
        field.value = newer ? newer.text : "";
        base = newer ? newer.updated : "";
        changed();
        closeConflict();
        field.focus();
      });
      var buttons = element("p", "pig-conflict__buttons");
      buttons.append(mine, " ", theirs);
      conflictBox.append(buttons);
      saved.textContent = "Niet opgeslagen";
    }

    function closeConflict() {
      if (conflictBox) { conflictBox.remove(); conflictBox = null; }
    }

    field.addEventListener("input", function () {
      saved.textContent = "";
      changed();
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(store, SAVE_DELAY);
    });
    // Never lose the last keystrokes when the reader leaves at once.
    field.addEventListener("blur", function () { if (timer) { window.clearTimeout(timer); store(); } });
    window.addEventListener("pagehide", function () { if (timer) { window.clearTimeout(timer); store(); } });

    // Another tab changed the store: show the newer text, unless the reader is
    // typing here (then that is shown as a conflict, nothing is overwritten).
    onChange(function (items) {
      var newer = has(items, key) ? items[key] : null;
      var stamp = newer ? newer.updated : "";
      if (stamp === base) return;
      if (timer || conflictBox) {
        if (field.value !== (newer ? newer.text : "")) showConflict(newer);
        return;
      }
      field.value = newer ? newer.text : "";
      base = stamp;
      changed();
      saved.textContent = "Bijgewerkt uit een ander venster";
    });
  }

  // --- Answer fields on a worksheet or reflection -------------------------------------

  function questionText(item) {
    var text = item.querySelector(".pig-ws__text");
    if (text) return text;
    // A reflection page's list item: its own text, before any sub-list.
    var span = document.createElement("span");
    span.className = "pig-answer__question";
    while (item.firstChild && !(item.firstChild.nodeType === 1 && item.firstChild.tagName === "UL")) {
      span.appendChild(item.firstChild);
    }
    item.insertBefore(span, item.firstChild);
    return span;
  }

  function addField(item, sheetId) {
    var questionId = item.dataset.question;
    var id = "pig-answer-" + sheetId + "-" + questionId;
    var text = questionText(item);
    text.id = id + "-vraag";

    var field = element("div", "pig-answer");
    var label = element("label", "pig-answer__label pig-sr", "Jouw antwoord");
    label.id = id + "-label";
    label.htmlFor = id;
    var area = document.createElement("textarea");
    area.id = id;
    area.className = "pig-answer__field";
    // As tall as the ruled lines it replaces on screen, so nothing moves.
    var lines = item.querySelectorAll(".pig-ws__lines span").length || 3;
    area.rows = lines;
    area.style.height = lines * 1.7 + "em";
    area.setAttribute("aria-labelledby", label.id + " " + text.id);
    var printed = element("div", "pig-answer__print");
    printed.setAttribute("aria-hidden", "true");
    field.appendChild(label);
    field.appendChild(area);
    var ruled = item.querySelector(".pig-ws__lines");
    item.insertBefore(field, ruled);
    item.insertBefore(printed, ruled);
    keepField(area, sheetId + "/" + questionId, function (saved) { field.appendChild(saved); }, function (value) {
      printed.textContent = value;
      item.classList.toggle("pig-answered", Boolean(value.trim()));
    });
    printed.textContent = area.value;
    item.classList.toggle("pig-answered", Boolean(area.value.trim()));
  }

  // Naam and Datum on a sheet: fields in place of the blanks.
  function addNameDate(sheet, sheetId) {
    var blanks = sheet.querySelectorAll(":scope > .pig-ws__namedate .pig-ws__field");
    [[NAME, "Naam", "name"], [sheetId + "/@datum", "Datum", "off"]].forEach(function (spec, index) {
      var holder = blanks[index];
      var blank = holder && holder.querySelector(".pig-ws__blank");
      if (!blank || holder.querySelector("input")) return;
      var input = document.createElement("input");
      input.type = "text";
      input.className = "pig-ws__input";
      input.id = "pig-" + (index ? "datum" : "naam") + "-" + sheetId;
      input.setAttribute("aria-label", spec[1]);
      input.autocomplete = spec[2];
      input.maxLength = 80;
      var printed = element("span", "pig-answer__print pig-ws__printed");
      printed.setAttribute("aria-hidden", "true");
      blank.appendChild(input);
      blank.appendChild(printed);
      keepField(input, spec[0], function (saved) { holder.appendChild(saved); }, function (value) {
        printed.textContent = value;
        holder.classList.toggle("pig-answered", Boolean(value.trim()));
      });
      printed.textContent = input.value;
      holder.classList.toggle("pig-answered", Boolean(input.value.trim()));
    });
  }

  function setUpFields() {
    // Worksheet pages (not the werkmap, which prints blank sheets) and reflections.
    var lists = document.querySelectorAll(".md-content__inner > .pig-ws, .pig-questions[data-worksheet]");
    if (!lists.length && !document.querySelector("[data-pig-answer-bar]")) return;
    lists.forEach(function (list) {
      var sheetId = list.dataset.worksheet;
      if (list.classList.contains("pig-ws")) addNameDate(list, sheetId);
      list.querySelectorAll("[data-question]:not([data-no-answer])").forEach(function (item) {
        if (item.closest(".pig-ws__copy") || item.querySelector(".pig-answer")) return;
        addField(item, sheetId);
      });
    });
    var toggle = document.querySelector("[data-pig-print-answers]");
    if (toggle) {
      var apply = function () {
        document.documentElement.classList.toggle("pig-print-answers", toggle.checked);
      };
      toggle.addEventListener("change", apply);
      apply();
    }
    var bar = document.querySelector("[data-pig-answer-bar]");
    if (bar) {
      setUpBackup(bar, catalogueOf(document), function () { location.reload(); });
      var message = api.problem();
      if (message) showMessage(message, true);
      warnPerFile();
    }
  }

  // Pages opened from disk only: does this browser keep storage per file
  // (Firefox does)? Then the page says so (answers-disk.js).
  function warnPerFile() {
    if (location.protocol !== "file:") return;
    need("answers-disk", function (part) { if (part) part.warnPerFile(); });
  }

  // --- Asking -------------------------------------------------------------------------

  // Ask with buttons in the page, in `box` (a [data-pig-confirm] element
  // with its text and buttons): calls back with the chosen value, or null
  // for "Annuleren". Also used by the planner (pigStore.ask).
  function ask(box, question, choices, done) {
    var buttons = box.querySelector("[data-pig-confirm-buttons]");
    box.querySelector("[data-pig-confirm-text]").textContent = question;
    buttons.textContent = "";
    choices.concat([["Annuleren", null]]).forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button" + (choice[1] ? " md-button--primary" : "");
      button.textContent = choice[0];
      button.addEventListener("click", function () {
        box.hidden = true;
        done(choice[1]);
      });
      buttons.appendChild(button);
    });
    box.hidden = false;
    buttons.firstChild.focus();
  }

  // --- The start ----------------------------------------------------------------------

  var starters = []; // the page's own scripts, set up once the store is ready (onStart)

  function start() {
    listeners = [];
    document.documentElement.classList.add("pig-answers-ready");
    document.querySelectorAll("[data-pig-nojs]").forEach(function (el) { el.hidden = true; });
    api.state();
    if (!oldKeys()) return setUp();
    // Taken over first, so that the page shows them.
    need("answers-upgrade", function (part) {
      if (part) part.migrate();
      setUp();
      if (!part) showMessage(PART_FAILED, false); // once more: setting up the page may have cleared it
    });
  }

  // The page: "Mijn antwoorden" (mijn-antwoorden.js) or its answer fields;
  // then the page's own scripts (mindset-test.js, planner.js).
  function setUp() {
    var mine = document.querySelector("[data-pig-mine]");
    if (!mine) setUpFields();
    else if (api.setUpMine) api.setUpMine(mine);
    else showMessage(PART_FAILED, false);
    starters.forEach(function (starter) { starter(); });
  }

  api.start = start;
  // A page's own script (mindset-test.js, planner.js) is set up by `starter`,
  // called once the store is ready (after answers of earlier editions are
  // taken over); it registers while it loads, before the page is shown.
  api.onStart = function (starter) { starters.push(starter); };
  // For the planner (planner.js): the same fields, backup and notes.
  api.keepField = keepField;
  api.setUpBackup = setUpBackup;
  api.warnPerFile = warnPerFile;
  // A message of the store for the page (null: all is well again).
  api.tell = function (text) { showMessage(text || "", Boolean(text)); };
  // For the parts of this file (answers-*.js, mindset-result.js,
  // mijn-antwoorden.js), not for other scripts.
  api.core = {
    has: has, element: element, storage: storage, readStored: readStored, writeAll: writeAll,
    cleanEntry: cleanEntry, known: known, catalogueOf: catalogueOf, showMessage: showMessage,
    download: download, downloadBackup: downloadBackup, today: today,
    define: define, beside: beside, importing: importing, ANSWER: ANSWER, NAME: NAME,
  };
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();