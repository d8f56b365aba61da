// Positief in Gesprek: the werkmap's choice of sheets (docs/werkbladen/werkmap.md,
// loaded on that page only). The overview's link may bring a choice in its
// address. Without JavaScript the buttons stay hidden and the werkmap prints
// every sheet.

document$.subscribe(function () {
  document.querySelectorAll("[data-pig-pack]").forEach(setUpPack);
});

// The werkmap remembers its choice on this device, beside the answers'
// store of answers.js and under the same site identity (<meta
// name="pig-site-id">), not the page's path: the same choice at any path,
// in any folder and edition. A blocked or full storage only means the choice
// is not kept; nothing fails.
var PACK_VERSION = 1;

function packKey() {
  var meta = document.querySelector("meta[name=pig-site-id]");
  var id = meta && /^[A-Za-z0-9._-]+$/.test(meta.content) ? meta.content : "positief-in-gesprek";
  return "pig/" + id + "/werkmap/v" + PACK_VERSION;
}

function readPackChoice() {
  try {
    var data = JSON.parse(window.localStorage.getItem(packKey()));
    if (data && data.version === PACK_VERSION && Array.isArray(data.sheets)) {
      return data.sheets.filter(function (id) { return typeof id === "string"; });
    }
  } catch (error) {
    // blocked storage, or not ours: no choice kept
  }
  return null;
}

function storePackChoice(ids) {
  try {
    window.localStorage.setItem(packKey(), JSON.stringify({ version: PACK_VERSION, sheets: ids }));
    return true;
  } catch (error) {
    return false;
  }
}

// Chromium cannot restart the page counter for each sheet (see
// macros/render/print_css.py, pack_counter_style): each sheet's footer
// counts with a counter style of its own that starts on the bundle's page
// where the sheet starts. The stylesheet holds these for every sheet
// printed; for a choice, the same rules with the starts of the chosen
// sheets, in a stylesheet of this page's own (a constructed one: the
// Content-Security-Policy allows no inline style).
function packCounterStyles(printed) {
  var start = 1;
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

function setUpPack(form) {
  var boxes = Array.from(form.querySelectorAll("input[name=werkblad]")).filter(function (box) {
    return /^[a-z0-9-]+$/.test(box.value);
  });
  var sheets = document.querySelectorAll(".pig-pack__sheets .pig-ws");
  var status = form.querySelector("[data-pig-pack-status]");

  function update() {
    var chosen = boxes.filter(function (box) { return box.checked; });
    var printed = chosen.length ? chosen : boxes;
    var ids = printed.map(function (box) { return box.value; });
    var pages = printed.reduce(function (sum, box) { return sum + Number(box.dataset.pages); }, 0);
    sheets.forEach(function (sheet) {
      sheet.classList.toggle("pig-ws--skipped", ids.indexOf(sheet.dataset.worksheet) < 0);
    });
    // Anything else on the page that belongs to one sheet (data-sheet="id")
    // shows for the printed sheets only.
    document.querySelectorAll(".md-content [data-sheet]").forEach(function (element) {
      element.hidden = ids.indexOf(element.getAttribute("data-sheet")) < 0;
    });
    applyPackCounters(packCounterStyles(printed));
    var count = pages === 1 ? "1 pagina" : pages + " pagina’s";
    status.textContent = chosen.length
      ? chosen.length + " van de " + boxes.length + " werkbladen gekozen: " + count + "."
      : "Niets aangevinkt: alle " + boxes.length + " werkbladen worden afgedrukt (" + count + ").";
  }

  function remember() {
    storePackChoice(boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; }));
  }

  function tick(ids) {
    boxes.forEach(function (box) { box.checked = ids.indexOf(box.value) >= 0; });
  }

  // A link from the overview names the sheets to tick in the form's own
  // terms (werkmap.html?werkblad=hefbomen&werkblad=job-craften) and becomes
  // the choice kept; else the choice kept on this device, if any.
  var asked = new URLSearchParams(location.search).getAll("werkblad");
  if (asked.length) {
    tick(asked);
    remember();
  } else {
    var kept = readPackChoice();
    if (kept) tick(kept);
  }

  form.querySelector("[data-pig-pack-all]").onclick = function () { tick(boxes.map(function (box) { return box.value; })); remember(); update(); };
  form.querySelector("[data-pig-pack-none]").onclick = function () { tick([]); remember(); update(); };
  form.onchange = function () { remember(); update(); };
  update();
}
