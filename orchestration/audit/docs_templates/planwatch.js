// planwatch: the two behaviours Data Docs pages need, without jQuery or Bootstrap.
document.addEventListener("click", function (event) {
  var toggle = event.target.closest("[data-toggle]");
  if (toggle) {
    var target = document.querySelector(toggle.getAttribute("href"));
    if (target && toggle.getAttribute("data-toggle") === "collapse") {
      event.preventDefault();
      target.classList.toggle("show");
    } else if (target && toggle.getAttribute("data-toggle") === "tab") {
      event.preventDefault();
      var nav = toggle.closest(".nav"), panes = target.parentElement;
      nav.querySelectorAll(".nav-link").forEach(function (link) { link.classList.remove("active"); });
      panes.querySelectorAll(".tab-pane").forEach(function (pane) { pane.classList.remove("active", "show"); });
      toggle.classList.add("active");
      target.classList.add("active", "show");
    }
    return;
  }
  var row = event.target.closest("tr[data-href]");
  if (row && !event.target.closest("a")) {
    window.location = row.getAttribute("data-href");
  }
});
