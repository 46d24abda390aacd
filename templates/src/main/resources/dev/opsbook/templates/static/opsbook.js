// opsbook: small progressive enhancements. Every page works without this script.
(function () {
  "use strict";
  // A copy button on each code block, so a command can be pasted into a terminal at once.
  // A long line scrolls inside its block: the keyboard reaches the block to scroll it.
  document.querySelectorAll(".markdown pre").forEach(function (pre) {
    pre.tabIndex = 0;
  });
  if (!navigator.clipboard) {
    return;
  }
  // the button sits on a bar above the block, so that it covers no line of it, however long
  document.querySelectorAll(".markdown pre").forEach(function (pre) {
    var block = document.createElement("div");
    block.className = "code-block";
    pre.parentNode.insertBefore(block, pre);
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
    block.appendChild(button);
    block.appendChild(pre);
  });
})();

// Syntax highlighting of code blocks that name their language (```yaml), as GitHub and Hugo show them:
// highlight.js, shipped with the site (assets/highlight.js), loaded only on pages that have such a block.
// It works from disk and under the page's CSP; without it the code shows plain.
(function () {
  "use strict";
  var blocks = document.querySelectorAll('.markdown pre > code[class*="language-"]');
  var me = document.currentScript;
  if (!blocks.length || !me) {
    return;
  }
  var s = document.createElement("script");
  s.src = me.src.replace(/opsbook\.js([?#].*)?$/, "highlight.js");
  s.onload = function () {
    var hljs = window.hljs;
    hljs.configure({ ignoreUnescapedHTML: true });
    blocks.forEach(function (code) {
      var m = /(?:^|\s)language-([\w+#.-]+)/.exec(code.className);
      if (m && hljs.getLanguage(m[1])) {
        hljs.highlightElement(code);
      }
    });
  };
  document.head.appendChild(s);
})();

// Table filters (home page, readiness report): rows carry data-team, data-tier, data-level and
// data-statuses; without script every row shows.
(function () {
  "use strict";
  document.querySelectorAll("form[data-filters-for]").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-filters-for"));
    if (!table) {
      return;
    }
    form.hidden = false;
    var selects = form.querySelectorAll("select[data-filter]");
    var count = form.querySelector("[data-filter-count]");
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
      if (count) {
        count.textContent = shown + " of " + rows.length + " services";
      }
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  });
})();

// Who is on call now, at the reader's clock: the page embeds the schedule (see OnCallViews.data).
(function () {
  "use strict";
  var data = document.getElementById("oncall-data");
  if (!data) {
    return;
  }
  var schedule = JSON.parse(data.textContent);
  // spans are written in minutes after the window's start; here they are epoch ms, as the clock is
  Object.keys(schedule.services).forEach(function (id) {
    var s = schedule.services[id];
    [s.coverage, s.lead, s.engineer, s.shadow].forEach(function (spans) {
      (spans || []).forEach(function (x) {
        x[0] = s.from + x[0] * 60000;
        x[1] = s.from + x[1] * 60000;
      });
    });
  });
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
  function next(spans, t) {
    // the first span that starts after t (spans are in time order)
    for (var i = 0; i < spans.length; i++) {
      if (spans[i][0] > t) {
        return spans[i];
      }
    }
    return null;
  }
  function personLink(who, person) {
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
  }
  document.querySelectorAll("[data-oncall-now]").forEach(function (box) {
    var s = schedule.services[box.getAttribute("data-oncall-now")];
    if (s && s.same) {
      s = schedule.services[s.same]; // a shared rota, written once for the services it serves
    }
    if (!s) {
      return;
    }
    var zone = s.zone;
    function at(t) {
      // "Thu 26 Nov, 08:30" in the rota's zone
      return new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short",
        hour: "2-digit", minute: "2-digit" }).format(new Date(t));
    }
    var when = box.querySelector("[data-oncall-when]");
    var stale = now < s.from || now >= s.to;
    var cover = within(s.coverage, now);
    var resume = cover ? null : next(s.coverage, now);
    var coverage = box.getAttribute("data-coverage");
    if (when) {
      var local = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric",
        month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(now));
      // the layer on duty (follow-the-sun) and a holiday its cover works, from the lead's or engineer's duty
      var held = cover && !stale ? (within(s.lead, now) || within(s.engineer, now)) : null;
      var layer = held && held[3] ? "; " + held[3] + " layer" : "";
      var holiday = held && held[4] ? "; " + held[4] + ", holiday cover" : "";
      when.textContent = stale ? "The schedule in this page does not reach " + local + ": rebuild the handbook"
          : "Now, " + local + " (" + zone + ")" + (cover ? layer + holiday
            : " — outside covered hours" + (coverage ? " (" + coverage + ")" : "")
              + (resume ? "; cover resumes " + at(resume[0]) : ""));
    }
    ["lead", "engineer", "shadow"].forEach(function (role) {
      var el = box.querySelector("[data-role=" + role + "]");
      if (!el) {
        return;
      }
      var duty = stale || !cover ? null : within(s[role] || [], now);
      var person = duty ? duty[2] : "";
      el.setAttribute("data-person", person);
      var who = el.querySelector(".duty-who");
      who.textContent = "";
      if (!person) {
        var then = !stale && resume ? within(s[role] || [], resume[0]) : null;
        if (then && role !== "shadow") {
          // never a dead end: who takes over when cover resumes
          text(who, "nobody on duty; from " + at(resume[0]) + ": ");
          personLink(who, then[2]);
          el.setAttribute("data-next", then[2]);
        } else {
          text(who, stale ? "unknown" : role === "shadow" ? "none at this hour" : "nobody on duty");
        }
        return;
      }
      personLink(who, person);
      // until the handoff, or the end of covered hours if that comes first; and who is next
      var end = duty[1];
      var upcoming = within(s[role], end);
      while (upcoming && upcoming[2] === person && upcoming[1] > end) {
        end = upcoming[1]; // the same person on the next span too (an override's edge): one duty
        upcoming = within(s[role], end);
      }
      var until = Math.min(end, cover[1]);
      upcoming = until === end ? upcoming : null;
      who.appendChild(document.createTextNode(" — until " + at(until)));
      if (upcoming && upcoming[2] !== person) {
        who.appendChild(document.createTextNode(", then "));
        personLink(who, upcoming[2]);
        if (upcoming[3] && upcoming[3] !== duty[3]) {
          who.appendChild(document.createTextNode(" (" + upcoming[3] + ")")); // the handover to the next region
        }
        el.setAttribute("data-next", upcoming[2]);
      }
    });
  });
})();

