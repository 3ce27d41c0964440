// While a protocol is being sealed, ask now and then whether it is done, and reload the page when it is.
(function () {
  var box = document.querySelector("[data-seal-status]");
  if (!box) { return; }
  var tries = 0;
  function poll() {
    fetch(box.dataset.sealStatus, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) { if (data.sealed || data.failed) { window.location.reload(); } else if (++tries < 60) { window.setTimeout(poll, 2000); } })
      .catch(function () { if (++tries < 60) { window.setTimeout(poll, 5000); } });
  }
  window.setTimeout(poll, 2000);
})();
