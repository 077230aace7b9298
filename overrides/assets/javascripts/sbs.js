// Side by side: each block of a translated article beside the same block of its English page.
// The page writer marks each block that has an English twin with data-sbs="n" and ends the
// article with the twins, each in a <div data-sbs="n">, inside an inert
// <template class="help-sbs" lang="en"> (nothing in it runs, loads, or is read by a screen reader
// or by search: scripts/bilingual/pages/reader/side_by_side.py). Turned on, each twin is copied
// out of the template right after its block, marked data-sbs-twin="n" lang="en" dir="ltr" (a
// screen reader reads a block, then its English), and the blocks' containers become two-column
// grids (sbs.css): a block and its twin share a row. Turned off, the twins are taken out again. The choice is kept
// in localStorage and applied to each page as Material's document$ announces it. The toggle is a
// button (aria-pressed); a polite live region beside it says the view's new state in the page's
// language (its sentences ride on the button: data-on, data-off). Scripts that set up blocks
// (tabs and zones in docfx.js, formulas in math.js) hear "bilingual:blocks" and set up the
// twins too.
(function () {
  "use strict";
  var KEY = "bilingual.sbs";
  var TWIN = "data-sbs-twin"; // an attribute, not a class: the theme styles table:not([class])
  var ROWS = "sbs-rows";

  function enabled() {
    try {
      return window.localStorage.getItem(KEY) === "on";
    } catch {
      return false;
    }
  }

  function remember(on) {
    try {
      window.localStorage.setItem(KEY, on ? "on" : "off");
    } catch {
      /* storage unavailable: the choice lasts for this page */
    }
  }

  // The twins of the template, by block number (the first of a number only).
  function twins(template) {
    var found = {};
    Array.prototype.forEach.call(template.content.children, function (holder) {
      var number = holder.getAttribute("data-sbs");
      if (number !== null && !Object.prototype.hasOwnProperty.call(found, number)) {
        found[number] = holder;
      }
    });
    return found;
  }

  // The number a list item shows: its list's start, counted on past the items before it.
  function ordinal(item) {
    var list = item.parentElement;
    if (!list || list.tagName !== "OL") return null;
    var number = parseInt(list.getAttribute("start") || "1", 10);
    if (isNaN(number)) number = 1;
    for (var child = list.firstElementChild; child && child !== item; child = child.nextElementSibling) {
      if (child.tagName === "LI" && !child.hasAttribute(TWIN)) number += 1;
    }
    return number;
  }

  function loose(holder) {
    return Array.prototype.some.call(holder.childNodes, function (node) {
      return node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== "";
    });
  }

  // A block's English twin as a real element: the holder's one element, else the holder's
  // content in an element of the block's own kind (a list item's twin is a list item).
  function twinOf(block, holder) {
    var twin;
    if (holder.childElementCount === 1 && !loose(holder)) {
      twin = document.importNode(holder.firstElementChild, true);
    } else {
      twin = document.createElement("div");
      twin.append.apply(twin, Array.from(document.importNode(holder, true).childNodes));
    }
    if (block.tagName === "LI" && twin.tagName !== "LI") {
      var item = document.createElement("li");
      item.append(twin);
      twin = item;
    }
    twin.removeAttribute("data-sbs");
    twin.setAttribute(TWIN, block.getAttribute("data-sbs"));
    twin.setAttribute("lang", "en");
    twin.setAttribute("dir", "ltr");
    if (twin.tagName === "LI") {
      var number = ordinal(block);
      if (number !== null) twin.value = number; // the step's own number, not the next one
    }
    return twin;
  }

  // Every twin taken out; whether there was one.
  function clear() {
    var twinsShown = document.querySelectorAll("[" + TWIN + "]");
    twinsShown.forEach(function (twin) {
      twin.remove();
    });
    document.querySelectorAll("." + ROWS).forEach(function (rows) {
      rows.classList.remove(ROWS);
    });
    return twinsShown.length > 0;
  }

  function place(template) {
    var found = twins(template);
    var article = template.parentElement;
    if (!article) return;
    article.querySelectorAll("[data-sbs]").forEach(function (block) {
      var number = block.getAttribute("data-sbs");
      if (!Object.prototype.hasOwnProperty.call(found, number)) return;
      var holder = found[number];
      delete found[number]; // each twin once
      block.after(twinOf(block, holder));
      // the block's container and each one above it, up to the article, line up in rows
      for (var rows = block.parentElement; rows; rows = rows.parentElement) {
        rows.classList.add(ROWS);
        if (rows === article) break;
      }
    });
  }

  function apply(on) {
    var template = document.querySelector("template.help-sbs");
    var removed = clear();
    var shown = on && template !== null;
    document.documentElement.classList.toggle("sbs-on", shown);
    document.querySelectorAll(".sbs-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", shown ? "true" : "false");
    });
    if (shown) place(template);
    if (shown || removed) document.dispatchEvent(new CustomEvent("bilingual:blocks"));
  }

  function announce(button, on) {
    var status = button.parentElement ? button.parentElement.querySelector(".sbs-status") : null;
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = button.getAttribute(on ? "data-on" : "data-off") || "";
    }, 100); // a change a screen reader hears, even the same sentence twice
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".sbs-toggle") : null;
    if (!button) return;
    var on = button.getAttribute("aria-pressed") !== "true";
    var top = button.getBoundingClientRect().top;
    remember(on);
    apply(on);
    announce(button, on);
    // the blocks above may have changed height: keep the toggle where the reader saw it
    window.scrollBy(0, button.getBoundingClientRect().top - top);
  });

  function start() {
    if (document.querySelector("template.help-sbs") !== null) apply(enabled());
  }

  if (typeof document$ !== "undefined" && typeof document$.subscribe === "function") {
    document$.subscribe(start); // every page, the first one and those instant navigation loads
  } else {
    start();
  }
})();
