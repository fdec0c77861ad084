/* qiflow exercises: grade each answer against the key the engine computed at build time, as
   qiflow.teach.quiz.grade does (right only for the exact set); quote the rule of every option missed or
   wrongly picked; then show the because-chain. The score shows when every question is answered. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var keyEl = document.getElementById("answers");
  if (!keyEl) { return; }
  var key = JSON.parse(keyEl.textContent);
  var forms = Array.prototype.slice.call(document.querySelectorAll("form.quiz"));
  var done = 0;
  var right = 0;
  var progress = document.getElementById("progress");
  var result = document.getElementById("result");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text) { node.textContent = text; }
    return node;
  }
  function rule(q, value) { var code = q.codes[value]; return code ? key.rules[code] : null; }

  function feedback(q, picked) {
    var ok = picked.length === q.answer.length && q.answer.every(function (a) { return picked.indexOf(a) >= 0; });
    var box = el("div", "feedback " + (ok ? "right" : "wrong"));
    if (ok) {
      box.appendChild(el("p", "", "Right. " + q.conclusion));
      return [ok, box];
    }
    box.appendChild(el("p", "", "Not quite. The answer: " + q.answer.map(function (a) {
      return q.names[a].replace(/\.$/, "");
    }).join("; ") + "."));
    box.appendChild(el("p", "", q.conclusion));
    q.answer.filter(function (a) { return picked.indexOf(a) < 0; }).forEach(function (a) {
      var text = rule(q, a);
      if (text) {
        box.appendChild(el("p", "", "You missed " + q.names[a] + ". The rule:"));
        box.appendChild(el("blockquote", "", text));
      }
    });
    picked.filter(function (p) { return q.answer.indexOf(p) < 0; }).forEach(function (p) {
      var text = rule(q, p);
      if (text) {
        box.appendChild(el("p", "", "Why not " + q.codes[p] + "? Its rule:"));
        box.appendChild(el("blockquote", "", text));
      } else {
        box.appendChild(el("p", "", "“" + q.names[p] + "” is wrong: a rule does bar this."));
      }
    });
    return [ok, box];
  }

  forms.forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var picked = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (i) { return i.value; });
      if (!picked.length || form.getAttribute("data-done")) { return; }
      var q = key.questions[form.getAttribute("data-question")];
      var graded = feedback(q, picked);
      form.setAttribute("data-done", graded[0] ? "right" : "wrong");
      done += 1;
      if (graded[0]) { right += 1; }
      form.querySelector(".feedback-slot").appendChild(graded[1]);
      Array.prototype.forEach.call(form.querySelectorAll("input, button"), function (i) { i.disabled = true; });
      Array.prototype.forEach.call(form.parentNode.querySelectorAll(".reveal, .see-case"), function (n) { n.hidden = false; });
      progress.textContent = done + " of " + forms.length + " answered; " + right + " right.";
      if (done === forms.length) {
        result.hidden = false;
        result.textContent = "Your score: " + right + " of " + forms.length + ".";
      }
    });
  });
}());
