// Search suggestions for the search page's box: progressive enhancement of a plain GET form.
// The input becomes an ARIA 1.2 combobox; arrow keys move through the list, Enter opens the
// chosen result, Escape closes the list. Without JavaScript the form simply submits.
(function () {
  "use strict";
  var DELAY = 200;

  function init(input) {
    var list = document.getElementById("search-suggestions");
    var url = input.dataset.suggestUrl;
    if (!list || !url || !window.fetch) return;
    var timer = null;
    var active = -1;
    var lastQuery = "";
    var controller = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    function render(suggestions) {
      list.innerHTML = "";
      active = -1;
      if (!suggestions.length) { close(); return; }
      suggestions.forEach(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = "search-suggestion-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = suggestion.url || "";
        item.dataset.title = suggestion.title;
        var title = document.createElement("span");
        title.className = "search-suggestions__title";
        title.textContent = suggestion.title;  // text, never HTML
        var type = document.createElement("span");
        type.className = "search-suggestions__type";
        type.textContent = suggestion.type;
        item.appendChild(title);
        item.appendChild(type);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(item);
        });
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function choose(item) {
      if (item.dataset.url) {
        window.location.href = item.dataset.url;
      } else {
        input.value = item.dataset.title;
        input.form.submit();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (!query) { close(); return; }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) { if (input.value.trim() === query) render(suggestions); })
        .catch(function () { /* suggestions are optional: the form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(options()[active]); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("[data-suggest-url]").forEach(init);
})();
