// The worksheet overview as a method library (werkbladen/index.md): filter
// the cards by part, by who takes part and by length, without a reload and
// from disk. Within a filter any ticked value may match, across filters all
// must. The choice is kept in the address (?deel=deel-2&wie=samen), so a
// link reopens the same selection; the link to the werkmap ticks the sheets
// shown there, in the werkmap form's own terms (?werkblad=id&werkblad=id).
// Without JavaScript every card is shown and the filters stay hidden.
(function () {
  var root = document.querySelector("[data-pig-library]");
  if (!root) return;
  var form = root.querySelector("[data-pig-library-filters]");
  var count = root.querySelector("[data-pig-library-count]");
  var pack = root.querySelector("[data-pig-library-pack]");
  var cards = Array.from(root.querySelectorAll(".pig-ml__card"));
  var boxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
  var names = [];
  boxes.forEach(function (box) {
    if (names.indexOf(box.name) < 0) names.push(box.name);
  });

  function chosen() {
    var choice = {};
    names.forEach(function (name) {
      choice[name] = boxes
        .filter(function (box) { return box.name === name && box.checked; })
        .map(function (box) { return box.value; });
    });
    return choice;
  }

  function matches(card, choice) {
    return names.every(function (name) {
      if (!choice[name].length) return true;
      var values = (card.dataset[name] || "").split(" ");
      return choice[name].some(function (value) { return values.indexOf(value) >= 0; });
    });
  }

  function keepInAddress(choice) {
    var params = new URLSearchParams(location.search);
    names.forEach(function (name) {
      params.delete(name);
      choice[name].forEach(function (value) { params.append(name, value); });
    });
    var query = params.toString();
    try {
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) {
      // An address that cannot change (a sandboxed frame): the filters still work.
    }
  }

  function update(remember) {
    var choice = chosen();
    var shown = cards.filter(function (card) {
      var show = matches(card, choice);
      card.hidden = !show;
      return show;
    });
    var filtered = names.some(function (name) { return choice[name].length; });
    var noun = shown.length === 1 ? "werkblad" : "werkbladen";
    if (!filtered) count.textContent = "Alle " + cards.length + " werkbladen.";
    else if (!shown.length) count.textContent = "Geen werkblad past bij je keuze: vink een filter uit.";
    else count.textContent = shown.length + " van de " + cards.length + " werkbladen " + (shown.length === 1 ? "past" : "passen") + " bij je keuze.";
    var ids = shown.map(function (card) { return "werkblad=" + encodeURIComponent(card.dataset.worksheet); });
    pack.href = pack.dataset.werkmap + (ids.length ? "?" + ids.join("&") : "");
    pack.textContent = shown.length === cards.length
      ? "Alle werkbladen in de werkmap"
      : "De " + (shown.length === 1 ? "" : shown.length + " ") + "getoonde " + noun + " in de werkmap";
    pack.hidden = !shown.length;
    if (remember) keepInAddress(choice);
  }

  // The address first: a shared link opens its selection.
  var params = new URLSearchParams(location.search);
  boxes.forEach(function (box) {
    box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
  });
  form.addEventListener("change", function () { update(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  root.querySelector("[data-pig-library-clear]").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    update(true);
  });
  update(false);
})();
