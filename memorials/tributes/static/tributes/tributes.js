/* 网上祭英烈: one tap sends the offering in the background and a quiet line says thanks (in an
   aria-live region); the counters show the new numbers. Without this script, or when the
   request fails to reach the site, the same form is posted as usual and the hall says thanks. */
(function () {
  "use strict";

  function token(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function showCounters(form, counters) {
    var scope = form.closest("section") || document;
    Object.keys(counters || {}).forEach(function (kind) {
      scope.querySelectorAll('.tributes-counters__number[data-kind="' + kind + '"]').forEach(function (number) {
        number.textContent = Number(counters[kind]).toLocaleString("en-US");
      });
    });
  }

  function postPlainly(form, kind) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "kind";
    input.value = kind;
    form.appendChild(input);
    form.submit();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-tributes-offer]") || !window.fetch) {
      return;
    }
    var button = event.submitter;
    if (!button || !button.value || !form.dataset.api) {
      return;
    }
    event.preventDefault();
    var ack = document.getElementById(form.dataset.ack);
    var kind = button.value;
    button.disabled = true;
    fetch(form.dataset.api, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token(form) },
      body: JSON.stringify({ kind: kind }),
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { status: response.status, data: data };
        });
      })
      .then(function (answer) {
        button.disabled = false;
        if (answer.status === 202) {
          ack.textContent = answer.data.message;
          button.classList.add("is-offered");
          showCounters(form, answer.data.counters);
        } else {
          ack.textContent = answer.data.detail || "";
        }
      })
      .catch(function () {
        button.disabled = false;
        postPlainly(form, kind);
      });
  });
})();
