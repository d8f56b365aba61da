// Positief in Gesprek: tables that scroll sideways (on a phone, or a wide
// table) must be reachable by keyboard, and announced as what they are.
// Material wraps every table in a scrolling box when its bundle starts; this
// names those boxes. Loaded on the pages that hold a table only (the build
// hooks add it: macros/site/hooks.py).
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (!wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Tabel (scrollbaar)");
    }
  });
});
