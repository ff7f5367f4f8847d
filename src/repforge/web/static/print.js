// Progressive enhancement: a Print button where JavaScript runs (the CSP allows no inline script).
(function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
