// DocFX containers on the reader's side (markup: scripts/bilingual/pages/docfx/ and
// scripts/bilingual/site/containers.py).
// Zones: the pivot selector's links (?pivots=id, as on Learn) show the zones of the chosen pivot,
// one per pivot group; the address says which (?pivots=a,b), so a link or a reload keeps it.
// Tabs: DocFX's rule. The page has one list of chosen tab ids; choosing a tab replaces its group's
// id in the list; every group then shows the tab whose id is in the list, and a dependent variant
// (data-condition) shows only while its condition is in the list. The list is remembered in
// localStorage (and ?tabs=a,b chooses, as on DocFX's sites). Tabs are Material's radio inputs:
// reached with Tab, switched with the arrow keys; variants that do not apply are disabled.
// Listeners sit on the document; each page is set up as Material's document$ announces it, and
// again as blocks are put in (sbs.js's "bilingual:blocks").
(function () {
  "use strict";
  var TABS_KEY = "bilingual.tabs";
  var REMEMBERED = 20;
  var syncing = false;
  var pivots = [];
  var tabs = { groups: [], selected: [] };

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function listed(value) {
    return value
      ? value.split(",").map(function (item) {
          return item.trim();
        }).filter(Boolean)
      : [];
  }

  function intersects(a, b) {
    return a.some(function (item) {
      return b.indexOf(item) !== -1;
    });
  }

  // ----- zones -----

  function pivotRows() {
    return all(document, ".docfx-pivots").map(function (row) {
      return all(row, "a.docfx-pivot[data-pivot]").map(function (link) {
        return link.getAttribute("data-pivot");
      });
    });
  }

  function showZones() {
    all(document, ".docfx-zone[data-pivot]").forEach(function (zone) {
      if (zone.classList.contains("docfx-zone--chromeless")) return;
      zone.hidden = !intersects(zone.getAttribute("data-pivot").split(" "), pivots);
    });
    all(document, "a.docfx-pivot[data-pivot]").forEach(function (link) {
      if (pivots.indexOf(link.getAttribute("data-pivot")) !== -1) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  function startZones() {
    var wanted = listed(new URLSearchParams(window.location.search).get("pivots"));
    pivots = pivotRows().map(function (row) {
      var asked = wanted.filter(function (pivot) {
        return row.indexOf(pivot) !== -1;
      });
      return asked.length ? asked[0] : row[0];
    });
    showZones();
  }

  function choosePivot(link) {
    var rows = all(document, ".docfx-pivots");
    var row = rows.indexOf(link.closest(".docfx-pivots"));
    if (row === -1) return;
    pivots[row] = link.getAttribute("data-pivot");
    showZones();
    var url = new URL(window.location.href);
    url.searchParams.set("pivots", pivots.filter(Boolean).join(","));
    window.history.replaceState(window.history.state, "", url.toString());
  }

  // ----- tabs -----

  function tabGroups() {
    return all(document, ".docfx-tabs").map(function (set) {
      var labels = all(set, ":scope > .tabbed-labels > label");
      return {
        current: null,
        tabs: all(set, ":scope > input[type=radio]").map(function (input, index) {
          return {
            input: input,
            label: labels[index] || null,
            ids: (input.getAttribute("data-tab") || "").split(" "),
            condition: input.getAttribute("data-condition"),
          };
        }),
      };
    });
  }

  function check(input) {
    if (input.checked) return;
    syncing = true;
    try {
      input.click(); // as a reader's click: Material moves its indicator on the change event
    } finally {
      syncing = false;
    }
  }

  function settle(group) {
    var selected = tabs.selected;
    var first = null;
    var shown = null;
    group.tabs.forEach(function (tab) {
      var visible = !tab.condition || selected.indexOf(tab.condition) !== -1;
      if (tab.label) tab.label.hidden = !visible;
      tab.input.disabled = !visible;
      tab.input.hidden = !visible; // out of the accessibility tree with its label
      if (visible && first === null) first = tab;
      if (visible && shown === null && intersects(selected, tab.ids)) shown = tab;
    });
    if (shown === null) {
      group.tabs.forEach(function (tab) {
        tab.ids.forEach(function (id) {
          var at = selected.indexOf(id);
          if (at !== -1) selected.splice(at, 1);
        });
      });
      shown = first || group.tabs[0];
      if (first === null) {
        // every variant's condition is unmet: the first is shown rather than none
        if (shown.label) shown.label.hidden = false;
        shown.input.disabled = false;
        shown.input.hidden = false;
      }
      selected.push(shown.ids[0]);
    }
    group.current = shown;
    check(shown.input);
  }

  function settleAll() {
    tabs.groups.forEach(function (group) {
      if (group.tabs.length) settle(group);
    });
  }

  function choose(group, tab) {
    if (intersects(tabs.selected, tab.ids)) {
      group.current = tab;
      return;
    }
    var previous = -1; // where the group's current tab's id (any of its ids) is in the list
    if (group.current) {
      group.current.ids.forEach(function (id) {
        if (previous === -1) previous = tabs.selected.indexOf(id);
      });
    }
    if (previous === -1) {
      tabs.selected.push(tab.ids[0]);
    } else {
      tabs.selected.splice(previous, 1, tab.ids[0]);
    }
    settleAll();
  }

  function remembered() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(TABS_KEY) || "[]");
      return Array.isArray(stored) ? stored.filter(function (id) {
        return typeof id === "string";
      }) : [];
    } catch {
      return [];
    }
  }

  function remember(id) {
    var ids = [id].concat(remembered().filter(function (other) {
      return other !== id;
    }));
    try {
      window.localStorage.setItem(TABS_KEY, JSON.stringify(ids.slice(0, REMEMBERED)));
    } catch {
      /* storage unavailable: the choice lasts for this page */
    }
  }

  function prefer(id) {
    for (var g = 0; g < tabs.groups.length; g++) {
      var group = tabs.groups[g];
      for (var t = 0; t < group.tabs.length; t++) {
        var tab = group.tabs[t];
        if (!tab.input.disabled && tab.ids.indexOf(id) !== -1) {
          choose(group, tab);
          return;
        }
      }
    }
  }

  function startTabs() {
    tabs = { groups: tabGroups(), selected: [] };
    if (!tabs.groups.length) return;
    settleAll();
    settleAll(); // a dependent group before the group of its condition sees the condition now
    var asked = listed(new URLSearchParams(window.location.search).get("tabs"));
    // the oldest remembered choice first, the address's last: the latest one wins
    remembered().reverse().concat(asked).forEach(prefer);
  }

  function onChange(event) {
    var input = event.target;
    if (syncing || !input.matches || !input.matches(".docfx-tabs > input[type=radio]")) return;
    for (var g = 0; g < tabs.groups.length; g++) {
      var group = tabs.groups[g];
      for (var t = 0; t < group.tabs.length; t++) {
        if (group.tabs[t].input === input) {
          var tab = group.tabs[t];
          var anchor = tab.label || input;
          var top = anchor.getBoundingClientRect().top;
          choose(group, tab);
          remember(tab.ids[0]);
          // groups above may have changed height: keep the chosen label where the reader saw it
          window.scrollBy(0, anchor.getBoundingClientRect().top - top);
          return;
        }
      }
    }
  }

  document.addEventListener("change", onChange);
  // Blocks put in after the page started (side by side's English twins, sbs.js): their zones
  // follow the chosen pivots, their tab groups the chosen tabs.
  document.addEventListener("bilingual:blocks", function () {
    showZones();
    startTabs();
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.docfx-pivot[data-pivot]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    choosePivot(link);
  });

  function start() {
    document.documentElement.classList.add("docfx-ready");
    startZones();
    startTabs();
  }

  if (typeof document$ !== "undefined" && typeof document$.subscribe === "function") {
    document$.subscribe(start); // every page, the first one and those instant navigation loads
  } else {
    start();
  }
})();
