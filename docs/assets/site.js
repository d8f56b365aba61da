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
