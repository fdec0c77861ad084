/* qiflow case page: step through the docket one entry at a time, and predict before the answer shows.
   Plain script, no framework. Without it the page shows every entry, answers included. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var docket = document.getElementById("docket");
  var keyEl = document.getElementById("answers");
  if (!docket || !keyEl) { return; }
  var key = JSON.parse(keyEl.textContent);
  var bar = docket.querySelector(".stepbar");
  var statusEl = bar.querySelector(".status");
  var scoreEl = bar.querySelector(".score");
  var predictBox = bar.querySelector("[data-act=predict]");
  var entries = Array.prototype.slice.call(docket.querySelectorAll(".entry"));
  var byAnchor = {};
  key.entries.forEach(function (e) { byAnchor[e.anchor] = e; });
  var codes = Object.keys(key.codes).sort();
  var st = { on: false, at: -1, asked: {}, right: 0, total: 0 };
  bar.hidden = false;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  function asking() { return st.on && entries[st.at] && entries[st.at].classList.contains("asking"); }

  function mark() {
    var marks = document.querySelectorAll(".timeline .current");
    Array.prototype.forEach.call(marks, function (m) { m.classList.remove("current"); });
    if (!st.on) { return; }
    var box = document.getElementById((key.timeline || {})[entries[st.at].id] || "");
    if (box) { box.classList.add("current"); }
  }

  function show() {
    docket.classList.toggle("stepping", st.on);
    entries.forEach(function (li, i) {
      li.classList.toggle("later", st.on && i > st.at);
      li.classList.toggle("current", st.on && i === st.at);
    });
    var last = st.at >= entries.length - 1 && !asking();
    document.documentElement.classList.toggle("predicting", st.on && predictBox.checked && !last);
    statusEl.textContent = st.on ? "Entry " + (st.at + 1) + " of " + entries.length : "";
    bar.querySelector("[data-act=start]").hidden = st.on;
    bar.querySelector("[data-act=prev]").disabled = !st.on || st.at <= 0;
    bar.querySelector("[data-act=next]").disabled = st.on && st.at >= entries.length - 1;
    mark();
  }

  function focus(li) {
    li.setAttribute("tabindex", "-1");
    li.focus({ preventScroll: true });
    li.scrollIntoView({ block: "nearest" });
  }

  function enter() {
    var li = entries[st.at];
    if (predictBox.checked && !st.asked[li.id]) { ask(li); }
    show();
    var form = li.querySelector(".predict input");
    if (form) { form.focus({ preventScroll: true }); li.scrollIntoView({ block: "nearest" }); } else { focus(li); }
  }

  function ask(li) {
    li.classList.add("asking");
    var form = el("form", { "class": "predict" });
    var set = el("fieldset");
    set.appendChild(el("legend", {}, "Before you look: is " + byAnchor[li.id].label + " lawful, or which departure does it commit?"));
    var choices = [["lawful", "Lawful: no departure"]].concat(codes.map(function (c) {
      return [c, c + " " + key.codes[c].name];
    }));
    choices.forEach(function (c, i) {
      var label = el("label");
      var input = el("input", { type: "radio", name: "guess-" + li.id, value: c[0] });
      if (i === 0) { input.required = true; }
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + c[1]));
      set.appendChild(label);
    });
    form.appendChild(set);
    form.appendChild(el("button", { type: "submit" }, "Check"));
    var skip = el("button", { type: "button" }, "Skip");
    form.appendChild(document.createTextNode(" "));
    form.appendChild(skip);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var picked = form.querySelector("input:checked");
      if (picked) { check(li, picked.value); }
    });
    skip.addEventListener("click", function () { reveal(li, null); });
    li.insertBefore(form, li.querySelector(".answer"));
  }

  function reveal(li, feedback) {
    var form = li.querySelector(".predict");
    if (form) { form.parentNode.removeChild(form); }
    if (feedback) { li.insertBefore(feedback, li.querySelector(".answer")); }
    li.classList.remove("asking");
    st.asked[li.id] = true;
    show();
    focus(li);
  }

  function check(li, guess) {
    var answer = byAnchor[li.id].codes;
    var right = guess === "lawful" ? answer.length === 0 : answer.indexOf(guess) >= 0;
    st.total += 1;
    if (right) { st.right += 1; }
    var box = el("div", { "class": "feedback " + (right ? "right" : "wrong"), role: "status" });
    var said = answer.length === 0 ? "This entry is lawful: it departs from no rule of the careful procedure."
      : "This entry commits " + answer.map(function (c) { return c + " (" + key.codes[c].name + ")"; }).join(" and ") + ".";
    box.appendChild(el("p", {}, (right ? "Right. " : "Not quite. ") + said));
    var quote = answer.length ? answer[0] : (guess !== "lawful" ? guess : null);
    if (quote) {
      box.appendChild(el("blockquote", {}, (answer.length ? "" : "Why not " + quote + ": ") + key.codes[quote].rule));
    }
    scoreEl.textContent = "Score: " + st.right + " of " + st.total;
    reveal(li, box);
  }

  function start() { st.on = true; st.at = 0; enter(); }
  function next() {
    if (!st.on) { start(); return; }
    if (asking()) { statusEl.textContent = "Answer first, or press Skip."; return; }
    if (st.at < entries.length - 1) { st.at += 1; enter(); }
  }
  function prev() { if (st.on && st.at > 0) { st.at -= 1; show(); focus(entries[st.at]); } }
  function all() {
    entries.forEach(function (li) { if (li.classList.contains("asking")) { reveal(li, null); } });
    st.on = false;
    show();
  }

  predictBox.addEventListener("change", show);
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest(".timeline a");
    if (!link || !st.on) { return; }
    var target = (link.getAttribute("href") || link.getAttribute("xlink:href") || "").slice(1);
    var index = entries.map(function (li) { return li.id; }).indexOf(target);
    if (index >= 0 && !asking()) { st.at = index; enter(); }
  });
  bar.addEventListener("click", function (ev) {
    var act = ev.target.getAttribute && ev.target.getAttribute("data-act");
    if (act === "start") { start(); } else if (act === "next") { next(); }
    else if (act === "prev") { prev(); } else if (act === "all") { all(); }
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var tag = ev.target.tagName;
    var control = /^(INPUT|BUTTON|SELECT|TEXTAREA|SUMMARY|A)$/.test(tag);
    var k = ev.key;
    if (control && (k === " " || k === "Enter" || k.indexOf("Arrow") === 0)) { return; }
    if (k === "ArrowRight" || k === " " || k === "j") { next(); }
    else if (k === "ArrowLeft" || k === "k") { prev(); }
    else if (k === "a" || k === "A") { all(); }
    else if (k === "p" || k === "P") { predictBox.checked = !predictBox.checked; show(); }
    else if ((k === "l" || k === "L") && asking()) { check(entries[st.at], "lawful"); }
    else { return; }
    ev.preventDefault();
  });
  show();
}());
