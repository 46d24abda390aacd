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
