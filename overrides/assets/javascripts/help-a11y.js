// The palette toggle says which theme is chosen. Material's palette (overrides/partials/
// palette.html) is a group of radio inputs, each drawn by the label after it, but Material
// checks none of them: it applies the chosen theme (kept in localStorage as "__palette") to the
// page and shows that theme's label, so a screen reader heard every theme "not checked". Here
// the chosen theme's input is checked as the page starts (the stored index, or the first whose
// media query the system matches, as Material chooses); a reader's change checks the next one
// itself (a click on its label, Enter or an arrow key). Checking an input from a script fires
// no change event: Material's own state is untouched.
(function () {
  "use strict";

  function stored() {
    try {
      var scope = new URL(window.__md_scope || ".", window.location.href);
      var value = JSON.parse(window.localStorage.getItem(scope.pathname + ".__palette"));
      return value && typeof value.index === "number" ? value.index : null;
    } catch {
      return null; // storage unavailable or unreadable: Material falls back on the system too
    }
  }

  function check() {
    var inputs = Array.prototype.slice.call(
      document.querySelectorAll('[data-md-component="palette"] input.md-option')
    );
    if (!inputs.length || inputs.some(function (input) { return input.checked; })) return;
    var index = stored();
    if (index === null) {
      index = inputs.findIndex(function (input) {
        var media = input.getAttribute("data-md-color-media");
        return Boolean(media) && window.matchMedia(media).matches;
      });
    }
    inputs[Math.max(0, Math.min(index, inputs.length - 1))].checked = true;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", check, { once: true });
  } else {
    check();
  }
})();
