// Positief in Gesprek: Material's search worker, run from disk (file://).
//
// A page opened from disk may not start a Web Worker, and Material's search
// runs in one. Material supports a stand-in for that case: a `Worker` that
// runs the worker's script in a hidden iframe of the page. Material's worker
// recognises it by `IFrameWorker` on the parent window, finds its own
// address in the iframe's first script, and awaits `importScripts`, which
// here loads the Dutch stemmer with script elements.
//
// This is the project's own small stand-in, listed as a polyfill in
// mkdocs.yml so Material's offline plugin adds no script from a CDN. Served
// over http(s), the browser's own Worker is used and this file does nothing
// but define the class.
(function () {
  "use strict";

  // Load one script into a document; resolve when it has run.
  function loadScript(doc, src) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("kan script niet laden: " + src)); };
      doc.head.appendChild(script);
    });
  }

  function copy(data) {
    return typeof structuredClone === "function" ? structuredClone(data) : data;
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this._ready = false;
      this._queue = [];

      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.title = "Zoekfunctie";
      frame.setAttribute("aria-hidden", "true");
      frame.tabIndex = -1;
      document.body.appendChild(frame);
      this._frame = frame;

      var worker = this;
      var scope = frame.contentWindow;
      var doc = frame.contentDocument;

      // Inside the iframe the worker's script calls the globals
      // `postMessage` (its answer) and `importScripts` (more scripts).
      scope.postMessage = function (data) {
        var answer = copy(data);
        setTimeout(function () { worker._emit("message", answer); });
      };
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, src) {
          return done.then(function () { return loadScript(doc, new URL(src, location.href).href); });
        }, Promise.resolve());
      };

      loadScript(doc, new URL(url, location.href).href).then(
        function () {
          worker._ready = true;
          worker._queue.splice(0).forEach(function (data) { worker._deliver(data); });
        },
        function (error) { worker._emit("error", error); }
      );
    }

    postMessage(data) {
      if (this._ready) this._deliver(data);
      else this._queue.push(data);
    }

    terminate() {
      this._frame.remove();
    }

    // A message to the worker's script, as a real worker gets it: later.
    _deliver(data) {
      var scope = this._frame.contentWindow;
      var message = copy(data);
      setTimeout(function () {
        scope.dispatchEvent(new scope.MessageEvent("message", { data: message }));
      });
    }

    // A message or error from the worker's script, to the page.
    _emit(type, payload) {
      var event = type === "message"
        ? new MessageEvent("message", { data: payload })
        : new ErrorEvent("error", { error: payload, message: String(payload) });
      var handler = type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") handler.call(this, event);
      this.dispatchEvent(event);
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") {
    window.Worker = IFrameWorker;
  }
})();
