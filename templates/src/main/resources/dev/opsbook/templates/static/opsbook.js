// opsbook: small progressive enhancements. Every page works without this script.
(function () {
  "use strict";
  // A copy button on each code block, so a command can be pasted into a terminal at once.
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll(".markdown pre").forEach(function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.addEventListener("click", function () {
      var code = pre.querySelector("code") || pre;
      navigator.clipboard.writeText(code.innerText).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
    pre.classList.add("has-copy");
    pre.insertBefore(button, pre.firstChild);
  });
})();

// The readiness report's filters: by team, tier, level and status. Without script every row shows.
(function () {
  "use strict";
  var form = document.getElementById("readiness-filters");
  var table = document.getElementById("readiness-matrix");
  if (!form || !table) {
    return;
  }
  form.hidden = false;
  var selects = form.querySelectorAll("select[data-filter]");
  var count = document.getElementById("filter-count");
  function apply() {
    var shown = 0;
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = true;
      selects.forEach(function (s) {
        var want = s.value;
        if (!want) {
          return;
        }
        var key = s.getAttribute("data-filter");
        if (key === "status") {
          ok = ok && (" " + row.getAttribute("data-statuses")).indexOf(" " + want + " ") >= 0;
        } else {
          ok = ok && row.getAttribute("data-" + key) === want;
        }
      });
      row.hidden = !ok;
      if (ok) {
        shown++;
      }
    }
    count.textContent = shown + " of " + rows.length + " services";
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  apply();
})();
