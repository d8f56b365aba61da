// Positief in Gesprek: the werkmap (docs/werkbladen/werkmap.md, loaded on
// that page only). The trainer ticks werkvormen and puts them in the order
// of a session; the address keeps the choice and the order
// (werkmap.html?werkblad=hefbomen&werkblad=job-craften, also the overview's
// link), so the link opens the same set, on a server and from disk. The
// sheets print in that order, each counting its own pages. A session also
// has a plan (time, duration, form and notes per werkvorm) and a cover for
// the group, kept in the answers' store (answers.js, keys "@sessie/...")
// and printed before the sheets. Without JavaScript the buttons stay hidden
// and the werkmap prints every sheet in the book's order.

(function () {

  // The werkmap remembers its choice (and the session last open) on this
  // device, beside the answers' store and under the same site identity
  // (<meta name="pig-site-id">), not the page's path: the same choice at any
  // path, in any folder and edition. A blocked or full storage only means the
  // choice is not kept; nothing fails.
  var PACK_VERSION = 1;

  function packKey() {
    var meta = document.querySelector("meta[name=pig-site-id]");
    var id = meta && /^[A-Za-z0-9._-]+$/.test(meta.content) ? meta.content : "positief-in-gesprek";
    return "pig/" + id + "/werkmap/v" + PACK_VERSION;
  }

  function readPackRecord() {
    try {
      var data = JSON.parse(window.localStorage.getItem(packKey()));
      if (data && data.version === PACK_VERSION && Array.isArray(data.sheets)) {
        return {
          sheets: data.sheets.filter(function (id) { return typeof id === "string"; }),
          session: typeof data.session === "string" ? data.session : null,
        };
      }
    } catch (error) {
      // blocked storage, or not ours: no choice kept
    }
    return null;
  }

  function storePackRecord(ids, session) {
    try {
      window.localStorage.setItem(packKey(), JSON.stringify({ version: PACK_VERSION, sheets: ids, session: session || null }));
      return true;
    } catch (error) {
      return false;
    }
  }

  // Chromium cannot restart the page counter for each sheet (see
  // macros/render/print_css.py, pack_counter_style): each sheet's footer
  // counts with a counter style of its own that starts on the bundle's page
  // where the sheet starts. The stylesheet holds these for every sheet
  // printed in the book's order; for a choice, the same rules with the starts
  // of the chosen sheets in their order, after the pages printed before them
  // (`before`: the cover and the plan), in a stylesheet of this page's own (a
  // constructed one: the Content-Security-Policy allows no inline style).
  function packCounterStyles(printed, before) {
    var start = 1 + (before || 0);
    return printed.map(function (box) {
      var pages = Math.max(1, Math.min(12, Number(box.dataset.pages) || 1));
      var symbols = [];
      for (var n = 1; n <= pages; n++) symbols.push('"' + n + '"');
      var rule = "@counter-style pig-pack-" + box.value + " { system: fixed " + start + "; symbols: " + symbols.join(" ") + "; }";
      start += pages;
      return rule;
    }).join("\n");
  }

  var packSheet = null;

  function applyPackCounters(css) {
    if (!("adoptedStyleSheets" in document) || typeof CSSStyleSheet !== "function") return;
    try {
      if (!packSheet) {
        packSheet = new CSSStyleSheet();
        document.adoptedStyleSheets = document.adoptedStyleSheets.concat([packSheet]);
      }
      packSheet.replaceSync(css);
    } catch (error) {
      // An older browser: the footers count as for the whole werkmap.
    }
  }

  // The session is set up once the answers' store is ready (answers.js runs
  // the page's own scripts then).
  var storeReady = false;
  var whenStoreReady = [];
  if (window.pig && window.pig.store && window.pig.store.onStart) {
    window.pig.store.onStart(function () {
      storeReady = true;
      whenStoreReady.splice(0).forEach(function (callback) { callback(); });
    });
  }

  document$.subscribe(function () {
    document.querySelectorAll("[data-pig-pack]").forEach(setUpPack);
  });

  // A link from the planner (the employee's own preparation) names the
  // person the sheets are for: a first name (voor=Sanne), put on each sheet's
  // Naam line and said above the choice. Only a first name travels in an
  // address, never an answer; anything else in it is ignored.
  function putNameOnSheets(form, container) {
    var asked = (new URLSearchParams(location.search).get("voor") || "").trim();
    if (!/^[\p{L}'’-]{1,40}$/u.test(asked)) return;
    container.querySelectorAll(".pig-ws__namedate > .pig-ws__field:first-child > .pig-ws__blank").forEach(function (blank) {
      blank.textContent = asked;
    });
    var note = document.createElement("p");
    note.className = "pig-pack__for pig-ui";
    note.setAttribute("data-pig-pack-for", "");
    note.textContent = "Deze werkmap is voor " + asked + ": die naam staat op elk werkblad.";
    form.insertBefore(note, form.firstChild);
  }

  function setUpPack(form) {
    var boxes = Array.from(form.querySelectorAll("input[name=werkblad]")).filter(function (box) {
      return /^[a-z0-9-]+$/.test(box.value);
    });
    var byId = {};
    boxes.forEach(function (box) { byId[box.value] = box; });
    var container = document.querySelector(".pig-pack__sheets");
    var sheets = {};
    container.querySelectorAll(":scope > .pig-ws").forEach(function (sheet) { sheets[sheet.dataset.worksheet] = sheet; });
    var status = form.querySelector("[data-pig-pack-status]");
    var order = []; // the chosen sheets, in the session's order
    var session = null;

    function clean(ids) {
      var seen = {};
      return ids.filter(function (id) {
        var fresh = Object.prototype.hasOwnProperty.call(byId, id) && !seen[id];
        seen[id] = true;
        return fresh;
      });
    }

    function setOrder(ids) {
      order = clean(ids);
      boxes.forEach(function (box) { box.checked = order.indexOf(box.value) >= 0; });
    }

    function keepInAddress() {
      var params = new URLSearchParams(location.search);
      params.delete("werkblad");
      order.forEach(function (id) { params.append("werkblad", id); });
      var query = params.toString();
      try {
        history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
      } catch (error) {
        // An address that cannot change (a sandboxed frame): the choice still works.
      }
    }

    function update() {
      var printedIds = order.length ? order : boxes.map(function (box) { return box.value; });
      // The printed sheets in their order, the others after them (not printed).
      var rest = boxes.map(function (box) { return box.value; }).filter(function (id) { return printedIds.indexOf(id) < 0; });
      printedIds.concat(rest).forEach(function (id) {
        if (sheets[id]) container.appendChild(sheets[id]);
      });
      Object.keys(sheets).forEach(function (id) {
        sheets[id].classList.toggle("pig-ws--skipped", printedIds.indexOf(id) < 0);
      });
      // Anything else on the page that belongs to one sheet (data-sheet="id")
      // shows for the printed sheets only.
      document.querySelectorAll(".md-content [data-sheet]").forEach(function (element) {
        element.hidden = printedIds.indexOf(element.getAttribute("data-sheet")) < 0;
      });
      var before = session ? session.render(order) : 0;
      applyPackCounters(packCounterStyles(printedIds.map(function (id) { return byId[id]; }), before));
      var pages = printedIds.reduce(function (sum, id) { return sum + Number(byId[id].dataset.pages); }, 0);
      var count = pages === 1 ? "1 pagina" : pages + " pagina’s";
      var cover = Boolean(session && session.printsCover());
      var planPages = before - (cover ? 1 : 0);
      var plan = planPages === 1 ? "het sessieplan" : "het sessieplan (" + planPages + " pagina’s)";
      var extra = !before ? "" : cover && planPages ? ", na het voorblad en " + plan : cover ? ", na het voorblad" : ", na " + plan;
      status.textContent = order.length
        ? order.length + " van de " + boxes.length + " werkbladen gekozen, in jouw volgorde: " + count + extra + "."
        : "Niets aangevinkt: alle " + boxes.length + " werkbladen worden afgedrukt (" + count + extra + ").";
    }

    function changed() {
      keepInAddress();
      storePackRecord(order, session ? session.id : null);
      if (session) session.keepOrder(order);
      update();
    }

    // The address first (a link of a co-trainer, or of the overview), else
    // the choice kept on this device, if any.
    var asked = new URLSearchParams(location.search).getAll("werkblad");
    putNameOnSheets(form, container);
    var kept = readPackRecord();
    setOrder(asked.length ? asked : kept ? kept.sheets : []);
    if (asked.length) storePackRecord(order, kept ? kept.session : null);

    form.querySelector("[data-pig-pack-all]").onclick = function () {
      setOrder(order.concat(boxes.map(function (box) { return box.value; })));
      changed();
    };
    form.querySelector("[data-pig-pack-none]").onclick = function () { setOrder([]); changed(); };
    form.addEventListener("change", function (event) {
      var box = event.target;
      if (box.name !== "werkblad" || !byId[box.value]) return;
      setOrder(box.checked ? order.concat([box.value]) : order.filter(function (id) { return id !== box.value; }));
      changed();
    });
    update();

    var root = form.querySelector("[data-pig-session]");
    if (root && window.pig && window.pig.store) {
      var start = function () {
        session = setUpSession(root, {
          order: function () { return order.slice(); },
          move: function (ids) { setOrder(ids); changed(); },
          open: function (ids, id) {
            // Another session: its sheets in its order, in the address too.
            storePackRecord(clean(ids), id);
            var params = new URLSearchParams(location.search);
            params.delete("werkblad");
            clean(ids).forEach(function (sheet) { params.append("werkblad", sheet); });
            location.replace(location.pathname + (params.toString() ? "?" + params.toString() : ""));
          },
          update: update,
          kept: kept ? kept.session : null,
          byId: byId,
        });
        storePackRecord(order, session.id); // the session last open, opened again next time
        if (order.length) session.keepOrder(order); // a set opened from a link becomes the session's
        // Printed as the fields show it, also what is not stored yet.
        window.addEventListener("beforeprint", update);
        update();
      };
      if (storeReady) start();
      else whenStoreReady.push(start);
    }
  }

  // --- The session: order, plan and cover --------------------------------------------------

  var SESSION_FIELD = /^@sessie\/([a-z0-9]{1,40})\/([a-z0-9-]{1,80})$/;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function setUpSession(root, pack) {
    var store = window.pig.store;
    var pick = root.querySelector("[data-pig-session-pick]");
    var list = root.querySelector("[data-pig-session-order]");
    var empty = root.querySelector("[data-pig-session-empty]");
    var coverPage = document.querySelector("[data-pig-session-cover]");
    var planPage = document.querySelector("[data-pig-session-plan]");
    var rows = {}; // a row of the plan per sheet, made once

    function saved() {
      var found = {};
      var items = store.all();
      Object.keys(items).forEach(function (key) {
        var match = SESSION_FIELD.exec(key);
        if (!match) return;
        (found[match[1]] = found[match[1]] || {})[match[2]] = items[key].text;
      });
      return found;
    }

    var sessions = saved();
    // The session last open (or just made), else a new one.
    var id = pack.kept && /^[a-z0-9]{1,40}$/.test(pack.kept) ? pack.kept : "s" + Date.now().toString(36);

    function key(field) {
      return "@sessie/" + id + "/" + field;
    }

    function text(field) {
      var entry = store.get(key(field));
      return entry ? entry.text : "";
    }

    function putText(field, value) {
      var entry = store.get(key(field));
      var result = store.put(key(field), value ? { text: value } : null, entry ? entry.updated : "", true);
      if (result.problem) store.tell(result.problem);
    }

    // The sessions kept on this device, newest first by their date field.
    function fillPick() {
      pick.textContent = "";
      var ids = Object.keys(sessions);
      if (ids.indexOf(id) < 0) ids.push(id);
      ids.sort().forEach(function (sessionId) {
        var fields = sessions[sessionId] || {};
        if (sessionId === id) {
          // This session's title and date as typed, before they are stored.
          fields = { titel: coverField("titel"), datum: coverField("datum"), werkbladen: fields.werkbladen };
        }
        var label = fields.titel || "Sessie zonder titel";
        if (fields.datum) label += " (" + fields.datum + ")";
        if (sessionId === id && !sessions[sessionId] && !fields.titel) label = "Nieuwe sessie";
        var option = element("option", "", label);
        option.value = sessionId;
        option.selected = sessionId === id;
        pick.appendChild(option);
      });
    }

    function coverField(name) {
      var field = root.querySelector('[data-pig-session-field="' + name + '"]');
      return field ? field.value.trim() : "";
    }

    function place(field) {
      return function (note) { field.parentNode.appendChild(note); };
    }

    // The cover's fields and the print options.
    root.querySelectorAll("[data-pig-session-field]").forEach(function (field) {
      store.keepField(field, key(field.dataset.pigSessionField), place(field), function () {
        sessions = saved();
        fillPick();
        pack.update();
      });
    });
    var printing = {};
    root.querySelectorAll("[data-pig-session-print]").forEach(function (box) {
      var what = box.dataset.pigSessionPrint;
      printing[what] = box;
      box.checked = text(what) === "ja";
      box.addEventListener("change", function () {
        putText(what, box.checked ? "ja" : "");
        pack.update();
      });
    });

    pick.addEventListener("change", function () {
      var fields = sessions[pick.value] || {};
      pack.open((fields.werkbladen || "").split(" "), pick.value);
    });
    root.querySelector("[data-pig-session-new]").addEventListener("click", function () {
      pack.open([], "s" + Date.now().toString(36));
    });
    root.querySelector("[data-pig-session-delete]").addEventListener("click", function () {
      var box = root.querySelector("[data-pig-confirm]");
      store.ask(box, "Deze sessie (plan en voorblad) van dit apparaat verwijderen? De werkbladen blijven.", [["Verwijderen", "ja"]], function (answer) {
        if (!answer) return;
        var problem = store.clear("@sessie/" + id + "/");
        if (problem) return store.tell(problem);
        pack.open([], "s" + Date.now().toString(36));
      });
    });

    // A row of the plan: the werkvorm, its form (from who takes part, as the
    // book says), time, duration and notes as the trainer types them, and
    // buttons to move it up or down.
    function row(sheetId) {
      if (rows[sheetId]) return rows[sheetId];
      var box = pack.byId[sheetId];
      var item = element("li", "pig-session__item");
      item.dataset.sheet = sheetId;
      var title = element("p", "pig-session__title", box.dataset.title);
      title.id = "pig-session-" + sheetId;
      item.appendChild(title);
      var fields = element("div", "pig-session__fields");
      function labelled(field, label, name) {
        var wrap = element("p", "pig-session__field");
        var caption = element("label", "", label);
        field.id = "pig-session-" + sheetId + "-" + name;
        caption.htmlFor = field.id;
        field.setAttribute("aria-describedby", title.id);
        wrap.append(caption, " ", field);
        fields.appendChild(wrap);
        store.keepField(field, key(sheetId + "-" + name), place(field), function () { pack.update(); });
        return field;
      }
      var time = element("input", "pig-session__time");
      time.type = "text";
      time.maxLength = 20;
      time.autocomplete = "off";
      labelled(time, "Tijd", "tijd");
      var duration = element("input", "pig-session__duration");
      duration.type = "text";
      duration.maxLength = 20;
      duration.autocomplete = "off";
      labelled(duration, "Duur", "duur");
      var form = element("select", "pig-session__form");
      form.appendChild(element("option", "", "—"));
      form.firstChild.value = "";
      (box.dataset.forms || "").split("|").filter(Boolean).forEach(function (label) {
        var option = element("option", "", label);
        option.value = label;
        form.appendChild(option);
      });
      labelled(form, "Vorm", "vorm");
      var notes = element("textarea", "pig-session__notes");
      notes.rows = 2;
      labelled(notes, "Notities", "notities");
      item.appendChild(fields);
      var moves = element("p", "pig-session__moves");
      [["Omhoog", -1], ["Omlaag", 1]].forEach(function (spec) {
        var button = element("button", "md-button pig-session__move", spec[0]);
        button.type = "button";
        button.setAttribute("aria-describedby", title.id);
        button.dataset.move = String(spec[1]);
        button.addEventListener("click", function () {
          var ids = pack.order();
          var at = ids.indexOf(sheetId);
          var to = at + spec[1];
          if (at < 0 || to < 0 || to >= ids.length) return;
          ids.splice(at, 1);
          ids.splice(to, 0, sheetId);
          pack.move(ids);
          // At the top or the bottom the button is off: the other one then.
          (button.disabled ? moves.querySelector("[data-move]:not(:disabled)") || button : button).focus();
        });
        moves.appendChild(button);
      });
      item.appendChild(moves);
      rows[sheetId] = item;
      return item;
    }

    function cell(tr, text, tag) {
      tr.appendChild(element(tag || "td", "", text));
    }

    function drawCover(ids) {
      coverPage.textContent = "";
      var heading = element("p", "pig-session-page__title", coverField("titel") || "Werkmap");
      coverPage.appendChild(heading);
      [["Groep", "groep"], ["Datum", "datum"], ["Trainer", "trainer"]].forEach(function (spec) {
        if (coverField(spec[1])) coverPage.appendChild(element("p", "pig-session-page__fact", spec[0] + ": " + coverField(spec[1])));
      });
      var contents = element("ol", "pig-session-page__contents");
      ids.forEach(function (sheetId) { contents.appendChild(element("li", "", pack.byId[sheetId].dataset.title)); });
      coverPage.appendChild(element("p", "pig-session-page__label", "In deze map:"));
      coverPage.appendChild(contents);
      coverPage.appendChild(element("p", "pig-session-page__source", "Werkbladen uit Positief in Gesprek van Rosa Helmantel en Saskia Tjepkema (webeditie)."));
    }

    // A field of a sheet's row as it shows, else as stored.
    function rowText(sheetId, name) {
      var field = document.getElementById("pig-session-" + sheetId + "-" + name);
      return field ? field.value.trim() : text(sheetId + "-" + name);
    }

    function drawPlan(ids) {
      planPage.textContent = "";
      planPage.appendChild(element("p", "pig-session-page__title", "Sessieplan" + (coverField("titel") ? ": " + coverField("titel") : "")));
      var facts = [["Groep", "groep"], ["Datum", "datum"], ["Trainer", "trainer"]]
        .filter(function (spec) { return coverField(spec[1]); })
        .map(function (spec) { return spec[0] + ": " + coverField(spec[1]); });
      if (facts.length) planPage.appendChild(element("p", "pig-session-page__fact", facts.join(" · ")));
      var table = element("table", "pig-session-page__plan");
      var head = element("tr");
      ["", "Tijd", "Duur", "Werkvorm", "Vorm", "Notities"].forEach(function (label) { cell(head, label, "th"); });
      table.appendChild(element("thead")).appendChild(head);
      var body = table.appendChild(element("tbody"));
      ids.forEach(function (sheetId, index) {
        var tr = element("tr");
        cell(tr, String(index + 1));
        cell(tr, rowText(sheetId, "tijd"));
        cell(tr, rowText(sheetId, "duur"));
        cell(tr, pack.byId[sheetId].dataset.title);
        cell(tr, rowText(sheetId, "vorm"));
        cell(tr, rowText(sheetId, "notities"));
        body.appendChild(tr);
      });
      planPage.appendChild(table);
      return setPlanPages();
    }

    // The plan's printed pages: drawn off screen at the printed width and
    // laid out on A4 as the browser prints it (259 mm a page, 250 counted to
    // be safe; a row kept whole, or run on where it is longer than a page;
    // the head repeated on each page), then held to exactly that many pages,
    // so the sheets after it start where their page numbers say. A longer
    // plan than six pages still prints whole.
    function setPlanPages() {
      for (var n = 2; n <= 6; n++) planPage.classList.remove("pig-session-page--pages-" + n);
      // A copy beside the sheets' container, which the screen does not show.
      var probe = planPage.cloneNode(true);
      probe.removeAttribute("data-pig-session-plan");
      probe.hidden = false;
      probe.classList.add("pig-print-measure");
      planPage.parentNode.parentNode.appendChild(probe);
      var millimetres = function (element) { return element.getBoundingClientRect().height * 25.4 / 96; };
      var PAGE = 250;
      var head = millimetres(probe.querySelector("thead"));
      var pages = 1;
      var used = (probe.querySelector("table").getBoundingClientRect().top - probe.getBoundingClientRect().top) * 25.4 / 96 + head;
      probe.querySelectorAll("tbody tr").forEach(function (row) {
        var height = millimetres(row);
        if (used + height > PAGE && used > head + 1) {
          pages++;
          used = head;
        }
        used += height;
        while (used > PAGE) {
          pages++;
          used = head + used - PAGE;
        }
      });
      probe.remove();
      if (pages > 1 && pages <= 6) planPage.classList.add("pig-session-page--pages-" + pages);
      return pages;
    }

    fillPick();
    root.hidden = false;

    return {
      id: id,
      keepOrder: function (ids) {
        putText("werkbladen", ids.join(" "));
        sessions = saved();
        fillPick();
      },
      printsCover: function () { return Boolean(printing.voorblad && printing.voorblad.checked); },
      // Shows the rows in `ids`' order and the pages to print before the
      // sheets; returns how many pages those are.
      render: function (ids) {
        var shown = Array.from(list.children).map(function (item) { return item.dataset.sheet; });
        if (shown.join(" ") !== ids.join(" ")) {
          var active = document.activeElement;
          list.textContent = "";
          ids.forEach(function (sheetId) { list.appendChild(row(sheetId)); });
          if (active && active !== document.activeElement && document.contains(active)) active.focus();
        }
        empty.hidden = ids.length > 0;
        list.querySelectorAll(".pig-session__item").forEach(function (item, index) {
          var buttons = item.querySelectorAll("[data-move]");
          buttons[0].disabled = index === 0;
          buttons[1].disabled = index === ids.length - 1;
        });
        var cover = Boolean(printing.voorblad && printing.voorblad.checked);
        var plan = Boolean(printing.plan && printing.plan.checked) && ids.length > 0;
        coverPage.hidden = !cover;
        planPage.hidden = !plan;
        if (cover) drawCover(ids);
        var planPages = plan ? drawPlan(ids) : 0;
        return (cover ? 1 : 0) + planPages;
      },
    };
  }
})();
