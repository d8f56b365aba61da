// See storage-probe.html: tell the parent page what this page's storage holds.
(function () {
  "use strict";
  var value = null;
  try {
    value = window.localStorage.getItem("pig/probe");
  } catch (error) {
    value = null;
  }
  if (window.parent && window.parent !== window) window.parent.postMessage({ pigProbe: value }, "*");
})();
