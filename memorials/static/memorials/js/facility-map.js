// Loads Leaflet (vendored under static/) only when the map scrolls into view, so the page
// stays light and works without JavaScript (the coordinates and a link are always shown).
(function () {
  "use strict";
  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { el[k] = attrs[k]; });
      el.onload = resolve; el.onerror = reject;
      document.head.appendChild(el);
    });
  }
  function show(box) {
    Promise.all([
      load("link", { rel: "stylesheet", href: box.dataset.leafletCss }),
      load("script", { src: box.dataset.leafletJs })
    ]).then(function () {
      var lat = parseFloat(box.dataset.lat), lng = parseFloat(box.dataset.lng);
      box.classList.add("is-live");
      var map = window.L.map(box).setView([lat, lng], 15);
      window.L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 19,
        attribution: "&copy; OpenStreetMap contributors"
      }).addTo(map);
      var marker = window.L.marker([lat, lng], { title: box.dataset.name }).addTo(map);
      // The facility's name keeps its language on a page shown in another one.
      if (box.dataset.nameLang) { marker.getElement().setAttribute("lang", box.dataset.nameLang); }
    }).catch(function () { /* the coordinates and the link stay visible */ });
  }
  document.querySelectorAll("[data-memorials-map]").forEach(function (box) {
    if (!("IntersectionObserver" in window)) { show(box); return; }
    var seen = new IntersectionObserver(function (entries) {
      if (entries[0].isIntersecting) { seen.disconnect(); show(box); }
    });
    // The box stays hidden until the map is drawn, so watch its section instead.
    seen.observe(box.parentElement);
  });
})();
