/* qiflow exercises: check each answer against the key the engine computed at build time; score at the end. */
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

  forms.forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var picked = form.querySelector("input:checked");
      if (!picked || form.getAttribute("data-done")) { return; }
      var q = key.questions[form.getAttribute("data-question")];
      var ok = q.answer.indexOf(picked.value) >= 0;
      form.setAttribute("data-done", ok ? "right" : "wrong");
      done += 1;
      if (ok) { right += 1; }
      var box = el("div", "feedback " + (ok ? "right" : "wrong"));
      var names = q.answer.map(function (a) { return q.names[a]; }).join("; or ");
      box.appendChild(el("p", "", (ok ? "Right: " : "Not quite. The answer: ") + names + "."));
      box.appendChild(el("p", "", q.explain));
      q.rules.forEach(function (rule) { box.appendChild(el("blockquote", "", rule)); });
      if (!ok && picked.value !== "lawful" && q.answer.indexOf(picked.value) < 0) {
        box.appendChild(el("p", "", "Why not " + picked.value + "? Its rule:"));
        box.appendChild(el("blockquote", "", key.rules[picked.value]));
      }
      form.querySelector(".feedback-slot").appendChild(box);
      Array.prototype.forEach.call(form.querySelectorAll("input, button"), function (i) { i.disabled = true; });
      var see = form.parentNode.querySelector(".see-case");
      if (see) { see.hidden = false; }
      progress.textContent = done + " of " + forms.length + " answered; " + right + " right.";
      if (done === forms.length) {
        result.hidden = false;
        result.textContent = "Your score: " + right + " of " + forms.length + ".";
      }
    });
  });
}());
