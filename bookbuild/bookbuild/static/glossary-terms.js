// Glossary terms open their definition in place (bookbuild/glossary.py writes each definition, a
// closed popover, right after its term link; without this script the link leads to the glossary).
document.addEventListener("click", function (event) {
  const link = event.target.closest && event.target.closest("a.glossary-term");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const pop = link.nextElementSibling;
  if (!pop || !pop.classList.contains("glossary-pop") || !pop.showPopover) return;  // the link leads to the glossary
  event.preventDefault();
  if (!pop.matches(":popover-open")) pop.showPopover();
  link.setAttribute("aria-expanded", "true");
  pop.addEventListener("toggle", function (e) {
    if (e.newState === "closed") link.setAttribute("aria-expanded", "false");
  }, {once: true});
});
// Escape closes an open definition and puts focus back on its link (the theme's own key handlers
// can keep the browser from doing it).
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".glossary-pop:popover-open").forEach(function (pop) {
    pop.hidePopover();
    pop.previousElementSibling.focus();
  });
});
