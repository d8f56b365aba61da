// Positief in Gesprek: storage per file, Firefox from disk (a part of
// answers.js).
//
// Loaded by answers.js only on pages opened from disk (file:). Opened from
// disk, Firefox gives every file a storage of its own: what one page keeps,
// the next page does not see. A sibling page of the site
// (assets/storage-probe.html) reads a marker this page writes and answers
// by postMessage; a different answer means storage per file, and the page
// says so.
(function () {
  "use strict";

  var store = (window.pig || {}).store;
  if (!store) return;
  var core = store.core;

  function probePerFile(done) {
    if (location.protocol !== "file:") return done(false);
    var ls = core.storage();
    if (!ls) return done(false);
    var marker = String(Math.random()).slice(2);
    try {
      ls.setItem("pig/probe", marker);
    } catch (error) {
      return done(false);
    }
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "";
    frame.src = core.beside("storage-probe.html");
    var finished = false;
    function finish(perFile) {
      if (finished) return;
      finished = true;
      window.removeEventListener("message", receive);
      frame.remove();
      try { ls.removeItem("pig/probe"); } catch (error) { /* no matter */ }
      done(perFile);
    }
    function receive(event) {
      if (event.source !== frame.contentWindow || !event.data || event.data.pigProbe === undefined) return;
      finish(event.data.pigProbe !== marker);
    }
    window.addEventListener("message", receive);
    window.setTimeout(function () { finish(false); }, 3000);
    document.body.appendChild(frame);
  }

  var PER_FILE = "In deze browser heeft elke pagina die je van schijf opent een eigen opslag: wat je hier typt, zie je niet op andere pagina's en niet bij Mijn antwoorden. Open het werkboek via een webserver of in een andere browser (zoals Chrome of Edge), of download op elke pagina een reservekopie en zet die terug waar je verder wilt.";

  var perFileShown = false;
  function warnPerFile() {
    probePerFile(function (perFile) {
      if (!perFile || perFileShown) return;
      perFileShown = true;
      document.querySelectorAll("[data-pig-answer-bar], [data-pig-mine], form[data-pig-mindset], [data-pig-planner-app]").forEach(function (root) {
        var note = root.querySelector("[data-pig-perfile]") || core.element("p", "pig-perfile");
        note.setAttribute("data-pig-perfile", "");
        note.setAttribute("role", "status");
        note.textContent = PER_FILE;
        var privacy = root.querySelector(".pig-privacy");
        if (!note.parentNode) {
          if (privacy) privacy.after(note);
          else root.prepend(note);
        }
      });
      document.querySelectorAll("[data-pig-backup]").forEach(function (box) { box.hidden = false; });
    });
  }

  core.define("answers-disk", { warnPerFile: warnPerFile });
})();
