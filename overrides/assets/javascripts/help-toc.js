// The docset's tree in Material's primary sidebar (the drawer on a phone).
// The page carries <div class="help-toc" data-toc="…/toc.json?v=…"> with its own branch; this
// script fetches the language's toc.json once (the browser caches it; "v" changes with it) and
// renders the whole tree in its place: the current page's entry marked aria-current="page", its
// ancestors and the entries written "expanded: true" open, each entry with children behind a
// button with aria-expanded. Children are rendered when first opened, so a tree of thousands of
// entries costs no more than what is shown. The data comes from the sources: titles are set as
// text (textContent), links only when they are http(s) (new URL), never markup.
(function () {
  "use strict";
  var MAX_DEPTH = 64;
  var loaded = {};
  var ids = 0;

  function load(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("toc.json: " + response.status);
        return response.json();
      });
    }
    return loaded[url];
  }

  function pathOf(url) {
    return url.origin + url.pathname.replace(/\/index\.html$/, "/");
  }

  function target(node, root) {
    if (typeof node.u !== "string") return null;
    var url;
    try {
      url = new URL(node.u, root);
    } catch {
      return null;
    }
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  }

  function children(node) {
    return Array.isArray(node.c) ? node.c.filter(valid) : [];
  }

  function valid(node) {
    return node !== null && typeof node === "object" && typeof node.t === "string";
  }

  // The first chain of nodes, from the top, down to an entry linking to this page.
  function findCurrent(nodes, root, here, depth) {
    if (depth > MAX_DEPTH) return null;
    for (var i = 0; i < nodes.length; i++) {
      var url = target(nodes[i], root);
      if (url !== null && pathOf(url) === here) return [nodes[i]];
      var below = findCurrent(children(nodes[i]), root, here, depth + 1);
      if (below !== null) return [nodes[i]].concat(below);
    }
    return null;
  }

  function setOpen(button, list, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    list.hidden = !open;
  }

  function item(node, state, depth) {
    var li = document.createElement("li");
    li.className = "help-toc__item";
    var row = document.createElement("div");
    row.className = "help-toc__row";
    li.appendChild(row);
    var kids = depth < MAX_DEPTH ? children(node) : [];
    var url = target(node, state.root);
    var button = null;
    if (kids.length > 0) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "help-toc__toggle";
      if (url === null) {
        button.classList.add("help-toc__toggle--named");
        button.textContent = node.t;
        if (typeof node.l === "string") button.lang = node.l;
      } else {
        button.setAttribute("aria-label", node.t);
      }
      row.appendChild(button);
    }
    if (url !== null) {
      var link = document.createElement("a");
      link.className = "help-toc__link";
      link.href = url.href;
      link.textContent = node.t;
      if (typeof node.l === "string") link.lang = node.l;
      if (node === state.current[state.current.length - 1]) {
        link.setAttribute("aria-current", "page");
        state.marked = link;
      }
      row.appendChild(link);
    } else if (button === null) {
      var text = document.createElement("span");
      text.className = "help-toc__text";
      text.textContent = node.t;
      if (typeof node.l === "string") text.lang = node.l;
      row.appendChild(text);
    }
    if (button !== null) {
      var list = document.createElement("ul");
      list.className = "help-toc__list";
      list.id = "help-toc-" + ++ids;
      button.setAttribute("aria-controls", list.id);
      li.appendChild(list);
      var filled = false;
      var fill = function () {
        if (filled) return;
        filled = true;
        kids.forEach(function (child) {
          list.appendChild(item(child, state, depth + 1));
        });
      };
      var open = node.x === 1 || state.current.indexOf(node) !== -1;
      if (open) fill();
      setOpen(button, list, open);
      button.addEventListener("click", function () {
        fill();
        setOpen(button, list, button.getAttribute("aria-expanded") !== "true");
      });
    }
    return li;
  }

  function reveal(container, link) {
    var wrap = container.closest(".md-sidebar__scrollwrap");
    if (!wrap || !link) return;
    var offset = link.getBoundingClientRect().top - wrap.getBoundingClientRect().top;
    if (offset < 0 || offset > wrap.clientHeight - link.offsetHeight) {
      wrap.scrollTop += offset - wrap.clientHeight / 3;
    }
  }

  function render(container, nodes, source) {
    var root = new URL(".", source);
    var here = pathOf(new URL(window.location.href));
    var top = Array.isArray(nodes) ? nodes.filter(valid) : [];
    var state = {
      root: root,
      current: findCurrent(top, root, here, 0) || [],
      marked: null,
    };
    var list = document.createElement("ul");
    list.className = "help-toc__list";
    top.forEach(function (node) {
      list.appendChild(item(node, state, 0));
    });
    container.replaceChildren(list);
    container.classList.add("help-toc--loaded");
    reveal(container, state.marked);
  }

  function init() {
    document.querySelectorAll(".help-toc[data-toc]").forEach(function (container) {
      if (container.classList.contains("help-toc--loaded")) return;
      var source;
      try {
        source = new URL(container.getAttribute("data-toc"), window.location.href);
      } catch {
        return;
      }
      if (source.origin !== window.location.origin) return;
      load(source.href)
        .then(function (nodes) {
          render(container, nodes, source);
        })
        .catch(function () {
          /* the page's own branch stays */
        });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    init();
  }
})();
