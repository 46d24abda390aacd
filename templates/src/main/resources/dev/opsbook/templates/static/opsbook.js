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

// Who is on call now, at the reader's clock: the page embeds the schedule (times in epoch ms).
(function () {
  "use strict";
  var data = document.getElementById("oncall-data");
  if (!data) {
    return;
  }
  var schedule = JSON.parse(data.textContent);
  var now = Date.now();
  function within(spans, t) {
    for (var i = 0; i < spans.length; i++) {
      if (t >= spans[i][0] && t < spans[i][1]) {
        return spans[i];
      }
    }
    return null;
  }
  function text(el, value) {
    el.textContent = value;
    return el;
  }
  document.querySelectorAll("[data-oncall-now]").forEach(function (box) {
    var s = schedule.services[box.getAttribute("data-oncall-now")];
    if (!s) {
      return;
    }
    var when = box.querySelector("[data-oncall-when]");
    var stale = now < s.from || now >= s.to;
    var covered = within(s.coverage, now) !== null;
    if (when) {
      var local = new Intl.DateTimeFormat("en-GB", { timeZone: s.zone, weekday: "short", day: "numeric",
        month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(now));
      when.textContent = stale ? "The schedule in this page does not reach " + local + ": rebuild the handbook"
          : "Now, " + local + " (" + s.zone + ")" + (covered ? "" : " — outside covered hours");
    }
    ["lead", "engineer"].forEach(function (role) {
      var el = box.querySelector("[data-role=" + role + "]");
      if (!el) {
        return;
      }
      var duty = stale || !covered ? null : within(s[role], now);
      var person = duty ? duty[2] : "";
      el.setAttribute("data-person", person);
      var who = el.querySelector(".duty-who");
      who.textContent = "";
      if (!person) {
        text(who, stale ? "unknown" : "nobody on duty");
        return;
      }
      var p = schedule.people[person] || { name: person };
      var link = document.createElement("a");
      link.href = p.href || "#";
      text(link, p.name);
      who.appendChild(link);
      if (p.phone) {
        who.appendChild(document.createTextNode(" · "));
        var tel = document.createElement("a");
        tel.href = "tel:" + p.phone.replace(/\s+/g, "");
        text(tel, p.phone);
        who.appendChild(tel);
      }
    });
  });
})();
