// briefgen: highlight the sentence a provenance link points to, also after instant navigation
(function () {
  function highlight() {
    document.querySelectorAll(".bg-s.bg-highlight").forEach(function (el) { el.classList.remove("bg-highlight"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (el && el.classList.contains("bg-s")) {
      el.classList.add("bg-highlight");
      el.scrollIntoView({ block: "center" });
    }
  }
  window.addEventListener("hashchange", highlight);
  if (typeof document$ !== "undefined") { document$.subscribe(highlight); }
  else { document.addEventListener("DOMContentLoaded", highlight); }
})();
