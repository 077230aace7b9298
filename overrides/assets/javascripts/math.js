// Math, rendered by KaTeX (vendored in assets/katex/, pinned in package.json).
//
// The page writer emits formulas as pymdownx.arithmatex's generic mode does: inline
// <span class="arithmatex">\(TeX\)</span>, display <div class="arithmatex">\[TeX\]</div>. The TeX
// is the page's text (what search indexes and a reader without scripts reads). On a page that
// holds one, and only then, this script loads KaTeX's stylesheet and script from the site itself
// (beside this script: assets/javascripts/math.js -> assets/katex/; the policy allows 'self' and
// nothing more is needed: no eval, no inline script) and renders each formula as HTML for the eye
// and MathML for screen readers. KaTeX draws a formula it cannot parse as its TeX, in red; should
// anything else fail, the formula keeps its text: never an empty box.
(function () {
  "use strict";

  var own = document.currentScript || document.querySelector('script[src*="javascripts/math.js"]');
  if (!own || !own.src) return;
  var base = own.src.replace(/javascripts\/math\.js(?:[?#].*)?$/, "katex/");
  var DELIMITERS = [
    ["\\(", "\\)", false],
    ["\\[", "\\]", true],
  ];
  var loading = null;

  function load() {
    if (window.katex) return Promise.resolve(window.katex);
    if (loading) return loading;
    if (!document.querySelector('link[rel="stylesheet"][href$="katex/katex.min.css"]')) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = base + "katex.min.css";
      document.head.appendChild(link);
    }
    loading = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = base + "katex.min.js";
      script.onload = function () {
        if (window.katex) resolve(window.katex);
        else reject(new Error("KaTeX did not load"));
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return loading;
  }

  // The TeX of a formula and whether it is displayed; null once rendered (or not a formula).
  function formula(element) {
    var text = element.textContent.trim();
    for (var i = 0; i < DELIMITERS.length; i++) {
      var [open, close, display] = DELIMITERS[i];
      if (text.length >= 4 && text.startsWith(open) && text.endsWith(close)) {
        return { tex: text.slice(2, -2), display: display };
      }
    }
    return null;
  }

  function render(katex, element) {
    var found = formula(element);
    if (!found) return;
    // Rendered aside first: the element is only emptied once KaTeX has drawn something.
    var box = document.createElement(found.display ? "div" : "span");
    try {
      katex.render(found.tex, box, {
        displayMode: found.display,
        throwOnError: false,
        output: "htmlAndMathml",
      });
    } catch (error) {
      console.warn("math.js: formula left as TeX:", error);
      return;
    }
    if (!box.firstChild) return;
    element.replaceChildren(...box.childNodes);
  }

  function run() {
    var elements = document.querySelectorAll(".arithmatex");
    if (!elements.length) return;
    load().then(
      function (katex) {
        elements.forEach(function (element) {
          render(katex, element);
        });
      },
      function (error) {
        console.warn("math.js: KaTeX could not be loaded; formulas stay as TeX:", error);
      }
    );
  }

  document.addEventListener("bilingual:blocks", run); // side by side's English twins (sbs.js)
  if (typeof document$ !== "undefined" && typeof document$.subscribe === "function") {
    document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
