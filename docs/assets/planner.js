// Positief in Gesprek: the conversation planner (gespreksplanner.html).
//
// The page holds everything the planner shows (macros/render/templates/
// planner/): the form, the book's suggestions per situation and direction,
// the questions of every werkvorm, and the gesprekskaart that is printed.
// This script shows what fits the reader's choices and keeps each plan in
// the site's one store (window.pig.store of answers.js, loaded before this
// file), one entry per field: "@plan/<plan>/<field>". Nothing is sent
// anywhere; what the reader typed is only ever set as text (value,
// textContent), never as markup.
(function () {
  "use strict";

  // The store's rules (answers-store.js): the plans in it, in order.
  var model = (window.pig || {}).storeModel;
  if (!model) return;
  var PREFIX = model.PLAN_PREFIX;
  var has = model.has;
  var map = model.map;
  var plansOf = model.plansOf;
  var lastUpdate = model.lastUpdate;
  var order = model.order;

  function newId() {
    return "g" + Date.now().toString(36) + Math.random().toString(36).slice(2, 7).replace(/[^a-z0-9]/g, "");
  }

  // The plan in the address: "#gesprek=<plan>", or "?gesprek=<plan>" as
  // the worksheets have it; both keep working.
  function fromHash() {
    var match = /^#gesprek=([a-z0-9]{1,40})$/.exec(location.hash);
    var query = new URLSearchParams(location.search).get("gesprek");
    if (match) return match[1];
    return query && model.PLAN_ID.test(query) ? query : null;
  }

  // Open plan `id` (the page loads anew); `note` says what happened: it is
  // announced there, and the focus goes to the conversation's name.
  function open(id, note) {
    try { window.sessionStorage.setItem("pig/planner-opened", note || "Gesprek geopend."); } catch (error) { /* not said */ }
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    location.hash = "gesprek=" + id;
    location.reload();
  }

  function text(plan, field) {
    return plan && has(plan, field) ? plan[field].text : "";
  }

  function planName(plan) {
    return text(plan, "naam").trim() || "Gesprek zonder naam";
  }

  // Dates in Dutch words (answers-store.js).
  var formatDay = model.dutchDay;
  var formatDate = model.dutchDate;

  // A calendar file (iCalendar, RFC 5545) for a whole day, made here.
  function calendarFile(day, title, description, uid) {
    function escape(value) {
      return value.replace(/[\\;,]/g, function (c) { return "\\" + c; }).replace(/\r?\n/g, "\\n");
    }
    var start = day.replace(/-/g, "");
    var next = new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10) + 1)).toISOString().slice(0, 10).replace(/-/g, "");
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Positief in Gesprek//gespreksplanner//NL", "BEGIN:VEVENT",
      "UID:" + uid + "@positief-in-gesprek", "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + start, "DTEND;VALUE=DATE:" + next,
      "SUMMARY:" + escape(title), "DESCRIPTION:" + escape(description), "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
  }

  function setUp(root) {
    var store = (window.pig || {}).store;
    var app = root.querySelector("[data-pig-planner-app]");
    if (!store || !app || app.dataset.pigReady) return;
    app.dataset.pigReady = "1";
    app.hidden = false;
    document.documentElement.classList.add("pig-planner-ready");

    var form = app.querySelector("[data-pig-plan-form]");
    var message = app.querySelector("[data-pig-plan-message]");
    var card = root.parentNode.querySelector("[data-pig-card]");
    var plans = plansOf(store.all());
    var current = fromHash() || order(plans)[0] || newId();

    function key(field) {
      return PREFIX + current + "/" + field;
    }

    function mine() {
      return plansOf(store.all())[current] || {};
    }

    function tell(problem) {
      if (problem) store.tell(problem);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });

    // A plan kept before it had a date of its own: the date typed on its
    // sheets becomes its date (those stay as they are; answers-store.js).
    if (!text(mine(), "datum") && model.planDate(store.all(), current)) {
      tell(store.put(key("datum"), { text: model.planDate(store.all(), current) }, null, true).problem);
    }

    // --- Text fields: saved as they are typed (answers.js) ---------------------------
    form.querySelectorAll("input[type=text][data-pig-plan-field], input[type=date][data-pig-plan-field], textarea[data-pig-plan-field]").forEach(function (field) {
      store.keepField(field, key(field.dataset.pigPlanField), function (saved) {
        field.parentNode.appendChild(saved);
      }, function () {
        update();
      });
    });

    // --- Choices: radio buttons and the stuck box -----------------------------------
    var choices = form.querySelectorAll("input[type=radio][data-pig-plan-field], input[type=checkbox][data-pig-plan-field]");
    var boxes = form.querySelectorAll("input[data-pig-plan-werkvorm]");

    function readChoices() {
      var plan = mine();
      choices.forEach(function (input) {
        input.checked = text(plan, input.dataset.pigPlanField) === input.value;
      });
      var chosen = text(plan, "werkvormen").split(" ");
      boxes.forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
    }

    choices.forEach(function (input) {
      input.addEventListener("change", function () {
        var field = input.dataset.pigPlanField;
        var value = input.type === "checkbox" ? (input.checked ? input.value : "") : input.value;
        tell(store.put(key(field), value ? { text: value } : null, null, true).problem);
        update();
      });
    });

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        // The same werkvorm may be offered in more than one place.
        boxes.forEach(function (other) { if (other.value === box.value) other.checked = box.checked; });
        var chosen = [];
        form.querySelectorAll("[data-pig-werkvorm]").forEach(function (section) {
          var id = section.dataset.pigWerkvorm;
          var on = Array.prototype.some.call(boxes, function (b) { return b.value === id && b.checked; });
          if (on) chosen.push(id);
        });
        tell(store.put(key("werkvormen"), chosen.length ? { text: chosen.join(" ") } : null, null, true).problem);
        update();
      });
    });

    // --- What is shown: the suggestions, the questions, the card -----------------------
    function checkedValue(field) {
      var found = form.querySelector("input[data-pig-plan-field=" + field + "]:checked");
      return found ? found.value : "";
    }

    function labelOf(field) {
      var found = form.querySelector("input[data-pig-plan-field=" + field + "]:checked");
      return found && found.parentNode ? found.parentNode.textContent.trim() : "";
    }

    function update() {
      var situation = checkedValue("situatie");
      var direction = checkedValue("richting");
      var stuck = checkedValue("vast") === "ja";
      form.querySelectorAll("[data-pig-situation]").forEach(function (section) {
        section.hidden = section.dataset.pigSituation !== situation;
      });
      form.querySelectorAll("[data-pig-direction]").forEach(function (section) {
        section.hidden = !(direction === "beide" || section.dataset.pigDirection === direction);
      });
      form.querySelector("[data-pig-stuck]").hidden = !stuck;
      form.querySelector("[data-pig-plan-choose]").hidden = Boolean(situation || direction || stuck);

      var chosen = map();
      boxes.forEach(function (box) { if (box.checked) chosen[box.value] = true; });
      var any = false;
      form.querySelectorAll("[data-pig-werkvorm]").forEach(function (section) {
        section.hidden = !chosen[section.dataset.pigWerkvorm];
        any = any || !section.hidden;
      });
      form.querySelector("[data-pig-plan-none]").hidden = any;

      // The employee's preparation: the werkmap of the chosen werkvormen'
      // sheets, by a link that holds those sheets and a first name only.
      var share = form.querySelector("[data-pig-plan-share]");
      var sheetIds = [];
      if (card) {
        card.querySelectorAll("[data-pig-card-werkvorm][data-pig-card-sheet]").forEach(function (block) {
          if (chosen[block.dataset.pigCardWerkvorm] && sheetIds.indexOf(block.dataset.pigCardSheet) < 0) sheetIds.push(block.dataset.pigCardSheet);
        });
      }
      share.hidden = !sheetIds.length;
      var shareLink = share.querySelector("[data-pig-plan-share-link]");
      var target = new URL(shareLink.getAttribute("href"), location.href);
      var query = new URLSearchParams();
      sheetIds.forEach(function (id) { query.append("werkblad", id); });
      var first = /^[\p{L}'’-]+/u.exec(form.querySelector("[data-pig-plan-field=naam]").value.trim());
      if (first) query.append("voor", first[0]);
      target.search = "?" + query.toString();
      target.hash = "";
      shareLink.href = target.href;
      share.querySelector("[data-pig-plan-share-url]").value = target.href;

      // A werkvorm's sheet opens for this conversation.
      form.querySelectorAll("a[data-pig-plan-sheet]").forEach(function (link) {
        var target = new URL(link.getAttribute("href"), location.href);
        target.search = "?gesprek=" + current;
        link.href = target.href;
      });

      if (!card) return;
      var name = form.querySelector("[data-pig-plan-field=naam]").value.trim();
      card.querySelector("[data-pig-card-name]").textContent = name || "Gesprek";
      card.querySelector("[data-pig-card-date]").textContent = form.querySelector("[data-pig-plan-field=datum]").value.trim();
      card.querySelector("[data-pig-card-choice]").textContent =
        [labelOf("situatie"), labelOf("richting"), stuck ? "Het gesprek loopt vast: zie Deel 5" : ""].filter(Boolean).join(" · ");
      card.querySelectorAll("[data-pig-card-answer]").forEach(function (dd) {
        var field = form.querySelector("[data-pig-plan-field='" + dd.dataset.pigCardAnswer + "']");
        var value = field ? field.value.trim() : "";
        if (field && field.type === "date" && value) value = formatDay(value);
        dd.textContent = value;
        dd.classList.toggle("pig-card__room", !value);
      });
      // Each werkvorm with the answers given on its sheet for this
      // conversation (its questions stay where nothing was answered), or,
      // without a questionnaire, the book's words for the situation chosen;
      // in the order the reader set, else that of the situation's example
      // (planner.css keeps each whole over columns and pages).
      var sheets = model.planSheets(store.all(), current);
      var werkvormen = card.querySelector(".pig-card__werkvormen");
      cardOrder(situation).forEach(function (id) {
        var block = werkvormen.querySelector("[data-pig-card-werkvorm='" + id + "']");
        if (block) werkvormen.appendChild(block);
      });
      card.querySelectorAll("[data-pig-card-werkvorm]").forEach(function (block) {
        block.hidden = !chosen[block.dataset.pigCardWerkvorm];
        var answers = sheets[block.dataset.pigCardSheet] || map();
        block.querySelectorAll("[data-pig-card-question]").forEach(function (li) {
          var entry = answers[li.dataset.pigCardQuestion];
          var text = entry ? entry.text.trim() : "";
          var shown = li.querySelector(".pig-card__answer");
          if (!shown) {
            shown = document.createElement("span");
            shown.className = "pig-card__answer";
            li.appendChild(shown);
          }
          shown.textContent = text;
          li.classList.toggle("pig-card__answered", Boolean(text));
        });
        var saying = false;
        block.querySelectorAll("[data-pig-card-book]").forEach(function (said) {
          said.hidden = Boolean(situation) && said.dataset.pigCardBook !== situation;
          saying = saying || !said.hidden;
        });
        // The book's words take the place of the empty lines for notes.
        block.classList.toggle("pig-card__said", saying);
      });
      card.querySelector("[data-pig-card-werkvormen-title]").hidden = !any;
      card.querySelectorAll("[data-pig-card-example]").forEach(function (line) {
        line.hidden = line.dataset.pigCardExample !== situation;
      });
      var stuckModel = card.querySelector("[data-pig-card-stuck]");
      if (stuckModel) stuckModel.hidden = !stuck;
      // The list follows the name and whether this plan holds anything, once saved.
      window.clearTimeout(listTimer);
      listTimer = window.setTimeout(showList, 500);
      showOrder(situation, chosen);
      window.clearTimeout(pagesTimer);
      pagesTimer = window.setTimeout(showPages, 300);
    }
    var listTimer = null;
    var pagesTimer = null;
    // The card's measure changes once the fonts are in.
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { showPages(); });

    // --- The order of the werkvormen on the card -------------------------------------
    // The reader's own order ("@plan/<plan>/volgorde"), the werkvormen not
    // in it after, in the order of the situation's example, then the page's.
    function cardOrder(situation) {
      var werkvormen = card.querySelector(".pig-card__werkvormen");
      var own = text(mine(), "volgorde").split(" ").filter(Boolean);
      var example = situation ? (werkvormen.getAttribute("data-pig-card-order-" + situation) || "").split(" ") : [];
      var all = Array.prototype.map.call(werkvormen.querySelectorAll("[data-pig-card-werkvorm]"), function (block) {
        return block.dataset.pigCardWerkvorm;
      });
      var result = [];
      own.concat(example, all).forEach(function (id) {
        if (id && all.indexOf(id) >= 0 && result.indexOf(id) < 0) result.push(id);
      });
      return result;
    }

    var orderBox = form.querySelector("[data-pig-plan-order-box]");
    var orderList = orderBox.querySelector("[data-pig-plan-order]");

    function titleOf(id) {
      var block = card && card.querySelector("[data-pig-card-werkvorm='" + id + "'] h4");
      return block ? block.textContent.trim() : id;
    }

    function showOrder(situation, chosen) {
      var ids = cardOrder(situation).filter(function (id) { return chosen[id]; });
      orderBox.hidden = ids.length < 2;
      orderBox.querySelector("[data-pig-plan-order-own]").hidden = !text(mine(), "volgorde");
      var focused = document.activeElement && orderList.contains(document.activeElement) ? document.activeElement : null;
      var again = focused ? [focused.dataset.pigPlanMove, focused.dataset.pigPlanStep] : null;
      orderList.textContent = "";
      ids.forEach(function (id, place) {
        var li = document.createElement("li");
        var title = document.createElement("span");
        title.textContent = titleOf(id);
        li.appendChild(title);
        [["-1", "Omhoog", " eerder"], ["1", "Omlaag", " later"]].forEach(function (step) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "md-button pig-ui pig-planner__move";
          button.textContent = step[1];
          button.setAttribute("aria-label", titleOf(id) + step[2]);
          button.dataset.pigPlanMove = id;
          button.dataset.pigPlanStep = step[0];
          button.disabled = (step[0] === "-1" && place === 0) || (step[0] === "1" && place === ids.length - 1);
          li.appendChild(button);
        });
        orderList.appendChild(li);
      });
      if (again) {
        var back = orderList.querySelector("[data-pig-plan-move='" + again[0] + "'][data-pig-plan-step='" + again[1] + "']");
        if (back && back.disabled) back = orderList.querySelector("[data-pig-plan-move='" + again[0] + "']:not([disabled])");
        if (back) back.focus();
      }
    }

    orderList.addEventListener("click", function (event) {
      var button = event.target.closest("[data-pig-plan-move]");
      if (!button || button.disabled) return;
      var chosen = text(mine(), "werkvormen").split(" ");
      var ids = cardOrder(checkedValue("situatie")).filter(function (id) { return chosen.indexOf(id) >= 0; });
      var from = ids.indexOf(button.dataset.pigPlanMove);
      var to = from + Number(button.dataset.pigPlanStep);
      if (from < 0 || to < 0 || to >= ids.length) return;
      ids.splice(to, 0, ids.splice(from, 1)[0]);
      button.focus();
      tell(store.put(key("volgorde"), { text: ids.join(" ") }, null, true).problem);
      update();
      message.textContent = titleOf(button.dataset.pigPlanMove) + " staat nu op plaats " + (to + 1) + " van " + ids.length + ".";
    });

    orderBox.querySelector("[data-pig-plan-order-own]").addEventListener("click", function () {
      tell(store.put(key("volgorde"), null, null, true).problem);
      update();
      message.textContent = "De werkvormen staan weer in de volgorde van het voorbeeld.";
      orderBox.querySelector("[data-pig-plan-order-said]").focus();
    });

    // --- The pages the card prints on ------------------------------------------------
    // The card laid out off screen at the print area's width (planner.css),
    // each piece that is never split measured, and laid onto A4 pages as the
    // browser prints them: a piece that does not fit on what is left of a
    // page starts the next (a heading goes with what follows it); a werkvorm
    // longer than a page goes on over the next, between its questions.
    function showPages() {
      if (!card) return;
      var said = app.querySelector("[data-pig-plan-pages]");
      if (!said) return;
      var pages = countPages();
      said.textContent = "Zo gekozen en ingevuld is de gesprekskaart " + pages + (pages === 1 ? " pagina" : " pagina’s") + " A4.";
    }

    function countPages() {
      card.classList.add("pig-print-measure");
      var height = 259 * card.getBoundingClientRect().width / 178;  // A4 less the margins of @page
      var top = card.getBoundingClientRect().top;
      var pieces = [];
      function piecesOf(parent) {
        Array.prototype.forEach.call(parent.children, function (child) {
          if (child.hidden || getComputedStyle(child).display === "none") return;
          var box = child.getBoundingClientRect();
          var whole = child.matches(".pig-card__qa, .pig-card__werkvorm, .pig-card__after, figure, li, h1, h2, h3, h4, p") && box.height <= height;
          // Longer than a page: one kept whole starts a page, then goes on.
          if (!whole && box.height > height && getComputedStyle(child).breakInside === "avoid") pieces.push({ fresh: true });
          if (!whole && child.children.length) return piecesOf(child);
          pieces.push({ top: box.top - top, bottom: box.bottom - top, keep: /^H[1-6]$/.test(child.tagName) });
        });
      }
      piecesOf(card);
      card.classList.remove("pig-print-measure");

      var page = 1;
      var used = 0;   // of this page
      var last = 0;   // where the previous piece ended, as laid out
      pieces.forEach(function (piece, i) {
        if (piece.fresh) {
          if (used > 0) page += 1;
          used = 0;
          return;
        }
        if (piece.bottom <= last) return;  // beside the previous one
        var gap = used > 0 ? Math.max(0, piece.top - last) : 0;
        var size = piece.bottom - Math.max(piece.top, last);
        var next = pieces[i + 1];
        var kept = piece.keep && next && !next.fresh ? next.bottom - next.top : 0;
        last = piece.bottom;
        if (used > 0 && used + gap + size + kept > height) {
          page += 1;
          used = size;
        } else {
          used += gap + size;
        }
      });
      return page;
    }

    // --- The answers typed on the reflection's own page, taken over ---------------------
    var take = form.querySelector("[data-pig-plan-take]");

    function reflectionAnswers() {
      var items = store.all();
      var found = [];
      form.querySelectorAll("textarea[data-pig-plan-field^=vraag-]").forEach(function (field) {
        var entry = items[take.dataset.pigPlanTake + "/" + field.dataset.pigPlanField.slice("vraag-".length)];
        if (entry && entry.text.trim() && !field.value.trim()) found.push([field, entry.text]);
      });
      return found;
    }

    function showTake() {
      if (take) take.hidden = reflectionAnswers().length === 0;
    }

    if (take) {
      take.querySelector("[data-pig-plan-take-button]").addEventListener("click", function () {
        var found = reflectionAnswers();
        found.forEach(function (pair) {
          pair[0].value = pair[1];
          pair[0].dispatchEvent(new Event("input"));
          pair[0].dispatchEvent(new Event("blur"));
        });
        message.textContent = found.length + (found.length === 1 ? " antwoord" : " antwoorden") + " van de reflectie overgenomen.";
        showTake();
      });
    }

    // --- The list of plans, new, copy, delete -------------------------------------
    var list = app.querySelector("[data-pig-plan-list]");

    function planItem(items, all, id) {
      var li = document.createElement("li");
      var plan = all[id];
      var label = plan ? planName(plan) : "Nieuw gesprek (nog leeg)";
      var when = plan ? (model.planDate(items, id) || "bijgewerkt " + formatDate(lastUpdate(plan))) : "";
      if (id === current) {
        var strong = document.createElement("strong");
        strong.textContent = label;
        li.appendChild(strong);
        li.appendChild(document.createTextNode(" (nu geopend" + (when ? ", " + when : "") + ")"));
        li.setAttribute("aria-current", "true");
      } else {
        var link = document.createElement("a");
        link.href = "#gesprek=" + id;
        link.textContent = label;
        link.addEventListener("click", function (event) { event.preventDefault(); open(id, "Gesprek ‘" + label + "’ geopend."); });
        li.appendChild(link);
        if (when) li.appendChild(document.createTextNode(" (" + when + ")"));
      }
      // What comes next with this person: the follow-up date, what is open.
      var after = plan ? openOf(plan) : "";
      if (after) li.appendChild(document.createTextNode(" — " + after));
      return li;
    }

    // The person a plan is with: its name up to a comma ("Hans, 12 mei").
    function personOf(plan) {
      return plan ? planName(plan).split(",")[0].trim() : "";
    }

    // What is still open after a plan: its follow-up date, its next step.
    function openOf(plan) {
      var next = text(plan, "vervolgdatum");
      var openPoint = text(plan, "volgende-stap").trim();
      return [next ? "verder op " + formatDay(next) : "", openPoint ? "open: " + openPoint.split("\n")[0].slice(0, 80) : ""].filter(Boolean).join("; ");
    }

    // The plans per person (newest person first), each person with the
    // date of the last conversation and what is open after it.
    function showList() {
      var items = store.all();
      var all = plansOf(items);
      var ids = order(all);
      if (ids.indexOf(current) < 0) ids.unshift(current);
      list.textContent = "";
      var people = [];
      var byPerson = map();
      ids.forEach(function (id) {
        var who = all[id] ? personOf(all[id]).toLocaleLowerCase("nl") : "";
        if (!byPerson[who]) { byPerson[who] = []; people.push(who); }
        byPerson[who].push(id);
      });
      people.forEach(function (who) {
        var person = document.createElement("li");
        var latest = all[byPerson[who][0]];
        var head = document.createElement("span");
        head.className = "pig-planner__person";
        head.textContent = latest ? personOf(latest) : "Nieuw gesprek";
        person.appendChild(head);
        if (latest) {
          var last = model.planDate(items, byPerson[who][0]) || formatDate(lastUpdate(latest));
          var open = openOf(latest);
          person.appendChild(document.createTextNode(" — laatste gesprek: " + last + (open ? "; " + open : "")));
        }
        var inner = document.createElement("ul");
        byPerson[who].forEach(function (id) { inner.appendChild(planItem(items, all, id)); });
        person.appendChild(inner);
        list.appendChild(person);
      });
      var none = Object.keys(all).length === 0;
      app.querySelector("[data-pig-plan-empty]").hidden = !none;
      // Nothing to list, copy or delete before the first plan holds something.
      list.hidden = none;
      var empty = !all[current];
      app.querySelector("[data-pig-plan-copy]").hidden = empty;
      form.querySelector("[data-pig-plan-next]").hidden = empty;
      form.querySelector("[data-pig-plan-ics]").hidden = !form.querySelector("[data-pig-plan-field=vervolgdatum]").value;
      form.querySelector("[data-pig-plan-earlier]").hidden = !form.querySelector("[data-pig-plan-field=vorige]").value;
      app.querySelectorAll("[data-pig-plan-export]").forEach(function (button) { button.hidden = empty; });
      app.querySelector("[data-pig-plan-delete]").hidden = empty;
      app.querySelector("[data-pig-plan-new]").hidden = none;
    }

    var confirmBox = app.querySelector("[data-pig-confirm]");
    function ask(question, yes, done) {
      store.ask(confirmBox, question, [[yes, true]], done);
    }

    app.querySelector("[data-pig-plan-new]").addEventListener("click", function () {
      open(newId(), "Nieuw gesprek geopend: vul in met wie je het voert.");
    });

    form.querySelector("[data-pig-plan-share-copy]").addEventListener("click", function () {
      var field = form.querySelector("[data-pig-plan-share-url]");
      function copied() { message.textContent = "Link gekopieerd: stuur hem aan je medewerker."; }
      function select() {
        field.focus();
        field.select();
        message.textContent = "De link is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C).";
      }
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(field.value).then(copied, select);
      else select();
    });

    // --- After the conversation: the follow-up in a calendar, the next conversation ------
    form.querySelector("[data-pig-plan-ics]").addEventListener("click", function () {
      var plan = mine();
      var day = text(plan, "vervolgdatum");
      if (!/^\d{4}-\d\d-\d\d$/.test(day)) return;
      var description = [text(plan, "afspraken").trim() ? "Afspraken: " + text(plan, "afspraken").trim() : "",
        text(plan, "volgende-stap").trim() ? "Volgende stap: " + text(plan, "volgende-stap").trim() : ""].filter(Boolean).join("\n");
      store.core.download(fileName("ics"), "text/calendar", calendarFile(day, "Vervolggesprek: " + planName(plan), description, current + "-" + day));
    });

    // The next conversation with the same person: its name, and what was
    // agreed and is still open, to start from.
    form.querySelector("[data-pig-plan-next]").addEventListener("click", function () {
      var plan = mine();
      var id = newId();
      var stamp = new Date().toISOString();
      var changes = map();
      changes[PREFIX + id + "/naam"] = { text: planName(plan), updated: stamp };
      ["situatie", "richting"].forEach(function (field) {
        if (text(plan, field)) changes[PREFIX + id + "/" + field] = { text: text(plan, field), updated: stamp };
      });
      var earlier = [text(plan, "afspraken").trim() ? "Afgesproken: " + text(plan, "afspraken").trim() : "",
        text(plan, "volgende-stap").trim() ? "Nog open: " + text(plan, "volgende-stap").trim() : ""].filter(Boolean).join("\n");
      if (earlier) changes[PREFIX + id + "/vorige"] = { text: earlier, updated: stamp };
      var counts = store.bringIn(changes, "merge", null);
      if (counts.problem) return tell(counts.problem);
      open(id, "Vervolggesprek met ‘" + planName(plan) + "’ geopend, met wat is afgesproken en nog open is.");
    });

    app.querySelector("[data-pig-plan-copy]").addEventListener("click", function () {
      var plan = mine();
      if (!Object.keys(plan).length) {
        message.textContent = "Dit gesprek is nog leeg; er is niets om over te nemen.";
        return;
      }
      var id = newId();
      var changes = map();
      for (var field in plan) {
        if (has(plan, field)) changes[PREFIX + id + "/" + field] = { text: plan[field].text, updated: new Date().toISOString() };
      }
      changes[PREFIX + id + "/naam"] = { text: planName(plan) + " (vervolg)", updated: new Date().toISOString() };
      var counts = store.bringIn(changes, "merge", null);
      if (counts.problem) return tell(counts.problem);
      open(id, "Nieuw gesprek geopend, met ‘" + planName(plan) + "’ als begin.");
    });

    app.querySelector("[data-pig-plan-delete]").addEventListener("click", function () {
      var plan = mine();
      if (!Object.keys(plan).length) {
        message.textContent = "Dit gesprek is nog leeg; er is niets te verwijderen.";
        return;
      }
      var name = planName(plan);
      ask("Het gesprek ‘" + name + "’ verwijderen, met alles wat je erbij typte?", "Verwijderen", function (yes) {
        if (!yes) return;
        var kept = map();
        for (var field in plan) if (has(plan, field)) kept[PREFIX + current + "/" + field] = plan[field];
        var problem = store.clear(PREFIX + current + "/");
        if (problem) return tell(problem);
        form.hidden = true;
        message.textContent = "";
        message.appendChild(document.createTextNode("Het gesprek ‘" + name + "’ is verwijderd. "));
        var undo = document.createElement("button");
        undo.type = "button";
        undo.className = "md-button";
        undo.textContent = "Ongedaan maken";
        undo.addEventListener("click", function () {
          // Brought back as entries of now: the removal is remembered, and
          // an entry older than it would not come back.
          var back = map();
          for (var key in kept) if (has(kept, key)) back[key] = { text: kept[key].text, updated: new Date().toISOString() };
          var counts = store.bringIn(back, "merge", null);
          if (counts.problem) return tell(counts.problem);
          open(current, "Het gesprek ‘" + name + "’ is terug.");
        });
        message.appendChild(undo);
        undo.focus();
        showList();
      });
    });

    // --- One conversation on its own: a file to move it, a readable file ------------
    function fileName(extension) {
      var name = planName(mine()).toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
      return "gesprek-" + (name || "zonder-naam") + "-" + store.core.today() + "." + extension;
    }

    function conversationFile() {
      var prefix = PREFIX + current + "/";
      var items = store.all();
      var gone = store.removed();
      var picked = map();
      var removedHere = map();
      var key;
      for (key in items) if (has(items, key) && key.indexOf(prefix) === 0) picked[key] = items[key];
      for (key in gone) if (has(gone, key) && key.indexOf(prefix) === 0) removedHere[key] = gone[key];
      return model.toText(picked, removedHere, store.siteId(), new Date().toISOString());
    }

    var READABLE_CSS = "body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:1em auto;padding:0 1em;color:#222}" +
      "h2{font-size:1.4em}h3{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #ccc}h4{font-size:1em}" +
      "dt{font-weight:600;margin-top:0.8em}dd{margin:0.2em 0 0;white-space:pre-wrap}.pig-card__answer{display:block;white-space:pre-wrap;padding-left:0.6em;border-left:2px solid #777}";

    // The gesprekskaart as it prints, as a page of its own: text only (the
    // card's own elements, without what is hidden or only room to write).
    function conversationPage() {
      update();
      var copy = card.cloneNode(true);
      copy.querySelectorAll("[hidden], .pig-card__room, svg, figure, [data-pig-card-stuck]").forEach(function (el) { el.remove(); });
      copy.querySelectorAll("[style]").forEach(function (el) { el.removeAttribute("style"); });
      copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      return "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>Gesprekskaart — Positief in Gesprek</title><style>" + READABLE_CSS + "</style></head><body>" +
        copy.innerHTML + "</body></html>\n";
    }

    app.querySelectorAll("[data-pig-plan-export]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (button.dataset.pigPlanExport === "json") store.core.download(fileName("json"), "application/json", conversationFile());
        else store.core.download(fileName("html"), "text/html", conversationPage());
      });
    });

    // A conversation's file (or any backup) brought in: merged, then the
    // conversation it holds opened, with what happened said there.
    var importInput = app.querySelector("[data-pig-plan-import]");
    importInput.addEventListener("change", function () {
      store.core.importing(importInput, function (part) {
        part.readFile(importInput, function (record, refused) {
          if (!record) {
            message.textContent = refused;
            return;
          }
          var counts = store.bringIn(record, "merge", null);
          if (counts.problem) return tell(counts.problem);
          var ids = Object.keys(plansOf(record.items));
          var text = part.report(counts);
          if (ids.length === 1) return open(ids[0], text);
          message.textContent = text;
          store.notify("import");
        });
      });
    });

    app.querySelector("[data-pig-plan-print]").addEventListener("click", function () {
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      update();
      window.print();
    });

    // Another tab changed the store: the text fields follow (answers.js), the choices here.
    store.onChange(function () {
      readChoices();
      update();
      showList();
      showTake();
    });

    store.setUpBackup(app, null);
    var problem = store.problem();
    if (problem) store.tell(problem);
    store.warnPerFile();

    readChoices();
    update();
    showList();
    showTake();
    // Opened by this page (new, another conversation, a copy, an import):
    // the focus on the conversation's name, and what happened announced.
    var opened = null;
    try {
      opened = window.sessionStorage.getItem("pig/planner-opened");
      window.sessionStorage.removeItem("pig/planner-opened");
    } catch (error) { /* nothing said */ }
    if (opened) {
      form.querySelector("[data-pig-plan-field=naam]").focus();
      window.setTimeout(function () { message.textContent = opened; }, 100);
    }
  }

  function start() {
    document.querySelectorAll("[data-pig-planner]").forEach(setUp);
  }

  // Started by answers.js (loaded first) once its store is ready.
  if (window.pig && window.pig.store && window.pig.store.onStart) window.pig.store.onStart(start);
})();
