/**
 * The review part of the report's script (see `review.ts`). Decisions live in localStorage under
 * the bar's `data-key` (the reviewer's name under one key for every report); 导出审核文件 writes
 * them as a review file by hand — no YAML library in the page — with every string double-quoted
 * and escaped (REVIEW_YAML, tested in node against the project's review loader). It reads the
 * page, sets attributes, text and `hidden`, and never writes markup.
 */

/**
 * `reviewYaml(decisions, comments)`: the review file's text. Each decision is
 * `{ action, parentDoc, childDoc, kind?, parent?, child?, reason?, by, date }` with tasks as
 * `{ id, title }`; `comments` are lines written as YAML comments at the top.
 */
export const REVIEW_YAML = `function reviewYaml(decisions, comments) {
  function hex(code) { return ("000" + code.toString(16).toUpperCase()).slice(-4); }
  function quote(text) {
    var out = '"';
    var s = String(text);
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      var ch = s.charAt(i);
      if (ch === '"' || ch === "\\\\") out += "\\\\" + ch;
      else if (c === 10) out += "\\\\n";
      else if (c === 9) out += "\\\\t";
      else if (c === 13) out += "\\\\r";
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length &&
        s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
        out += ch + s.charAt(i + 1);
        i += 1;
      } else if (c >= 0xd800 && c <= 0xdfff) out += "\\\\uFFFD";
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 ||
        c === 0xfeff || c === 0xfffe || c === 0xffff || c === 0x61c || c === 0x200e ||
        c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        out += "\\\\u" + hex(c);
      } else out += ch;
    }
    return out + '"';
  }
  function comment(text) { return "# " + String(text).replace(/[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]/g, " "); }
  function task(ref) { return "{ id: " + quote(ref.id) + ", title: " + quote(ref.title) + " }"; }
  var lines = (comments || []).map(comment);
  if (decisions.length === 0) return lines.concat(["decisions: []", ""]).join("\\n");
  lines.push("decisions:");
  decisions.forEach(function (d) {
    lines.push("  - action: " + quote(d.action));
    lines.push("    parentDoc: " + quote(d.parentDoc));
    lines.push("    childDoc: " + quote(d.childDoc));
    if (d.kind) lines.push("    kind: " + quote(d.kind));
    if (d.parent) lines.push("    parent: " + task(d.parent));
    if (d.child) lines.push("    child: " + task(d.child));
    if (d.reason) lines.push("    reason: " + quote(d.reason));
    lines.push("    by: " + quote(d.by));
    lines.push("    date: " + quote(d.date));
  });
  lines.push("");
  return lines.join("\\n");
}`;

