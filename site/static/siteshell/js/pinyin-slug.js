// The page editor fills the slug (缩略名) with the pinyin of the title while it is typed
// (李卫国 → li-weiguo), asking the server (siteshell.slugs.views), which writes it as it will
// when the page is saved. Wagtail's own title → slug sync would write the Chinese characters:
// its events are stopped before they reach the slug field.
//
// The slug follows the title while the page is unpublished (data-pinyin-slug-sync="auto") and
// the slug is empty or still the one the title gave (data-pinyin-slug-auto); once the editor
// types a slug of their own it is left alone. Without this script the server fills an empty
// slug when the page is saved.
(function () {
  "use strict";
  var SLUG = "input[data-pinyin-slug-url]";
  var WAGTAIL_SYNC_EVENTS = ["w-sync:start", "w-sync:check", "w-sync:apply", "w-sync:clear"];
  var DELAY = 250;

  WAGTAIL_SYNC_EVENTS.forEach(function (name) {
    window.addEventListener(name, function (event) {
      if (event.target instanceof Element && event.target.matches(SLUG)) {
        // Prevented: Wagtail's sync leaves this field alone from now on.
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    }, true);
  });

  function follow(slug) {
    if (slug.dataset.pinyinSlugReady) { return; }
    slug.dataset.pinyinSlugReady = "1";
    var title = slug.form && slug.form.elements.namedItem("title");
    if (!title || slug.dataset.pinyinSlugSync !== "auto") { return; }
    var auto = slug.dataset.pinyinSlugAuto || "";
    var following = slug.value === "" || slug.value === auto;
    var timer = null;
    var asked = 0;

    function show(value) {
      auto = value;
      slug.value = value;
      // Wagtail's unsaved-changes warning listens for changes.
      slug.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function update() {
      window.clearTimeout(timer);
      if (!following) { return; }
      var text = title.value.trim();
      var number = ++asked;
      if (!text) {
        show("");
        return;
      }
      var url = new URL(slug.dataset.pinyinSlugUrl, window.location.href);
      url.searchParams.set("title", text);
      window.fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (answer && number === asked && following && answer.slug !== slug.value) {
            show(answer.slug);
          }
        })
        .catch(function () { /* the server fills the slug when the page is saved */ });
    }

    slug.addEventListener("input", function () {
      following = slug.value === "" || slug.value === auto;
    });
    title.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY);
    });
    title.addEventListener("change", update);
  }

  function start() {
    document.querySelectorAll(SLUG).forEach(follow);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
