// Positief in Gesprek: tables that scroll sideways (on a phone, or a wide
// table) must be reachable by keyboard, and announced as what they are.
// Material wraps every table in a scrolling box when its bundle starts; this
// names those boxes, each by its caption or the heading above it, so that
// two tables on one page (the whole book holds many) never share a name.
// Loaded on the pages that hold a table only (the publish step adds it:
// macros/site/publish.py).
(function () {
  // The words of a heading, without its permalink.
  function words(heading) {
    var text = "";
    heading.childNodes.forEach(function (node) {
      if (!(node.classList && node.classList.contains("headerlink"))) text += node.textContent;
    });
    return text.replace(/\s+/g, " ").trim();
  }

  // The nearest heading before an element, in the document's order.
  function headingBefore(element) {
    var headings = document.querySelectorAll(".md-typeset h1, .md-typeset h2, .md-typeset h3, .md-typeset h4");
    var found = null;
    headings.forEach(function (heading) {
      if (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) found = heading;
    });
    return found ? words(found) : "";
  }

  document$.subscribe(function () {
    var used = {};
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var caption = wrap.querySelector("caption");
      var about = caption ? caption.textContent.replace(/\s+/g, " ").trim() : headingBefore(wrap);
      var name = about ? "Tabel: " + about : "Tabel";
      used[name] = (used[name] || 0) + 1;
      if (used[name] > 1) name += " (" + used[name] + ")";
      if (!wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
      }
      wrap.setAttribute("aria-label", name);
    });
  });
})();
