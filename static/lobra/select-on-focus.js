// Select the whole value of a read-only field on focus, so a secret address can be copied in one go.
document.querySelectorAll("[data-select-on-focus]").forEach((input) => {
  input.addEventListener("focus", () => input.select());
});
