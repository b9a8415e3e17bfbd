// Runs the Wagtail admin's widget start-up calls that siteshell.admin_scripts turned from inline
// scripts into data blocks (the Content-Security-Policy allows no inline script):
//   <script type="application/json" data-admin-init="ImageChooser" data-admin-new>["id_x", {...}]</script>
// Blocks present when the page has loaded run then; blocks added later (modals, new inline
// forms) run as they are added. Only choosers' and panels' initialisers are ever called.
(function () {
  "use strict";
  var CONSTRUCTOR = /^[A-Z][A-Za-z]*(Chooser|Panel)$/;
  var FUNCTION = /^(init|create)[A-Za-z]*Chooser$/;
  var SELECTOR = "script[type='application/json'][data-admin-init]";

  function run(block) {
    if (block.dataset.adminInitDone) { return; }
    block.dataset.adminInitDone = "1";
    var name = block.dataset.adminInit;
    var isNew = block.hasAttribute("data-admin-new");
    var target = window[name];
    if (!(isNew ? CONSTRUCTOR : FUNCTION).test(name) || typeof target !== "function") {
      window.console.error("admin-init: no initialiser " + name);
      return;
    }
    var args = JSON.parse(block.textContent);
    if (isNew) {
      // new Target(...args) for any number of arguments
      new (Function.prototype.bind.apply(target, [null].concat(args)))();
    } else {
      target.apply(window, args);
    }
  }

  function runWithin(node) {
    if (node.nodeType !== 1) { return; }
    if (node.matches(SELECTOR)) { run(node); }
    node.querySelectorAll(SELECTOR).forEach(run);
  }

  function start() {
    runWithin(document.documentElement);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) { mutation.addedNodes.forEach(runWithin); });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
