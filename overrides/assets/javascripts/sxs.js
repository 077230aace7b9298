// The English original of a translated sentence, on hover, keyboard focus or tap.
// Each sentence is <span class="sxs" tabindex="0" data-en="...">; the English is put into the
// tooltip as text (textContent), never as markup. The toggle's state is kept in localStorage.
// The listeners sit on the document, which outlives Material's instant navigation; the toggle's
// state is applied to each page as Material's document$ announces it.
// Screen readers: each sentence is described by its English (aria-describedby naming a hidden
// element of this script's, lang="en", its text the data-en value as text), so focusing a
// sentence announces the translation, then its English; the tooltip is for the eyes only.
// Turned off, the sentences lose their description and their place in the tab order.
(function () {
  "use strict";
  var KEY = "bilingual.sxs";
  var tip = null;

  function enabled() {
    try {
      return window.localStorage.getItem(KEY) !== "off";
    } catch {
      return true;
    }
  }

  function remember(on) {
    try {
      window.localStorage.setItem(KEY, on ? "on" : "off");
    } catch {
      /* storage unavailable: the choice lasts for this page */
    }
  }

  function tooltip() {
    if (tip === null || !tip.isConnected) {
      tip = document.createElement("div");
      tip.id = "sxs-tip";
      tip.className = "sxs-tip";
      tip.setAttribute("aria-hidden", "true"); // screen readers get the description instead
      tip.setAttribute("lang", "en");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }

  function sentence(target) {
    return target && target.closest ? target.closest(".sxs") : null;
  }

  function show(span) {
    if (!enabled() || document.documentElement.classList.contains("sxs-off")) return;
    var box = tooltip();
    box.textContent = span.getAttribute("data-en") || "";
    box.hidden = false;
    var rect = span.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    box.style.top = window.scrollY + rect.bottom + 6 + "px";
    var left = Math.min(rect.left, width - box.offsetWidth - 8);
    box.style.left = window.scrollX + Math.max(8, left) + "px";
  }

  function hide() {
    if (tip !== null) tip.hidden = true;
  }

  function describe(on) {
    var old = document.getElementById("sxs-english");
    if (old !== null) old.remove();
    var spans = document.querySelectorAll(".sxs");
    if (!on || !spans.length) {
      spans.forEach(function (span) {
        span.removeAttribute("aria-describedby");
      });
      return;
    }
    var english = document.createElement("div");
    english.id = "sxs-english";
    english.hidden = true; // never read on its own: only as each sentence's description
    spans.forEach(function (span, index) {
      var text = document.createElement("span");
      text.id = "sxs-english-" + index;
      text.setAttribute("lang", "en");
      text.textContent = span.getAttribute("data-en") || "";
      english.appendChild(text);
      span.setAttribute("aria-describedby", text.id);
    });
    document.body.appendChild(english);
  }

  function apply(on) {
    document.documentElement.classList.toggle("sxs-off", !on);
    document.querySelectorAll(".sxs").forEach(function (span) {
      span.setAttribute("tabindex", on ? "0" : "-1");
    });
    document.querySelectorAll(".sxs-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    describe(on);
    if (!on) hide();
  }

  document.addEventListener("mouseover", function (event) {
    var span = sentence(event.target);
    if (span) show(span);
  });
  document.addEventListener("mouseout", function (event) {
    var span = sentence(event.target);
    if (span && !span.contains(event.relatedTarget)) hide();
  });
  document.addEventListener("focusin", function (event) {
    var span = sentence(event.target);
    if (span) show(span);
  });
  document.addEventListener("focusout", function (event) {
    var span = sentence(event.target);
    if (span) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".sxs-toggle") : null;
    if (!button) return;
    var on = button.getAttribute("aria-pressed") !== "true";
    remember(on);
    apply(on);
  });

  function start() {
    apply(enabled());
  }

  if (typeof document$ !== "undefined" && typeof document$.subscribe === "function") {
    document$.subscribe(start); // every page, the first one and those instant navigation loads
  } else {
    start();
  }
})();
