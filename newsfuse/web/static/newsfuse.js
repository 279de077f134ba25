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

  // On a phone the long sections start folded, so a large event stays a short page; each opens on a tap.
  function foldOnSmallScreens() {
    if (!window.matchMedia("(max-width: 40rem)").matches) return;
    document.querySelectorAll("details.fold[open]").forEach(function (d) { d.open = false; });
  }

  // Corrections from the event and history pages: POST /api/corrections with the analyst's token
  // (kept for this tab only), then reload to show the re-fused record.
  function setUpCorrections() {
    const panel = document.getElementById("curate");
    if (!panel) return;
    document.querySelectorAll(".curate-only").forEach(function (e) { e.hidden = false; });
    const eventId = panel.dataset.eventId;
    const token = document.getElementById("curate-token");
    const note = document.getElementById("curate-note");
    const status = document.getElementById("curate-status");
    token.value = sessionStorage.getItem("newsfuse-token") || "";
    function send(body) {
      sessionStorage.setItem("newsfuse-token", token.value.trim());
      body.note = note.value;
      status.textContent = "applying…";
      fetch("/api/corrections", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token.value.trim() },
        body: JSON.stringify(body),
      }).then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) throw new Error(answer.error || String(response.status));
          status.textContent = answer.id + " applied; reloading";
          window.location.reload();
        });
      }).catch(function (error) {
        status.textContent = "not applied: " + error.message;
        panel.querySelector("details").open = true;
      });
    }
    const actions = {
      pin: function () { return { kind: "pin", event: eventId, headline: document.getElementById("curate-headline").value }; },
      merge: function () { return { kind: "merge", events: [eventId, document.getElementById("curate-merge").value.trim()] }; },
      move: function () { return { kind: "move", article: document.getElementById("curate-move").value.trim(), event: eventId }; },
      outlet: function () {
        return { kind: "outlet", host: document.getElementById("curate-host").value.trim(), name: document.getElementById("curate-outlet").value };
      },
      split: function () {
        const picked = Array.from(document.querySelectorAll("input.split-pick:checked")).map(function (box) { return box.value; });
        return { kind: "split", event: eventId, articles: picked };
      },
    };
    document.addEventListener("click", function (event) {
      const target = event.target.closest("button");
      if (!target) return;
      if (target.dataset.action && actions[target.dataset.action]) send(actions[target.dataset.action]());
      else if (target.classList.contains("claim-verdict")) send({ kind: "claim", claim: target.dataset.claim, verdict: target.dataset.verdict });
      else if (target.classList.contains("undo")) send({ kind: "undo", correction: target.dataset.correction });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    foldOnSmallScreens();
    setUpCorrections();
    setUpEvidenceToggle();
    setUpSourceFocus();
    setUpClaimFilters();
    setUpSearchKey();
  });
})();
