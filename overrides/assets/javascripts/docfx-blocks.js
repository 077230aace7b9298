// DocFX selectors (> [!div class="op_single_selector"], op_multi_selector): the link to the page
// being read is marked as the current one (class docfx-current, aria-current="page"), as Learn
// marks it. Links are compared by the path they resolve to; applied to each page as Material's
// document$ announces it (the first page and those instant navigation loads), and to blocks put
// in later (sbs.js's "bilingual:blocks").
(function () {
  "use strict";

  function folder(path) {
    return path.replace(/index\.html$/, "").replace(/\/?$/, "/");
  }

  function mark() {
    var here = folder(window.location.pathname);
    var links = document.querySelectorAll(".docfx-selector a[href]");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var url;
      try {
        url = new URL(link.getAttribute("href"), window.location.href);
      } catch {
        continue;
      }
      var current = url.origin === window.location.origin && folder(url.pathname) === here;
      link.classList.toggle("docfx-current", current);
      if (current) {
        link.setAttribute("aria-current", "page");
      } else {
        link.removeAttribute("aria-current");
      }
    }
  }

  document.addEventListener("bilingual:blocks", mark); // side by side's English twins (sbs.js)
  if (typeof document$ !== "undefined" && typeof document$.subscribe === "function") {
    document$.subscribe(mark);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
