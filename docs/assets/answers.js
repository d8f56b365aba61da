// Positief in Gesprek: everything the reader fills in online, in one store.
//
// The store's rules (its keys, reading, merging, conversations) are data
// without any page, in answers-store.js (window.pig.storeModel), loaded just
// before this file; this file keeps them in localStorage and draws pages.
// One store (window.pig.store) for the worksheets' answers, the name and date
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
//   mindset-result.js   the mindset test's result (window.pig.result), and
//   mijn-antwoorden.js  "Mijn antwoorden": named by those pages' front matter;
//   answers-import.js   a backup brought back in: loaded when a file is picked;
//   answers-upgrade.js  the keys of earlier editions: loaded when there are any;
//   answers-disk.js     storage per file: loaded on pages opened from disk.
(function () {
  "use strict";

  var model = (window.pig || {}).storeModel; // answers-store.js, loaded before this file
  if (!model) return; // not loaded: the page keeps its paper form and notice
  var VERSION = model.VERSION;
  var APP = model.APP;
  var SAVE_DELAY = 300;
  var LIMIT = model.LIMIT;
  var ANSWER = model.ANSWER;
  var PLAN = model.PLAN;
  var NAME = model.NAME;
  var MINDSET = model.MINDSET;
  var has = model.has;
  var map = model.map;
  var cleanEntry = model.cleanEntry;
  var parseRecord = model.parseRecord;
  var parseItems = model.parseItems;
  var apply = model.apply;
  var same = model.same;
  var known = model.known;

  function now() {
    return new Date().toISOString();
  }

  function serialise(items, deleted) {
    return model.toText(items, deleted, siteId(), now());
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

  var pending = map(); // changes that could not be stored: kept here, and in every download
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

  // The stored items: {items, deleted, state}; state "ok", "empty",
  // "blocked" or "corrupt".
  function readStored() {
    var ls = storage();
    if (!ls) return { items: map(), deleted: map(), state: "blocked" };
    var raw;
    try {
      raw = ls.getItem(storeKey());
    } catch (error) {
      return { items: map(), deleted: map(), state: "blocked" };
    }
    if (raw === null) return { items: map(), deleted: map(), state: "empty" };
    // The same text as last read is not parsed again (a page reads the
    // store often; a full one is large); callers get maps of their own.
    if (raw !== parsed.raw) parsed = { raw: raw, record: parseRecord(raw) };
    var record = parsed.record;
    return record ? { items: copy(record.items), deleted: copy(record.deleted), state: "ok" } : { items: map(), deleted: map(), state: "corrupt" };
  }
  var parsed = { raw: null, record: null };

  function copy(source) {
    var out = map();
    for (var key in source) out[key] = source[key];
    return out;
  }

  // Everything the reader has: what is stored, with what could not be stored.
  function all() {
    var stored = readStored();
    apply(stored.items, stored.deleted, pending, now());
    return stored.items;
  }

  // What the reader removed, and when ({key: stamp}).
  function removed() {
    var stored = readStored();
    apply(stored.items, stored.deleted, pending, now());
    return stored.deleted;
  }

  // Write the items (and the removals remembered: those stored when not
  // given); true when stored (and read back the same).
  function writeAll(items, deleted) {
    var ls = storage();
    if (!ls) { problem = "blocked"; return false; }
    var text = serialise(items, deleted || readStored().deleted);
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
    for (var key in changes) if (has(changes, key)) pending[key] = changes[key];
    if (stored.state === "ok" || stored.state === "empty") {
      apply(stored.items, stored.deleted, pending, now());
      if (writeAll(stored.items, stored.deleted)) {
        pending = map();
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
    var changes = map();
    changes[key] = entry;
    var message = commit(changes);
    return { conflict: null, problem: message, entry: entry };
  }

  // Bring in a backup (a record of parseRecord, or its items alone):
  // "merge" or "replace", as model.merge says; with `dryRun` nothing is
  // written. Returns the counts and a problem.
  function bringIn(imported, mode, catalogue, options) {
    options = options || {};
    var result = model.merge(all(), removed(), imported, mode, catalogue, options);
    if (options.dryRun) return result.counts;
    result.counts.problem = commit(result.changes);
    return result.counts;
  }

  function clear(prefix) {
    if (!prefix) {
      // Everything, also a stored record that cannot be read, and what was
      // removed before (a backup brought in later brings all of it back).
      pending = map();
      try {
        window.localStorage.removeItem(storeKey());
        problem = null;
        return null;
      } catch (error) {
        problem = "blocked";
        return MESSAGES.blocked;
      }
    }
    var changes = map();
    var items = all();
    for (var key in items) {
      if (has(items, key) && (!prefix || key.indexOf(prefix) === 0)) changes[key] = null;
    }
    return commit(changes);
  }

  // --- Other tabs -------------------------------------------------------------------

  window.addEventListener("storage", function (event) {
    if (event.key !== null && event.key !== storeKey()) return;
    notify("tab");
  });

  // Tell the page's parts that the store changed: "tab" (another tab) or
  // "import" (a backup brought in on this page).
  function notify(source) {
    var items = all();
    listeners.forEach(function (listener) { listener(items, source); });
  }

  // --- Leaving with something unsaved ------------------------------------------------
  // A field registers how to save at once and whether it holds text not
  // stored; leaving the page then (storage full or blocked, an answer too
  // long, a conflict open) asks first.
  var fields = [];
  window.addEventListener("beforeunload", function (event) {
    fields.forEach(function (field) { field.flush(); });
    var unsaved = Object.keys(pending).length > 0 || fields.some(function (field) { return field.unsaved(); });
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = "";
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
    model: model, VERSION: VERSION, all: all, get: get, put: put, bringIn: bringIn, clear: clear, onChange: onChange,
    parseItems: parseItems, parseRecord: parseRecord, serialise: serialise, key: storeKey, siteId: siteId,
    removed: removed, notify: notify, LIMIT: LIMIT,
    problem: function () { return problem ? MESSAGES[problem] : null; },
    state: function () {
      var state = readStored().state;
      if (state === "blocked" || state === "corrupt") problem = state;
      return state;
    },
    MINDSET: MINDSET,
    PLAN: PLAN,
    SESSION: model.SESSION,
    ask: ask,
  };
  (window.pig = window.pig || {}).store = api;

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
    download("mijn-antwoorden-" + today() + ".json", "application/json", serialise(all(), removed()));
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

  // A page's own backup: downloaded, or brought in (the whole backup, as
  // far as this page can tell what it holds; `catalogue` of this page's
  // sheets); what came in is shown in place (notify), with the message.
  // Saving works again: a message about storage goes (not the outcome of
  // an import, which stays until the next one).
  function clearProblem() {
    document.querySelectorAll("[data-pig-message]").forEach(function (box) {
      for (var kind in MESSAGES) if (has(MESSAGES, kind) && box.textContent === MESSAGES[kind]) box.textContent = "";
    });
  }

  function setUpBackup(root, catalogue) {
    root.querySelectorAll("[data-pig-backup] [data-pig-export=json]").forEach(function (button) {
      button.addEventListener("click", downloadBackup);
    });
    root.querySelectorAll("[data-pig-backup] [data-pig-import]").forEach(function (input) {
      input.addEventListener("change", function () {
        importing(input, function (part) { part.merge(input, catalogue, function () { notify("import"); }); });
      });
    });
  }

  // The questions of every sheet on this page or on "Mijn antwoorden".
  function catalogueOf(root) {
    var catalogue = map();
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
    var tooLong = null;
    var unsaved = false; // what the field holds is not stored
    place(saved);
    fields.push({
      flush: function () { if (timer) { window.clearTimeout(timer); store(); } },
      unsaved: function () { return unsaved; },
    });

    function changed() {
      if (onValue) onValue(field.value);
    }

    // Past the limit: said at the field, nothing stored, nothing cut off.
    function showTooLong(length) {
      if (!tooLong) {
        tooLong = element("p", "pig-conflict pig-too-long");
        tooLong.setAttribute("role", "alert");
        saved.parentNode.insertBefore(tooLong, saved.nextSibling);
      }
      tooLong.textContent = "Dit antwoord is te lang om te bewaren: " + length.toLocaleString("nl-NL") + " tekens, en er past " +
        LIMIT.toLocaleString("nl-NL") + " in één antwoord. Wat je typte, staat nog hier; maak het korter of bewaar het ergens anders.";
      saved.textContent = "Niet opgeslagen";
      unsaved = true;
    }

    function store(force) {
      timer = null;
      var text = field.value;
      if (text.length > LIMIT) return showTooLong(text.length);
      if (tooLong) { tooLong.remove(); tooLong = null; }
      var result = put(key, text.trim() ? { text: text } : null, base, force);
      if (result.conflict) return showConflict(result.conflict);
      closeConflict();
      base = result.entry ? result.entry.updated : "";
      unsaved = Boolean(result.problem);
      if (result.problem) {
        saved.textContent = "Niet opgeslagen";
        showMessage(result.problem, true);
      } else {
        saved.textContent = "Opgeslagen";
        if (!problem) clearProblem();
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
        unsaved = false;
        changed();
        closeConflict();
        field.focus();
      });
      var buttons = element("p", "pig-conflict__buttons");
      buttons.append(mine, " ", theirs);
      conflictBox.append(buttons);
      saved.textContent = "Niet opgeslagen";
      unsaved = true;
    }

    function closeConflict() {
      if (conflictBox) { conflictBox.remove(); conflictBox = null; }
    }

    field.addEventListener("input", function () {
      saved.textContent = "";
      unsaved = true;
      changed();
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(store, SAVE_DELAY);
    });
    // Never lose the last keystrokes when the reader leaves at once.
    field.addEventListener("blur", function () { if (timer) { window.clearTimeout(timer); store(); } });
    window.addEventListener("pagehide", function () { if (timer) { window.clearTimeout(timer); store(); } });

    // Another tab changed the store: show the newer text, unless the reader is
    // typing here (then that is shown as a conflict, nothing is overwritten).
    onChange(function (items, source) {
      var newer = has(items, key) ? items[key] : null;
      var stamp = newer ? newer.updated : "";
      if (stamp === base) return;
      if (timer || conflictBox || unsaved) {
        if (field.value !== (newer ? newer.text : "")) showConflict(newer);
        return;
      }
      field.value = newer ? newer.text : "";
      base = stamp;
      changed();
      saved.textContent = source === "import" ? "Bijgewerkt uit de reservekopie" : "Bijgewerkt uit een ander venster";
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
    area.setAttribute("aria-labelledby", label.id + " " + text.id);
    var printed = element("div", "pig-answer__print");
    printed.setAttribute("aria-hidden", "true");
    field.appendChild(label);
    field.appendChild(area);
    var ruled = item.querySelector(".pig-ws__lines");
    item.insertBefore(field, ruled);
    item.insertBefore(printed, ruled);
    keepField(area, model.sheetKey(conversation, sheetId, questionId), function (saved) { field.appendChild(saved); }, function (value) {
      printed.textContent = value;
      item.classList.toggle("pig-answered", Boolean(value.trim()));
    });
    printed.textContent = area.value;
    item.classList.toggle("pig-answered", Boolean(area.value.trim()));
  }

  // Naam and Datum on a sheet: fields in place of the blanks.
  function addNameDate(sheet, sheetId) {
    var blanks = sheet.querySelectorAll(":scope > .pig-ws__namedate .pig-ws__field");
    // A conversation's sheets show its one date (the planner's "Wanneer?");
    // one kept before it had a date takes the date typed on its sheets.
    var dateKey = conversation ? model.PLAN_PREFIX + conversation + "/datum" : model.sheetKey(null, sheetId, "@datum");
    if (conversation && !get(dateKey) && model.planDate(all(), conversation)) {
      put(dateKey, { text: model.planDate(all(), conversation) }, null, true);
    }
    [[model.nameKey(conversation), "Naam", "name"], [dateKey, "Datum", "off"]].forEach(function (spec, index) {
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

  // --- A worksheet for a conversation ---------------------------------------------------
  // A worksheet page opened with ?gesprek=<plan> shows and keeps that
  // conversation's answers, with its person's name; without it, the
  // reader's own, and the page says so, with a way to choose a
  // conversation (and to move the reader's answers on this sheet into
  // one). The reflections and the self-test are the reader's own.

  var conversation = null; // the plan whose answers this page shows, or null

  function conversationOf(search) {
    var id = new URLSearchParams(search).get("gesprek");
    return id && model.PLAN_ID.test(id) ? id : null;
  }

  // The planner's address, beside Mijn antwoorden (the bar's link to it).
  function plannerHref(bar, plan) {
    var mine = bar.querySelector("a.pig-answer-bar__mine");
    var base = mine ? new URL("gespreksplanner.html", mine.href) : new URL("gespreksplanner.html", location.href);
    if (plan) base.search = "?gesprek=" + plan;
    return base.href;
  }

  function sheetHref(plan) {
    var here = new URL(location.href);
    here.search = plan ? "?gesprek=" + plan : "";
    here.hash = "";
    return here.href;
  }

  function planLabel(plan) {
    var name = plan && plan.naam ? plan.naam.text.trim() : "";
    return name || "Gesprek zonder naam";
  }

  function showConversation(bar, sheetId) {
    var box = bar.querySelector("[data-pig-conversation]") || element("div", "pig-conversation");
    box.setAttribute("data-pig-conversation", "");
    box.textContent = "";
    if (!box.parentNode) bar.insertBefore(box, bar.firstChild);
    var plans = model.plansOf(all());
    var link = function (text, href) {
      var a = element("a", "", text);
      a.href = href;
      return a;
    };
    if (conversation) {
      var p = element("p", "pig-conversation__which");
      p.append("Je vult dit werkblad in voor het gesprek ‘");
      p.append(element("strong", "", planLabel(plans[conversation])));
      p.append("’. Wat je hier typt, hoort bij dat gesprek; de naam is die van het gesprek. ");
      p.append(link("Naar het gesprek", plannerHref(bar, conversation)), " · ", link("Mijn eigen antwoorden op dit werkblad", sheetHref(null)));
      box.append(p);
      return;
    }
    var own = element("p", "pig-conversation__which", "Dit zijn je eigen antwoorden. ");
    box.append(own);
    var ids = model.order(plans);
    if (!ids.length) {
      own.append("Vul je dit werkblad in voor een gesprek met een medewerker? Maak het gesprek eerst in de ",
        link("gespreksplanner", plannerHref(bar, null)), ".");
      return;
    }
    own.append("Vul je dit werkblad in voor een gesprek? Kies het gesprek:");
    var row = element("p", "pig-conversation__choose");
    var select = document.createElement("select");
    select.id = "pig-conversation-" + sheetId;
    select.className = "pig-conversation__select";  // answers.css: 24 px at least
    var label = element("label", "pig-sr", "Gesprek");
    label.htmlFor = select.id;
    ids.forEach(function (id) {
      var option = element("option", "", planLabel(plans[id]));
      option.value = id;
      select.append(option);
    });
    var openButton = element("button", "md-button", "Openen voor dit gesprek");
    openButton.type = "button";
    openButton.addEventListener("click", function () { location.href = sheetHref(select.value); });
    row.append(label, select, " ", openButton);
    var items = all();
    var mine = Object.keys(items).some(function (key) { return model.ANSWER.test(key) && key.split("/")[0] === sheetId; });
    if (mine) {
      var move = element("button", "md-button", "Mijn antwoorden hier naar dat gesprek verplaatsen");
      move.type = "button";
      move.addEventListener("click", function () {
        var plan = select.value;
        var result = model.moveSheet(all(), sheetId, plan, now());
        var failed = commit(result.changes);
        if (failed) return showMessage(failed, true);
        var text = result.moved + (result.moved === 1 ? " antwoord" : " antwoorden") + " verplaatst naar het gesprek ‘" +
          planLabel(model.plansOf(all())[plan]) + "’.";
        if (result.stayed) {
          text += " " + result.stayed + (result.stayed === 1 ? " antwoord staat" : " antwoorden staan") +
            " er al anders in en " + (result.stayed === 1 ? "is" : "zijn") + " hier gebleven.";
        }
        try { window.sessionStorage.setItem("pig/moved", text); } catch (error) { /* the sheet opens without the note */ }
        location.href = sheetHref(plan);
      });
      row.append(" ", move);
    }
    box.append(row);
  }

  function setUpFields() {
    // Worksheet pages (not the werkmap, which prints blank sheets) and reflections.
    var lists = document.querySelectorAll(".md-content__inner > .pig-ws, .pig-questions[data-worksheet]");
    if (!lists.length && !document.querySelector("[data-pig-answer-bar]")) return;
    var sheetPage = document.querySelector(".md-content__inner > .pig-ws");
    conversation = sheetPage ? conversationOf(location.search) : null;
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
      if (sheetPage) showConversation(bar, sheetPage.dataset.worksheet);
      setUpBackup(bar, catalogueOf(document));
      var message = api.problem();
      var moved = null;
      try {
        moved = window.sessionStorage.getItem("pig/moved");
        window.sessionStorage.removeItem("pig/moved");
      } catch (error) { /* no note */ }
      if (message) showMessage(message, true);
      else if (moved && conversation) showMessage(moved, false);
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
  // for "Annuleren". Also used by the planner (pig.store.ask).
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
    cleanEntry: cleanEntry, known: known, catalogueOf: catalogueOf, showMessage: showMessage, map: map,
    download: download, downloadBackup: downloadBackup, today: today,
    define: define, beside: beside, importing: importing, ANSWER: ANSWER, NAME: NAME,
  };
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();