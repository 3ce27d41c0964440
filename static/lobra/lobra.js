/* Lobra on every page: focus the form's error summary, ask before deleting, keep the writer's place after a save. */
(function () {
  "use strict";
  const KEY = "lobra-focus";
  const summary = document.getElementById("error-summary");
  const saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
  sessionStorage.removeItem(KEY);

  function focusable(element) {
    if (element.matches("a[href], button:not([disabled]), input, select, textarea, [tabindex]")) {
      return element;
    }
    element.setAttribute("tabindex", "-1");
    return element;
  }

  function restore() {
    if (summary) {
      summary.focus();
    } else if (saved && saved.page === location.pathname) {
      // A save reloaded this page: put focus back on the button that saved, else on the item it points to.
      const button = [...document.forms]
        .filter((form) => (form.getAttribute("action") || "") === saved.action)
        .flatMap((form) => [...form.querySelectorAll("button:not([disabled])")])
        .find((candidate) => candidate.textContent.trim() === saved.text);
      const target = button || (location.hash && document.getElementById(location.hash.slice(1)));
      if (target) {
        focusable(target).focus();
      }
    }
  }
  // After the load event: Chromium's scroll to the #fragment would otherwise move focus back to the body.
  if (document.readyState === "complete") {
    restore();
  } else {
    window.addEventListener("load", () => setTimeout(restore));
  }

  document.addEventListener("submit", function (event) {
    const button = event.submitter;
    // A button or form with data-confirm asks first; the text names what is removed.
    const text = (button && button.dataset.confirm) || event.target.dataset.confirm;
    if (text && !window.confirm(text)) {
      event.preventDefault();
      return;
    }
    if (event.target.method === "post") {
      sessionStorage.setItem(KEY, JSON.stringify({
        page: location.pathname, action: event.target.getAttribute("action") || "",
        text: button ? button.textContent.trim() : "",
      }));
    }
  });
})();
