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

// Material's landmarks and search dialog carry English or no names; give
// them Dutch ones so a screen reader announces them in the site's language.
document$.subscribe(function () {
  var names = [
    [".md-search[role=dialog]", "Zoeken"],
    ["nav.md-header__inner", "Paginakop"],
    ["nav.md-footer__inner", "Vorige en volgende pagina"],
  ];
  names.forEach(function (pair) {
    document.querySelectorAll(pair[0]).forEach(function (el) {
      el.setAttribute("aria-label", pair[1]);
    });
  });
});
