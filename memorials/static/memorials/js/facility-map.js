// Loads Leaflet (vendored under static/) only when the map scrolls into view, so the page
// stays light and works without JavaScript (the coordinates and links to map apps are always
// shown). The tiles come from the site's own setting (MAP_TILE_URL, data-tile-url): the page is
// only given this script when one is configured.
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
      // The marker images by their hashed static names (Leaflet would guess unhashed ones).
      window.L.Icon.Default.imagePath = "";
      window.L.Icon.Default.mergeOptions({
        iconUrl: box.dataset.markerIcon, iconRetinaUrl: box.dataset.markerIcon2x, shadowUrl: box.dataset.markerShadow
      });
      var maxZoom = parseInt(box.dataset.maxZoom, 10) || 18;
      var map = window.L.map(box, { maxZoom: maxZoom }).setView([lat, lng], Math.min(15, maxZoom));
      // The corner credits the map's source (and its 审图号), not the library.
      map.attributionControl.setPrefix(false);
      var layer = { maxZoom: maxZoom };
      if (box.dataset.subdomains) { layer.subdomains = box.dataset.subdomains; }
      window.L.tileLayer(box.dataset.tileUrl, layer).addTo(map);
      if (box.dataset.labelTileUrl) { window.L.tileLayer(box.dataset.labelTileUrl, layer).addTo(map); }
      if (box.dataset.attribution) {
        // Text, never markup; written by the bureau in the content language.
        var credit = document.createElement("span");
        credit.textContent = box.dataset.attribution;
        if (box.dataset.nameLang) { credit.lang = box.dataset.nameLang; }
        map.attributionControl.addAttribution(credit.outerHTML);
      }
      var marker = window.L.marker([lat, lng], { title: box.dataset.name }).addTo(map);
      // The facility's name keeps its language on a page shown in another one.
      if (box.dataset.nameLang) { marker.getElement().setAttribute("lang", box.dataset.nameLang); }
    }).catch(function () { /* the coordinates and the links stay visible */ });
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
