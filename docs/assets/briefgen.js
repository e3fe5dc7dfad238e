// briefgen: (1) highlight the sentence a provenance link points to, also after instant navigation;
// (2) route Material's search through briefgen-search.js, which stems the words of a query.
(function () {
  "use strict";

  // ------------------------------------------------------------------ highlighted sentence
  function highlight() {
    var old = document.querySelectorAll(".bg-s.bg-highlight");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("bg-highlight");
    var id;
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
    if (!id) return;
    var el = document.getElementById(id);
    if (el && el.classList.contains("bg-s")) {
      el.classList.add("bg-highlight");
      // after Material has scrolled to the anchor (instant navigation scrolls on its own)
      window.requestAnimationFrame(function () { el.scrollIntoView({ block: "center" }); });
    }
  }
  window.addEventListener("hashchange", highlight);
  // Material's document$ emits on first load and after every instant navigation
  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(highlight);
  else document.addEventListener("DOMContentLoaded", highlight);

  // ------------------------------------------------------------------ stemmed search
  // Material turns every typed word into a prefix query ("gipfels*"), and Lunr skips the stemmer
  // for such terms, so a stemmed index ("gipfel") never matches an inflected word. Material's
  // worker is created before this script runs, so its first message (the index setup) is sent
  // to a wrapper worker instead, which loads Material's worker and stems each query word first.
  var W = window.Worker;
  if (!W || W.prototype.__briefgen) return;
  var post = W.prototype.postMessage;
  W.prototype.__briefgen = true;
  W.prototype.postMessage = function (message, transfer) {
    var target = this.__briefgenProxy;
    if (target === undefined) {
      target = null;
      if (message && message.type === 0 && message.data && message.data.config && message.data.docs) {
        target = makeProxy(this);
      }
      this.__briefgenProxy = target;
    }
    return post.call(target || this, message, transfer);
  };

  function makeProxy(original) {
    var el = document.getElementById("__config");
    var src;
    try { src = new URL(JSON.parse(el.textContent).search, document.baseURI); } catch (e) { return null; }
    var name = src.pathname.split("/").pop();
    if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) return null;
    var url = new URL("briefgen-search.js?material=" + encodeURIComponent(name), src);
    var proxy;
    try { proxy = new W(url.href); } catch (e) { return null; }
    proxy.addEventListener("message", function (ev) {
      original.dispatchEvent(new MessageEvent("message", { data: ev.data }));
    });
    proxy.addEventListener("error", function (ev) {
      original.dispatchEvent(new ErrorEvent("error", { message: ev.message }));
    });
    return proxy;
  }
})();
