// Filtering and sorting for the eventlet-scan report. Reads data attributes and
// text already in the page; never builds markup from strings.
(function () {
  "use strict";
  var table = document.getElementById("findings");
  if (table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var category = document.getElementById("f-category");
    var severity = document.getElementById("f-severity");
    var pkg = document.getElementById("f-package");
    var text = document.getElementById("f-text");
    var status = document.getElementById("f-status"); // only when the findings were compared
    var kind = document.getElementById("f-kind"); // only when some findings are indirect
    var counter = document.getElementById("f-count");
    var apply = function () {
      var q = text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (r) {
        var ok = (!category.value || r.dataset.category === category.value)
          && (!severity.value || r.dataset.severity === severity.value)
          && (!pkg.value || r.dataset.package === pkg.value)
          && (!status || !status.value || r.dataset.status === status.value)
          && (!kind || !kind.value || r.dataset.kind === kind.value)
          && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
        r.hidden = !ok;
        if (ok) { shown++; }
      });
      counter.textContent = shown + " of " + rows.length + " findings shown";
    };
    [category, severity, pkg, status, kind].forEach(function (e) { if (e) { e.addEventListener("change", apply); } });
    text.addEventListener("input", apply);
    apply();
  }
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
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].dataset.value || a.cells[column].textContent;
          var y = b.cells[column].dataset.value || b.cells[column].textContent;
          var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
  });
})();
