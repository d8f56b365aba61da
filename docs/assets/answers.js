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
// This file also draws the answer fields (worksheets, reflections),
// "Mijn antwoorden", and the mindset test's result (window.pigResult, used
// by mindset-test.js and by "Mijn antwoorden"); the words of that result
// are in the page (docs/data/mindset-test.yaml), not here.
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
  var ANSWER = /^[a-z0-9-]+\/[a-z0-9-]+$/;
  var PLAN = /^@plan\/[a-z0-9]{1,40}\/[a-z0-9-]{1,80}$/;
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
    return ANSWER.test(key) || DATE.test(key) || key === NAME || PLAN.test(key) || key.indexOf(MINDSET) === 0;
  }

  // An entry as it may be kept, or null. Timestamps are ISO texts.
  function cleanEntry(key, entry) {
    if (!entry || typeof entry !== "object") return null;
    var updated = typeof entry.updated === "string" ? entry.updated : "";
    if (ANSWER.test(key) || DATE.test(key) || key === NAME || PLAN.test(key)) {
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
    if (PLAN.test(key)) return true;
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

  // --- The keys of earlier editions, taken over once ---------------------------------
  //   "<path>pig.answers"     answers (version 1), under the site's path then
  //   "pig-mindset-test:<area>"  a mindset test area (version 1)
  // Taken over when found, the newer entry winning; the old keys are removed
  // only once the store holds them (written and read back).
  function migrate() {
    var ls = storage();
    if (!ls) return;
    var found = {};
    var oldKeys = [];
    try {
      for (var i = 0; i < ls.length; i++) {
        var key = ls.key(i);
        if (!key) continue;
        if (/pig\.answers$/.test(key)) {
          var answers = parseItems(ls.getItem(key));
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
          var entry = cleanEntry(MINDSET + area, {
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
    var stored = readStored();
    if (stored.state !== "ok" && stored.state !== "empty") return;
    var items = stored.items;
    for (var name in found) {
      if (has(found, name) && (!has(items, name) || (found[name].updated || "") > (items[name].updated || ""))) {
        items[name] = found[name];
      }
    }
    if (!writeAll(items)) return; // full: the old keys stay, taken over another time
    oldKeys.forEach(function (old) {
      try { ls.removeItem(old); } catch (error) { /* stays; taken over again, no harm */ }
    });
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

  // --- Per-file storage (Firefox from disk) -----------------------------------------
  // Opened from disk, Firefox gives every file a storage of its own: what one
  // page keeps, the next page does not see. A sibling page of the site
  // (assets/storage-probe.html) reads a marker this page writes and answers
  // by postMessage; a different answer means storage per file.
  function probePerFile(done) {
    if (location.protocol !== "file:") return done(false);
    var ls = storage();
    if (!ls) return done(false);
    var marker = String(Math.random()).slice(2);
    try {
      ls.setItem("pig/probe", marker);
    } catch (error) {
      return done(false);
    }
    var script = document.querySelector("script[src$='answers.js']");
    if (!script) return done(false);
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "";
    frame.src = script.src.replace(/answers\.js(\?.*)?$/, "storage-probe.html");
    var finished = false;
    function finish(perFile) {
      if (finished) return;
      finished = true;
      window.removeEventListener("message", receive);
      frame.remove();
      try { ls.removeItem("pig/probe"); } catch (error) { /* no matter */ }
      done(perFile);
    }
    function receive(event) {
      if (event.source !== frame.contentWindow || !event.data || event.data.pigProbe === undefined) return;
      finish(event.data.pigProbe !== marker);
    }
    window.addEventListener("message", receive);
    window.setTimeout(function () { finish(false); }, 3000);
    document.body.appendChild(frame);
  }

  var PER_FILE = "In deze browser heeft elke pagina die je van schijf opent een eigen opslag: wat je hier typt, zie je niet op andere pagina's en niet bij Mijn antwoorden. Open het werkboek via een webserver of in een andere browser (zoals Chrome of Edge), of download op elke pagina een reservekopie en zet die terug waar je verder wilt.";

  var api = {
    VERSION: VERSION, all: all, get: get, put: put, bringIn: bringIn, clear: clear, onChange: onChange,
    parseItems: parseItems, serialise: serialise, key: storeKey, migrate: migrate,
    problem: function () { return problem ? MESSAGES[problem] : null; },
    state: function () {
      var state = readStored().state;
      if (state === "blocked" || state === "corrupt") problem = state;
      return state;
    },
    MINDSET: MINDSET,
    PLAN: PLAN,
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
        readFile(input, function (items) {
          if (!items) return showMessage("Dit bestand is geen reservekopie van Mijn antwoorden; er is niets veranderd.", true);
          var counts = bringIn(items, "merge", catalogue);
          showMessage(counts.problem || report(counts), true);
          if (after) after();
        });
      });
    });
  }

  function readFile(input, done) {
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      input.value = "";
      done(parseItems(text));
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

  var perFileShown = false;
  function warnPerFile() {
    probePerFile(function (perFile) {
      if (!perFile || perFileShown) return;
      perFileShown = true;
      document.querySelectorAll("[data-pig-answer-bar], [data-pig-mine], form[data-pig-mindset], [data-pig-planner-app]").forEach(function (root) {
        var note = root.querySelector("[data-pig-perfile]") || element("p", "pig-perfile");
        note.setAttribute("data-pig-perfile", "");
        note.setAttribute("role", "status");
        note.textContent = PER_FILE;
        var privacy = root.querySelector(".pig-privacy");
        if (!note.parentNode) {
          if (privacy) privacy.after(note);
          else root.prepend(note);
        }
      });
      document.querySelectorAll("[data-pig-backup]").forEach(function (box) { box.hidden = false; });
    });
  }

  // --- The mindset test's result (also on "Mijn antwoorden") ----------------------------

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

  function formatAverage(average) {
    return average.toFixed(1).replace(".", ",");
  }

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
  function drawResult(root, records, order, current) {
    var texts = resultTexts(root);
    var cards = root.querySelector("[data-pig-mt-cards]");
    var list = root.querySelector("[data-pig-mt-rows]");
    if (!texts || !cards) return 0;
    cards.textContent = "";
    var shown = [];
    order.forEach(function (area) {
      var avg = average(records[area].answers, texts);
      if (avg === null) return;
      cards.append(card(texts, area, records[area], avg, area === current));
      shown.push({ area: area, record: records[area] });
    });
    if (list) {
      list.textContent = "";
      rows(texts, shown).forEach(function (row) { list.append(row); });
    }
    return shown.length;
  }

  // The mindset areas in the store: {area: record}, in a fixed order (the
  // book's areas as `bookAreas` lists them, then the reader's own).
  function mindsetRecords() {
    var items = all();
    var records = {};
    for (var key in items) {
      if (has(items, key) && key.indexOf(MINDSET) === 0) records[key.slice(MINDSET.length)] = items[key];
    }
    return records;
  }

  function orderAreas(records, bookAreas) {
    var own = Object.keys(records).filter(function (area) { return bookAreas.indexOf(area) < 0; }).sort();
    return bookAreas.filter(function (area) { return has(records, area); }).concat(own);
  }

  window.pigResult = { draw: drawResult, records: mindsetRecords, order: orderAreas, formatAverage: formatAverage };

  // --- "Mijn antwoorden" --------------------------------------------------------------

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
        item.querySelector(".pig-mine__answer").textContent = entry ? entry.text : "";
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
      var records = mindsetRecords();
      var drawn = drawResult(mindset, records, orderAreas(records, bookAreasOf(mine)), null);
      mindset.hidden = !drawn;
      any = any || Boolean(drawn);
    }
    var plansBox = mine.querySelector("[data-pig-mine-plans]");
    if (plansBox) any = showPlans(plansBox, items) || any;
    var others = mine.querySelector("[data-pig-mine-others]");
    if (others) any = showOthers(others, items, catalogueOf(mine)) || any;
    mine.querySelector("[data-pig-empty]").hidden = any;
    return any;
  }

  // The conversation plans (planner.js): one block per plan, newest first,
  // its choices by their labels (given by the page) and its answers.
  var PLAN_FIELDS = [["situatie", "Hoe gaat het met je medewerker?"], ["richting", "Terugkijken, vooruitkijken of allebei?"],
    ["vast", "Loopt het gesprek vast?"], ["werkvormen", "Werkvormen"]];

  function showPlans(box, items) {
    var names = {};
    box.querySelectorAll("[data-pig-mine-plan-names] li").forEach(function (li) { names[li.dataset.value] = li.textContent; });
    var plans = {};
    for (var key in items) {
      if (!has(items, key) || !PLAN.test(key)) continue;
      var parts = key.split("/");
      var plan = plans[parts[1]] || (plans[parts[1]] = { fields: {}, updated: "" });
      plan.fields[parts[2]] = items[key].text;
      if ((items[key].updated || "") > plan.updated) plan.updated = items[key].updated;
    }
    var list = box.querySelector("[data-pig-mine-plan-list]");
    list.textContent = "";
    var ids = Object.keys(plans).sort(function (a, b) { return plans[a].updated < plans[b].updated ? 1 : -1; });
    var questions = {};
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
        pair.appendChild(element("dd", "pig-mine__answer", value));
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
      return ANSWER.test(key) && !known(key, catalogue) && items[key].text.trim();
    }).sort();
    keys.forEach(function (key) {
      var pair = element("div", "pig-mine__item");
      pair.appendChild(element("dt", "", key.replace("/", " / ")));
      pair.appendChild(element("dd", "pig-mine__answer", items[key].text));
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
    add(body, "p", "Bewaard op " + today() + ".", "meta");
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
            add(list, "dd", item.querySelector("dd").textContent);
          });
        });
      } else if (sheet.dataset.worksheet || sheet.hasAttribute("data-pig-mine-others")) {
        var date = sheet.dataset.worksheet && items[sheet.dataset.worksheet + "/@datum"];
        if (date) add(body, "p", "Datum: " + date.text, "meta");
        var dl = add(body, "dl");
        sheet.querySelectorAll(".pig-mine__item").forEach(function (item) {
          if (item.hidden) return;
          add(dl, "dt", item.querySelector("dt").textContent);
          add(dl, "dd", item.querySelector("dd").textContent);
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
    var catalogue = catalogueOf(mine);
    var refresh = function () { showMine(mine); };
    refresh();
    message.textContent = api.problem() || "";
    onChange(refresh);

    mine.querySelectorAll("[data-pig-export]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (button.dataset.pigExport === "json") downloadBackup();
        else download("mijn-antwoorden-" + today() + ".html", "text/html", asHtml(mine));
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

    mine.querySelector("[data-pig-import]").addEventListener("change", function (event) {
      readFile(event.target, function (imported) {
        if (!imported) {
          message.textContent = "Dit bestand is geen reservekopie van Mijn antwoorden; er is niets veranderd.";
          return;
        }
        ask(mine.querySelector("[data-pig-confirm]"), "Het bestand bevat " + count(Object.keys(imported).length, "antwoord", "antwoorden") +
          ". Samenvoegen met wat hier staat (per vraag blijft het nieuwste antwoord), of alles vervangen?",
          [["Samenvoegen", "merge"], ["Vervangen", "replace"]], function (choice) {
            if (!choice) {
              message.textContent = "Terugzetten geannuleerd; er is niets veranderd.";
              return;
            }
            var counts = bringIn(imported, choice, catalogue);
            var text = choice === "merge" ? report(counts) :
              "Vervangen: " + count(counts.added + counts.updated + counts.kept, "antwoord", "antwoorden") + " uit het bestand." +
              (counts.unknown.length ? " Niet overgenomen (onbekend in deze uitgave): " + counts.unknown.join(", ") + "." : "");
            message.textContent = counts.problem || text;
            refresh();
          });
      });
    });

    mine.querySelector("[data-pig-clear]").addEventListener("click", function () {
      ask(mine.querySelector("[data-pig-confirm]"), "Alle antwoorden op dit apparaat wissen, ook die van de mindset-test en je voorbereide gesprekken? Dat kan niet ongedaan worden gemaakt.",
        [["Alles wissen", "clear"]], function (choice) {
          if (!choice) return;
          var failed = clear();
          message.textContent = failed ? "Wissen lukt niet in deze browser." : "Alle antwoorden zijn gewist.";
          refresh();
        });
    });
    warnPerFile();
  }

  function start() {
    listeners = [];
    document.documentElement.classList.add("pig-answers-ready");
    document.querySelectorAll("[data-pig-nojs]").forEach(function (el) { el.hidden = true; });
    api.state();
    migrate();
    var mine = document.querySelector("[data-pig-mine]");
    if (mine) setUpMine(mine);
    else setUpFields();
  }

  api.start = start;
  // For the planner (planner.js): the same fields, backup and notes.
  api.keepField = keepField;
  api.setUpBackup = setUpBackup;
  api.warnPerFile = warnPerFile;
  // A message of the store for the page (null: all is well again).
  api.tell = function (text) { showMessage(text || "", Boolean(text)); };
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
