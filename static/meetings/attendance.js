/* Attendance: mark everyone, or everyone from one organisation, as present in one click (saved with the form). */
(function () {
  "use strict";
  const form = document.querySelector(".attendance-form");
  if (!form) {
    return;
  }
  const bar = form.querySelector(".attendance-bulk");
  const status = form.querySelector(".attendance-bulk-status");
  const template = bar.querySelector("[data-mark]");
  const organisations = [...new Set([...form.querySelectorAll("tr[data-organisation]")]
    .map((row) => row.dataset.organisation).filter(Boolean))];
  for (const organisation of organisations) {
    const button = template.cloneNode(false);
    button.dataset.mark = organisation;
    button.textContent = template.dataset.organisationLabel
      ? template.dataset.organisationLabel.replace("%s", organisation) : organisation;
    bar.append(button);
  }
  bar.addEventListener("click", function (event) {
    const button = event.target.closest("[data-mark]");
    if (!button) {
      return;
    }
    let marked = 0;
    for (const row of form.querySelectorAll("tr[data-organisation]")) {
      if (button.dataset.mark && row.dataset.organisation !== button.dataset.mark) {
        continue;
      }
      const present = row.querySelector('input[type="radio"][value="narvarande"]');
      if (present && !present.checked) {
        present.checked = true;
        marked += 1;
      }
    }
    status.textContent = form.dataset.msgMarked.replace("%(n)s", marked);
  });
  bar.hidden = false;
})();
