// Suggestions while typing, for every search box that asks for them: the header's on every page
// and the search page's own. Progressive enhancement of a plain GET form: without JavaScript, or
// when the search service is switched off (no such box on the page), nothing here runs.
//
// The template marks the box with <input data-suggest="LIST_ID"> and renders the listbox
// (search/includes/suggestions.html) with the suggest URL, the id of a polite live region, the
// translated messages and the language of the titles (what editors wrote) as data attributes.
// The input becomes an ARIA 1.2 combobox: Down/Up move through the options
// (aria-activedescendant), Enter opens the chosen one (its URL, or a search for its title),
// Escape closes the list, Tab closes it and moves on; a click or tap chooses too.
(function () {
  "use strict";
  var DELAY = 200;

  function pluralMessage(list, count) {
    var form = "other";
    try {
      form = new Intl.PluralRules(document.documentElement.lang || undefined).select(count);
    } catch (error) { /* an unknown language: the "other" form */ }
    var key = "count" + form.charAt(0).toUpperCase() + form.slice(1);
    return (list.dataset[key] || list.dataset.countOther || "").replace("{count}", String(count));
  }

  // Only a link to a web page is followed, never e.g. a javascript: URL.
  function safeUrl(url) {
    if (!url) return "";
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : "";
    } catch (error) {
      return "";
    }
  }

  function init(input) {
    var list = document.getElementById(input.dataset.suggest);
    var status = list && document.getElementById(list.dataset.status);
    if (!list || !list.dataset.url || !input.form || !window.fetch || input.dataset.suggestReady) return;
    input.dataset.suggestReady = "true";

    var timer = null;
    var controller = null;  // the one request in flight
    var shownFor = null;    // the query the options in the list belong to
    var active = -1;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function options() { return list.querySelectorAll("[role=option]"); }
    function isOpen() { return !list.hidden; }
    function announce(text) { if (status) status.textContent = text; }

    function setActive(index) {
      var items = options();
      active = index;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function move(step) {
      var count = options().length;
      if (!count) return;
      if (active < 0) setActive(step > 0 ? 0 : count - 1);
      else setActive((active + step + count) % count);
    }

    function open() {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function abort() {
      clearTimeout(timer);
      if (controller) controller.abort();
      controller = null;
    }

    function choose(item) {
      var url = safeUrl(item.dataset.url);
      close();
      if (url) {
        window.location.assign(url);
      } else {
        input.value = item.dataset.title;
        if (input.form.requestSubmit) input.form.requestSubmit();
        else input.form.submit();
      }
    }

    function render(query, suggestions) {
      shownFor = query;
      setActive(-1);
      list.textContent = "";
      suggestions.forEach(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = suggestion.url || "";
        item.dataset.title = suggestion.title;
        var title = document.createElement("span");
        title.className = "search-suggestions__title";
        title.textContent = suggestion.title;  // text, never HTML
        if (list.dataset.titleLang) title.lang = list.dataset.titleLang;  // what editors wrote
        item.appendChild(title);
        if (suggestion.type) {
          var type = document.createElement("span");
          type.className = "search-suggestions__type";
          type.textContent = suggestion.type;
          item.appendChild(type);
        }
        list.appendChild(item);
      });
      if (suggestions.length) {
        open();
        announce(pluralMessage(list, suggestions.length));
      } else {
        close();
        announce("");
      }
    }

    function request(query) {
      abort();
      var current = window.AbortController ? new AbortController() : null;
      controller = current;
      var url = new URL(list.dataset.url, window.location.href);
      url.searchParams.set("q", query);
      fetch(url.href, { headers: { Accept: "application/json" }, signal: current ? current.signal : undefined })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) {
          if (current && controller !== current) return;  // a newer request took over
          controller = null;
          // A late answer for what is no longer in the box, or for a box already left, is dropped.
          if (input.value.trim() !== query || document.activeElement !== input) return;
          render(query, Array.isArray(suggestions) ? suggestions : []);
        })
        .catch(function () { /* aborted or offline: suggestions are optional, the form still works */ });
    }

    function typed() {
      var query = input.value.trim();
      abort();
      announce("");
      if (!query) {
        shownFor = null;
        close();
        return;
      }
      if (query === shownFor) {  // e.g. only a space added: the list is still right
        if (options().length) {
          open();
          announce(pluralMessage(list, options().length));
        }
        return;
      }
      setActive(-1);  // Enter now searches for what is typed, not for an option of the old list
      timer = setTimeout(function () { request(query); }, DELAY);
    }

    input.addEventListener("input", function (event) {
      if (!event.isComposing) typed();  // wait for the input method (pinyin) to finish
    });
    input.addEventListener("compositionend", typed);

    input.addEventListener("keydown", function (event) {
      if (event.isComposing || event.keyCode === 229) return;  // keys meant for the input method
      switch (event.key) {
        case "ArrowDown":
        case "ArrowUp":
          if (!isOpen()) {
            var query = input.value.trim();
            if (!query) return;
            event.preventDefault();
            if (query === shownFor && options().length) {
              open();
              move(event.key === "ArrowDown" ? 1 : -1);
            } else {
              request(query);
            }
            return;
          }
          event.preventDefault();
          move(event.key === "ArrowDown" ? 1 : -1);
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            choose(options()[active]);
          } else {
            close();  // the form submits what is typed
          }
          break;
        case "Escape":
          if (isOpen()) {
            event.preventDefault();  // keep the text; a second Escape clears it as usual
            close();
          }
          break;
        case "Tab":
          close();  // focus moves on as usual
          break;
      }
    });

    // Mouse and touch: keep the focus in the box while pressing an option, choose on release.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var item = event.target.closest("[role=option]");
      if (item && list.contains(item)) choose(item);
    });
    input.addEventListener("blur", close);
    window.addEventListener("pagehide", close);
  }

  document.querySelectorAll("input[data-suggest]").forEach(init);
})();
