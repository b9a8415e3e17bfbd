// Keyboard review of one item: a approve, r reject/remove (focus the reason; Ctrl+Enter
// submits), j next, k previous. Keys never fire while typing in a field.
(function () {
  "use strict";
  var form = document.querySelector("[data-moderation-decision]");
  if (!form) return;
  var reason = form.querySelector("textarea[name=reason]");
  var intent = null;

  function typing(target) {
    if (!target) return false;
    var tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  function submitWith(button) {
    if (button) {
      if (form.requestSubmit) form.requestSubmit(button);
      else button.click();
    }
  }

  reason.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submitWith(intent || form.querySelector("button[data-key=r]"));
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var key = event.key;
    if (key === "a") {
      var approve = form.querySelector("button[data-key=a]");
      if (approve) {
        event.preventDefault();
        submitWith(approve);
      }
    } else if (key === "r") {
      intent = form.querySelector("button[data-key=r]");
      if (intent) {
        event.preventDefault();
        reason.focus();
      }
    } else if (key === "j" || key === "k") {
      var link = document.querySelector(".moderation-nav a[data-key=" + key + "]");
      if (link) {
        event.preventDefault();
        window.location.href = link.href;
      }
    }
  });
  // The keys work from now on (the browser tests wait for this before pressing one).
  form.dataset.keysReady = "1";
})();
