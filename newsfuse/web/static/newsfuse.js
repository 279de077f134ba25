// newsfuse web UI: small progressive enhancements; every page works without this script.
"use strict";

(function () {
  // "Show all evidence" opens or closes every evidence list of the claims section.
  function setUpEvidenceToggle() {
    const button = document.querySelector("button.toggle-evidence");
    if (!button) return;
    button.addEventListener("click", function () {
      const lists = document.querySelectorAll("#claims details.evidence-list");
      const open = !Array.from(lists).every(function (d) { return d.open; });
      lists.forEach(function (d) { d.open = open; });
      button.textContent = open ? "Hide all evidence" : "Show all evidence";
    });
  }

  // Clicking a source column's heading highlights the claims that source states, and dims the rest.
  function setUpSourceFocus() {
    const columns = document.querySelectorAll(".source-column");
    columns.forEach(function (column) {
      const heading = column.querySelector("h3");
      if (!heading) return;
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "focus-source";
      toggle.textContent = "highlight its claims";
      heading.after(toggle);
      toggle.addEventListener("click", function () {
        const articleId = column.dataset.articleId;
        const already = column.classList.toggle("focused");
        columns.forEach(function (other) { if (other !== column) other.classList.remove("focused"); });
        document.querySelectorAll("#claims .claim").forEach(function (claim) {
          const sources = (claim.dataset.sources || "").split(" ");
          claim.classList.toggle("dimmed", already && sources.indexOf(articleId) < 0);
        });
      });
    });
  }

  // The claim filter bar (hidden without this script) shows only claims of one modality, or the contradicted ones.
  function setUpClaimFilters() {
    const bar = document.querySelector(".claim-filters");
    if (!bar) return;
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      const button = event.target.closest("button[data-filter]");
      if (!button) return;
      bar.querySelectorAll("button").forEach(function (b) { b.classList.toggle("active", b === button); });
      document.querySelectorAll("#claims .claim").forEach(function (claim) {
        claim.hidden = !claim.classList.contains(button.dataset.filter);
      });
    });
  }

  // "/" focuses the search box, as on most reading sites.
  function setUpSearchKey() {
    const box = document.getElementById("site-search");
    if (!box) return;
    document.addEventListener("keydown", function (event) {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === "/" && !typing) {
        event.preventDefault();
        box.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpEvidenceToggle();
    setUpSourceFocus();
    setUpClaimFilters();
    setUpSearchKey();
  });
})();
