// Asks before leaving a question step whose answer has changed since it was shown, so a
// half-answered step is never lost without a word. Saving (any of the form's buttons)
// leaves without asking. Without JavaScript the page works the same, minus the question.
(function () {
  var form = document.querySelector("form[data-warn-unsaved]");
  if (!form) return;
  var shown = new URLSearchParams(new FormData(form)).toString();
  var saving = false;
  form.addEventListener("submit", function () { saving = true; });
  window.addEventListener("beforeunload", function (event) {
    if (saving || new URLSearchParams(new FormData(form)).toString() === shown) return;
    event.preventDefault();
    event.returnValue = "";  // older browsers need a value to show their dialog
  });
})();
