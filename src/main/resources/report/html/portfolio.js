// Filtering and sorting for the eventlet-scan portfolio. Reads data attributes and text already in the page;
// never builds markup from strings.
(function () {
  "use strict";
  var table = document.getElementById("repos");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var team = document.getElementById("f-team");
  var status = document.getElementById("f-status");
  var text = document.getElementById("f-text");
  var counter = document.getElementById("f-count");
  var apply = function () {
    var q = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!team.value || r.dataset.team === team.value)
        && (!status.value || r.dataset.status === status.value)
        && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    counter.textContent = shown + " of " + rows.length + " repositories shown";
  };
  team.addEventListener("change", apply);
  status.addEventListener("change", apply);
  text.addEventListener("input", apply);
  apply();
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (t) {
    var headers = Array.prototype.slice.call(t.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      th.tabIndex = 0;
      var sort = function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.dataset.type === "number";
        var body = t.tBodies[0];
        var sorted = Array.prototype.slice.call(body.rows);
        sorted.sort(function (a, b) {
          var x = a.cells[column].dataset.value || a.cells[column].textContent;
          var y = b.cells[column].dataset.value || b.cells[column].textContent;
          var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          if (c === 0) { c = a.dataset.name.localeCompare(b.dataset.name); }
          return ascending ? c : -c;
        });
        sorted.forEach(function (r) { body.appendChild(r); });
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
  });
})();
