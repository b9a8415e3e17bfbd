// "换一张" (a new CAPTCHA) without reloading the page, so what the visitor typed stays.
// A static file (no inline script: Content-Security-Policy). Without script the button stays
// hidden; a wrong or empty answer brings a new picture anyway.
(function () {
  "use strict";
  document.querySelectorAll(".publicforms-captcha__challenge").forEach(function (box) {
    var button = box.querySelector(".publicforms-captcha__refresh");
    var fieldset = box.closest(".publicforms-captcha");
    if (!button || !fieldset || !window.fetch) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      fetch(box.dataset.refreshUrl, {
        headers: { "X-Requested-With": "XMLHttpRequest" },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          box.querySelector(".publicforms-captcha__image").src = data.image_url;
          var audio = box.querySelector(".publicforms-captcha__audio");
          if (audio && data.audio_url) audio.href = data.audio_url;
          var key = fieldset.querySelector('input[type="hidden"][name$="_0"]');
          var answer = fieldset.querySelector(".publicforms-captcha__answer");
          if (key) key.value = data.key;
          if (answer) {
            answer.value = "";
            answer.focus();
          }
          var status = fieldset.querySelector(".publicforms-captcha__status");
          if (status) status.textContent = button.dataset.done || "";
        })
        .catch(function () {
          var status = fieldset.querySelector(".publicforms-captcha__status");
          if (status) status.textContent = button.dataset.failed || "";
        });
    });
  });
})();