export const REVIEW_SCRIPT = `(function () {
  "use strict";
  ${REVIEW_YAML}
  var bar = document.getElementById("review-bar");
  if (!bar) return;
  var BY_KEY = "plandiff-review:by";
  var key = bar.getAttribute("data-key");
  var parentDoc = bar.getAttribute("data-parent-doc");
  var childDoc = bar.getAttribute("data-child-doc");
  var byInput = document.getElementById("review-by");
  var countOut = document.getElementById("review-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-review-item]"));
  var store = null;
  try {
    store = window.localStorage;
    store.getItem(key);
  } catch (e) {
    store = null;
  }
  var decisions = {};
  try {
    var saved = store ? JSON.parse(store.getItem(key) || "{}") : {};
    if (saved && typeof saved.decisions === "object" && saved.decisions) decisions = saved.decisions;
  } catch (e) {
    decisions = {};
  }

  function msg(name) { return bar.getAttribute("data-msg-" + name) || ""; }
  function save() {
    if (!store) return;
    try { store.setItem(key, JSON.stringify({ decisions: decisions })); } catch (e) { /* full */ }
  }
  function reviewer() { return byInput.value.trim(); }
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  function ref(item, side) {
    var id = item.getAttribute("data-" + side);
    return id === null ? null : { id: id, title: item.getAttribute("data-" + side + "-title") || "" };
  }
  function itemKey(item) {
    var what = item.getAttribute("data-review-item");
    return [what, what === "finding" ? item.getAttribute("data-kind") : "",
      item.getAttribute("data-parent") || "", item.getAttribute("data-child") || ""].join("\\u0000");
  }
  function controls(item) { return item.querySelector(".review"); }

  function show(item) {
    var box = controls(item);
    if (!box || item.hasAttribute("data-in-force")) return;
    var d = decisions[itemKey(item)];
    var what = item.getAttribute("data-review-item");
    Array.prototype.forEach.call(box.querySelectorAll("button[data-review]"), function (button) {
      button.setAttribute("aria-pressed", d && d.action === button.getAttribute("data-review") ? "true" : "false");
    });
    var reason = box.querySelector(".review-reason");
    if (d && document.activeElement !== reason) reason.value = d.reason || "";
    box.querySelector(".review-state").textContent = d
      ? msg(d.action + "-" + what) + " · " + d.by + " · " + d.date
      : "";
    if (d) item.setAttribute("data-review-state", d.action);
    else item.removeAttribute("data-review-state");
  }
  function count() {
    var n = Object.keys(decisions).length;
    countOut.textContent = countOut.getAttribute("data-template").replace("{n}", String(n));
  }
  function showAll() { items.forEach(show); count(); }

  function decide(item, action) {
    var box = controls(item);
    var id = itemKey(item);
    var state = box.querySelector(".review-state");
    var reason = box.querySelector(".review-reason");
    var current = decisions[id];
    if (current && current.action === action) {
      delete decisions[id];
      save();
      reason.value = "";
      showAll();
      return;
    }
    if (reviewer() === "") {
      state.textContent = msg("need-name");
      byInput.focus();
      return;
    }
    var why = reason.value.trim();
    if (why === "" && action !== "confirm") {
      state.textContent = msg("need-reason");
      reason.focus();
      return;
    }
    var what = item.getAttribute("data-review-item");
    var d = { action: action, by: reviewer(), date: today() };
    if (what === "finding") d.kind = item.getAttribute("data-kind");
    var parent = ref(item, "parent");
    var child = ref(item, "child");
    if (parent) d.parent = parent;
    if (child) d.child = child;
    if (why !== "") d.reason = why;
    decisions[id] = d;
    save();
    showAll();
  }

  function exported() {
    var list = [];
    var kept = [];
    var seen = {};
    items.forEach(function (item) {
      var id = itemKey(item);
      var d = decisions[id];
      if (!d || seen[id]) return;
      seen[id] = true;
      if (item.getAttribute("data-review-item") === "finding" && d.action === "confirm") {
        kept.push(d.kind + " " + (d.parent ? d.parent.id : "-") + " -> " + (d.child ? d.child.id : "-") +
          " (" + d.by + ", " + d.date + ")");
        return;
      }
      var out = { action: d.action, parentDoc: parentDoc, childDoc: childDoc };
      ["kind", "parent", "child", "reason", "by", "date"].forEach(function (name) {
        if (d[name] !== undefined) out[name] = d[name];
      });
      list.push(out);
    });
    var comments = ["plandiff review file: " + parentDoc + " -> " + childDoc + " (exported from the HTML report)"];
    if (kept.length > 0) {
      comments.push("Findings confirmed (they stand; a review file needs no decision for them):");
      kept.forEach(function (line) { comments.push("  " + line); });
    }
    return reviewYaml(list, comments);
  }

  function download() {
    // A data: address, made here from the text: nothing leaves the page.
    var link = document.createElement("a");
    link.href = "data:application/yaml;charset=utf-8," + encodeURIComponent(exported());
    link.download = bar.getAttribute("data-file") || "review.yaml";
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.parentNode.removeChild(link);
  }

  try { byInput.value = (store && store.getItem(BY_KEY)) || ""; } catch (e) { /* none */ }
  byInput.addEventListener("change", function () {
    if (!store) return;
    try { store.setItem(BY_KEY, reviewer()); } catch (e) { /* full */ }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-review]") : null;
    if (!button) return;
    var item = button.closest("[data-review-item]");
    if (item && !item.hasAttribute("data-in-force")) decide(item, button.getAttribute("data-review"));
  });
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("review-reason")) return;
    var item = input.closest("[data-review-item]");
    var d = item ? decisions[itemKey(item)] : null;
    var why = input.value.trim();
    if (!d || (why === "" && d.action !== "confirm")) return;
    if (why === "") delete d.reason;
    else d.reason = why;
    save();
    showAll();
  });
  document.getElementById("review-export").addEventListener("click", download);
  document.getElementById("review-clear").addEventListener("click", function () {
    decisions = {};
    save();
    items.forEach(function (item) {
      var reason = item.querySelector(".review-reason");
      if (reason && !item.hasAttribute("data-in-force")) reason.value = "";
    });
    showAll();
  });
  items.forEach(function (item) {
    var box = controls(item);
    if (!box) return;
    box.querySelector(".review-reason").placeholder = msg("reason");
    var state = document.createElement("output");
    state.className = "review-state";
    box.appendChild(state);
    box.hidden = false;
  });
  bar.hidden = false;
  showAll();
})();`;
