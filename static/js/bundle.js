// The ZIP page while the worker builds it: read the page again every two seconds and put
// its status in place of this one (a live region, so screen readers hear the progress),
// without reloading the page: a <meta refresh> would reload it under the reader's feet
// (WCAG 2.2.1). Without JavaScript the page has a "See how far it is" link instead.
(function () {
  "use strict";
  var status = document.querySelector("[data-bundle-status]");
  if (!status) return;
  function check() {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("[data-bundle-status]");
        if (!fresh) return;
        status.innerHTML = fresh.innerHTML;
        if (fresh.hasAttribute("data-building")) window.setTimeout(check, 2000);
        else status.removeAttribute("data-building");
      })
      .catch(function () { window.setTimeout(check, 5000); });
  }
  if (status.hasAttribute("data-building")) window.setTimeout(check, 2000);
})();
