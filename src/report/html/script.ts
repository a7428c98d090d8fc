/**
 * The report's only script: reveals the filter form and shows or hides findings by kind,
 * severity and search text. It reads the page and toggles `hidden`; it never writes markup.
 */
export const SCRIPT = `(function () {
  "use strict";
  var form = document.getElementById("finding-filters");
  var list = document.getElementById("finding-list");
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.children);
  var search = document.getElementById("finding-search");
  var count = document.getElementById("finding-count");
  var empty = document.getElementById("finding-empty");
  // The text searched: the finding's, without the words of its review controls.
  var texts = items.map(function (item) {
    var text = item.textContent;
    var review = item.querySelector(".review");
    return (review ? text.replace(review.textContent, "") : text).toLowerCase();
  });

  function ticked(name) {
    var boxes = form.querySelectorAll('input[name="' + name + '"]:checked');
    return Array.prototype.map.call(boxes, function (box) { return box.value; });
  }

  function allows(values, value) {
    return values.length === 0 || values.indexOf(value) !== -1;
  }

  function apply() {
    var kinds = ticked("kind");
    var severities = ticked("severity");
    var query = search.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (item, i) {
      var visible = allows(kinds, item.getAttribute("data-kind")) &&
        allows(severities, item.getAttribute("data-severity")) &&
        (query === "" || texts[i].indexOf(query) !== -1);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = count.getAttribute("data-template")
      .replace("{shown}", String(shown))
      .replace("{total}", String(items.length));
    empty.hidden = shown !== 0;
  }

  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.hidden && target.parentNode === list) {
      form.reset();
      apply();
      target.scrollIntoView();
    }
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.getElementById("finding-reset").addEventListener("click", function () {
    form.reset();
    apply();
  });
  search.addEventListener("input", apply);
  window.addEventListener("hashchange", revealTarget);
  apply();
})();`;
