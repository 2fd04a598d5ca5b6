/* On a narrow screen the filter panel (<details class="filter-panel" open>) starts closed while
 * no filter is in use, so that the list comes first; a click on "Filter" opens it. Without this
 * file the panel simply stays open. */
(function () {
  "use strict";

  if (!window.matchMedia("(max-width: 48rem)").matches) {
    return;
  }
  var inUse = Array.from(new URLSearchParams(window.location.search)).some(function (entry) {
    return entry[0] !== "page" && entry[1] !== "";
  });
  if (!inUse) {
    document.querySelectorAll("details.filter-panel").forEach(function (panel) {
      panel.open = false;
    });
  }
})();
