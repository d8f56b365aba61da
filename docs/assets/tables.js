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

// Worksheets and guides: a print button (hidden without JavaScript). The
// werkmap's choice of sheets is werkmap.js, on its page only.
document$.subscribe(function () {
  document.querySelectorAll(".pig-print-button").forEach(function (button) {
    button.onclick = function () {
      window.print();
    };
  });
});
