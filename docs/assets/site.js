// Positief in Gesprek: small fixes on top of Material for MkDocs.

// Tables that scroll sideways (on a phone, or a wide table) must be
// reachable by keyboard, and announced as what they are.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (!wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Tabel (scrollbaar)");
    }
  });
});

// Material's search dialog has no accessible name, and no translation key
// for one (the header and footer landmarks get theirs from
// overrides/partials/languages/custom.html): name it here.
document$.subscribe(function () {
  document.querySelectorAll(".md-search[role=dialog]").forEach(function (el) {
    el.setAttribute("aria-label", "Zoeken");
  });
});

// Worksheets: a print button, and the werkmap's choice of sheets (the
// overview's link may bring one in its address). Without JavaScript the
// buttons stay hidden and the werkmap prints every sheet.
document$.subscribe(function () {
  document.querySelectorAll(".pig-print-button").forEach(function (button) {
    button.onclick = function () {
      window.print();
    };
  });
  document.querySelectorAll("[data-pig-pack]").forEach(setUpPack);
});

function setUpPack(form) {
  var boxes = Array.from(form.querySelectorAll("input[name=werkblad]"));
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
    var count = pages === 1 ? "1 pagina" : pages + " pagina’s";
    status.textContent = chosen.length
      ? chosen.length + " van de " + boxes.length + " werkbladen gekozen: " + count + "."
      : "Niets aangevinkt: alle " + boxes.length + " werkbladen worden afgedrukt (" + count + ").";
  }

  function tickAll(checked) {
    boxes.forEach(function (box) { box.checked = checked; });
    update();
  }

  // A link from the overview names the sheets to tick in the form's own
  // terms: werkmap.html?werkblad=hefbomen&werkblad=job-craften.
  var asked = new URLSearchParams(location.search).getAll("werkblad");
  if (asked.length) {
    boxes.forEach(function (box) { box.checked = asked.indexOf(box.value) >= 0; });
  }

  form.querySelector("[data-pig-pack-all]").onclick = function () { tickAll(true); };
  form.querySelector("[data-pig-pack-none]").onclick = function () { tickAll(false); };
  form.onchange = update;
  update();
}
