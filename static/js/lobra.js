/* Lobra on every page: focus the form's error summary, ask before deleting. */
(function () {
  "use strict";
  const summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
  // A button or form with data-confirm asks first; the text names what is removed.
  document.addEventListener("submit", function (event) {
    const button = event.submitter;
    const text = (button && button.dataset.confirm) || event.target.dataset.confirm;
    if (text && !window.confirm(text)) {
      event.preventDefault();
    }
  });
})();
