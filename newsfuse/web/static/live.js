// newsfuse web UI: the event feed refreshes itself when the store changes (server-sent events from /api/stream).
"use strict";

(function () {
  function refresh(feed) {
    fetch(window.location.href, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("feed");
        if (fresh) {
          feed.replaceChildren.apply(feed, Array.from(fresh.childNodes));
          feed.dataset.updated = new Date().toISOString();
        }
      })
      .catch(function () { /* the next update tries again */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const feed = document.getElementById("feed");
    if (!feed || !feed.dataset.live || !window.EventSource) return;
    const source = new EventSource(feed.dataset.live);
    source.addEventListener("update", function () { refresh(feed); });
  });
})();