// Dark mode: the system's choice, unless the reader picked one with the toggle (remembered).
(function () {
  "use strict";
  var root = document.documentElement;
  var button = document.getElementById("theme-toggle");
  var stored = null;
  try { stored = window.localStorage.getItem("opsbook-theme"); } catch (e) { /* storage may be off */ }
  if (stored === "dark" || stored === "light") {
    root.setAttribute("data-theme", stored);
  }
  if (!button) {
    return;
  }
  function dark() {
    var theme = root.getAttribute("data-theme");
    return theme ? theme === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  function show() {
    button.setAttribute("aria-pressed", String(dark()));
    button.textContent = dark() ? "Light mode" : "Dark mode";
  }
  button.hidden = false;
  show();
  button.addEventListener("click", function () {
    var next = dark() ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try { window.localStorage.setItem("opsbook-theme", next); } catch (e) { /* not remembered, still applied */ }
    show();
  });
})();

// Search, offline: MiniSearch with the index opsbook made (assets/search-index.js), both loaded on
// first use. An exact alert name puts its runbook first. "/" focuses the box; arrows and Enter pick a
// result; Escape closes.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  if (!form || !input || !list) {
    return;
  }
  var root = form.getAttribute("data-root") || "";
  var index = null;
  var docs = null;
  var byAlert = {};
  var loading = false;
  var active = -1;
  var pending = null;

  function load(then) {
    if (index) { then(); return; }
    pending = then;
    if (loading) { return; }
    loading = true;
    var done = 0;
    ["assets/minisearch.js", "assets/search-index.js"].forEach(function (src) {
      var s = document.createElement("script");
      s.src = root + src;
      s.onload = function () { if (++done === 2) { build(); } };
      document.head.appendChild(s);
    });
  }

  function build() {
    docs = window.OPSBOOK_SEARCH.docs;
    docs.forEach(function (d, i) {
      d.a.split(" ").forEach(function (a) {
        if (a) { (byAlert[a.toLowerCase()] = byAlert[a.toLowerCase()] || []).push(i); }
      });
    });
    // fields: title, keys (ids, alert names), headings, service, body; as opsbook indexed them
    index = window.MiniSearch.loadJSON(window.OPSBOOK_SEARCH.index, { fields: ["t", "a", "h", "s", "b"], idField: "i" });
    if (pending) { var p = pending; pending = null; p(); }
  }

  var OPTIONS = {
    boost: { t: 10, a: 8, h: 3, s: 2 },
    prefix: true, // "fail" finds failover
    fuzzy: function (term) { return term.length > 4 ? 1 : false; } // one typo in a longer word
  };

  function search(q) {
    var text = q.trim();
    if (!text) { return []; }
    // a notification pasted as Alertmanager titles it, "[FIRING:2] KubePodCrashLooping (namespace=payments)":
    // the alert's name is what is looked up
    var named = text.replace(/^\[(FIRING|RESOLVED)(:\d+)?\]\s*/i, "").replace(/\s*\([^)]*\)\s*$/, "").trim();
    if (named && named !== text && byAlert[named.toLowerCase()]) { text = named; }
    var order = [];
    var seen = {};
    function push(i) { if (!seen[i]) { seen[i] = true; order.push(i); } }
    // an exact alert name: its runbook first, then the alert itself
    var exact = byAlert[text.toLowerCase()] || [];
    exact.filter(function (i) { return docs[i].k === "runbook"; }).forEach(push);
    exact.forEach(push);
    index.search(text, OPTIONS).forEach(function (r) { push(r.id); });
    return order.slice(0, 12).map(function (i) { return docs[i]; });
  }

  function render(results) {
    list.textContent = "";
    active = -1;
    results.forEach(function (d, n) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "search-result-" + n;
      li.setAttribute("aria-selected", "false");
      var a = document.createElement("a");
      a.href = root + d.u;
      a.textContent = d.t;
      a.tabIndex = -1;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = d.k;
      li.appendChild(kind);
      if (d.s) {
        var where = document.createElement("span");
        where.className = "where";
        where.textContent = d.s;
        li.appendChild(where);
      }
      list.appendChild(li);
    });
    if (!results.length && input.value.trim()) {
      var none = document.createElement("li");
      none.textContent = "Nothing found for \u201c" + input.value.trim() + "\u201d";
      list.appendChild(none);
    }
    list.hidden = !input.value.trim();
    input.setAttribute("aria-expanded", String(!list.hidden));
  }

  function select(n) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) { return; }
    active = (n + items.length) % items.length;
    items.forEach(function (li, i) { li.setAttribute("aria-selected", String(i === active)); });
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () { load(function () { render(search(input.value)); }); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); select(active + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); select(active - 1); }
    else if (e.key === "Enter") {
      e.preventDefault();
      var items = list.querySelectorAll("[role=option] a");
      var pick = items[active >= 0 ? active : 0];
      if (pick) { window.location.href = pick.href; }
    } else if (e.key === "Escape") { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    if (e.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT") {
      e.preventDefault();
      input.focus();
    }
  });
  document.addEventListener("click", function (e) {
    if (!form.contains(e.target)) { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
  });
})();

// Preview (opsbook serve): reload the page when the handbook has been rebuilt.
(function () {
  "use strict";
  var live = document.querySelector("meta[name=opsbook-live]");
  if (!live || location.protocol.indexOf("http") !== 0 || !window.fetch) {
    return;
  }
  var seen = live.getAttribute("content");
  setInterval(function () {
    fetch("/__opsbook/build", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (n) {
      if (n.trim() !== seen) {
        location.reload();
      }
    }, function () { /* the server stopped: keep the page */ });
  }, 500);
})();
