// The page's hreflang alternates, kept from Material's language integration.
//
// When the page is ready (DOMContentLoaded), Material's bundle takes every <link rel="alternate">
// of the page for the root of another language's site and fetches sitemap.xml beside it
// (setupAlternate, integrations/alternate); a click on a link under that root is then sent to
// the same path below that root, or to the root itself when its sitemap lacks the path. Our
// alternates (mkdocs-static-i18n's, for search engines) are this article's own address in each
// language, so Material fetched <article>/sitemap.xml in every language (404 each) and, the
// sitemap missing, sent the switcher's click to the article's address without its trailing
// slash (a redirect where the server makes one, a 404 where it does not). The switcher's links
// already name the right page. So, while Material looks, the alternates are not alternates: this
// script (run before DOMContentLoaded, after the bundle) renames their rel, and puts it back in
// a DOMContentLoaded listener registered after the bundle's own, which therefore runs after it.
// The page's HTML, what crawlers read, is untouched.
(function () {
  "use strict";
  var links = Array.prototype.slice.call(
    document.querySelectorAll('link[rel="alternate"][hreflang]')
  );
  if (!links.length || document.readyState !== "loading") return;
  links.forEach(function (link) {
    link.setAttribute("rel", "help-alternate");
  });
  document.addEventListener(
    "DOMContentLoaded",
    function () {
      links.forEach(function (link) {
        link.setAttribute("rel", "alternate");
      });
    },
    { once: true }
  );
})();
