// "Select all on this page" for the bulk decisions.
(function () {
  "use strict";
  var all = document.querySelector("[data-moderation-select-all]");
  if (!all) return;
  all.addEventListener("change", function () {
    document.querySelectorAll("#moderation-bulk input[name=items]").forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();
