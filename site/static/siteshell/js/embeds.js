// Gives each responsive embed its own height-to-width ratio (data-embed-ratio, e.g. "75.0%"):
// set through the style property, which the Content-Security-Policy allows, where Wagtail wrote a
// style attribute, which it does not.
(function () {
  "use strict";
  document.querySelectorAll(".responsive-object[data-embed-ratio]").forEach(function (box) {
    var ratio = box.dataset.embedRatio;
    if (/^\d+(\.\d+)?%$/.test(ratio)) { box.style.paddingBottom = ratio; }
  });
})();
