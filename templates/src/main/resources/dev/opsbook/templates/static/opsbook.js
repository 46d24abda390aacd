// opsbook: small progressive enhancements. The pages work without this script.
(function () {
  "use strict";
  // Mark the current section in the main navigation.
  var here = document.location.pathname.split("/").pop();
  document.querySelectorAll(".site-header nav a").forEach(function (a) {
    if (a.getAttribute("href").split("/").pop() === here) {
      a.setAttribute("aria-current", "page");
    }
  });
})();
