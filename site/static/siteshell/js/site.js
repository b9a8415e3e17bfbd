// Progressive enhancement only: every control here also works as a plain link.
(function () {
  "use strict";
  var COOKIE = "elder_mode";
  var MAX_AGE = 365 * 24 * 3600;

  function setElderMode(on) {
    document.documentElement.classList.toggle("mode-elder", on);
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = on
      ? COOKIE + "=1; Max-Age=" + MAX_AGE + "; Path=/; SameSite=Lax" + secure
      : COOKIE + "=; Max-Age=0; Path=/; SameSite=Lax" + secure;
    document.querySelectorAll("[data-elder-toggle]").forEach(function (toggle) {
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
      toggle.textContent = on ? toggle.dataset.labelOn : toggle.dataset.labelOff;
      toggle.href = toggle.href.replace(/enable=[01]/, "enable=" + (on ? "0" : "1"));
    });
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-elder-toggle]");
    if (!toggle) return;
    event.preventDefault();
    setElderMode(toggle.getAttribute("aria-pressed") !== "true");
  });
  // role="button" links also answer the space bar, as buttons do.
  document.addEventListener("keydown", function (event) {
    var toggle = event.target.closest && event.target.closest("[data-elder-toggle]");
    if (toggle && event.key === " ") {
      event.preventDefault();
      toggle.click();
    }
  });
})();
