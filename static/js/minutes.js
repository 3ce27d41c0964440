/* Live minutes: autosave with version checks, a browser-kept draft until the server confirms, and a merge view.
   Plain JavaScript, no build step. Every form works without it (the textarea posts the same fields). */
(function () {
  "use strict";

  var SAVE_DELAY = 1500;
  var RETRY_DELAY = 4000;

  function draftKey(itemId) { return "lobra:minutes:" + itemId; }

  function readDraft(itemId) {
    try { return JSON.parse(window.localStorage.getItem(draftKey(itemId)) || "null"); } catch (e) { return null; }
  }

  function writeDraft(itemId, html, base) {
    try {
      window.localStorage.setItem(draftKey(itemId), JSON.stringify({ html: html, base: base, at: Date.now() }));
    } catch (e) { /* storage full or disabled: the server save still runs */ }
  }

  function dropDraft(itemId) {
    try { window.localStorage.removeItem(draftKey(itemId)); } catch (e) { /* nothing to do */ }
  }

  var TABLE_HTML = "<table><thead><tr><th>Problem</th><th>Åtgärd/insats</th><th>Ansvarig</th><th>Status/uppföljning</th></tr></thead>" +
    "<tbody><tr><td><br></td><td><br></td><td><br></td><td><br></td></tr></tbody></table><p><br></p>";

  function placeCaret(element) {
    if (!element) { return; }
    var range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function Editor(form) {
    this.form = form;
    this.itemId = form.dataset.item;
    this.url = form.action;
    this.version = parseInt(form.querySelector("input[name=version]").value, 10);
    this.textarea = form.querySelector("textarea[name=minutes]");
    this.editor = form.querySelector(".minutes-editor");
    this.toolbar = form.querySelector(".minutes-toolbar");
    this.status = document.getElementById("status-" + this.itemId);
    this.conflict = document.getElementById("conflict-" + this.itemId);
    this.csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    this.timer = null;
    this.inFlight = false;
    this.dirty = false;
    this.blocked = false; // true while a conflict waits for the user's choice
    this.start();
  }

  Editor.prototype.start = function () {
    var self = this;
    this.textarea.hidden = true;
    this.form.querySelectorAll(".no-js-only").forEach(function (el) { el.hidden = true; });
    this.editor.hidden = false;
    this.toolbar.hidden = false;
    this.editor.innerHTML = this.textarea.value;
    this.editor.addEventListener("input", function () { self.changed(); });
    this.editor.addEventListener("focusout", function () { if (self.dirty) { self.save(); } });
    this.editor.addEventListener("focus", function () {
      document.execCommand("defaultParagraphSeparator", false, "p");
      if (!self.editor.innerHTML.trim()) {
        // Start an empty item with a paragraph so the first line is a <p>, like every following line.
        self.editor.innerHTML = "<p><br></p>";
        placeCaret(self.editor.firstChild);
      }
    });
    this.toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-command]");
      if (!button) { return; }
      event.preventDefault();
      self.editor.focus();
      var command = button.dataset.command;
      if (command === "createLink") {
        var href = window.prompt(button.dataset.prompt || "Länk", "https://");
        if (href) { document.execCommand("createLink", false, href); }
      } else if (command === "formatBlock") {
        document.execCommand("formatBlock", false, button.dataset.value);
      } else if (command === "insertTable") {
        document.execCommand("insertHTML", false, TABLE_HTML);
        // The caret ends in the paragraph after the new table; move it into the table's first cell.
        var anchor = window.getSelection().anchorNode;
        var block = anchor && (anchor.nodeType === 1 ? anchor : anchor.parentElement).closest("p");
        var inserted = block && block.previousElementSibling;
        if (inserted && inserted.tagName === "TABLE") { placeCaret(inserted.querySelector("tbody td")); }
      } else {
        document.execCommand(command, false, null);
      }
      self.changed();
    });
    this.editor.addEventListener("keydown", function (event) {
      // Tab moves between table cells (and adds a row after the last cell) instead of leaving the editor.
      if (event.key !== "Tab") { return; }
      var node = window.getSelection().anchorNode;
      var cell = node && (node.nodeType === 1 ? node : node.parentElement).closest("td, th");
      if (!cell || !self.editor.contains(cell)) { return; }
      event.preventDefault();
      var table = cell.closest("table");
      var cells = Array.prototype.slice.call(table.querySelectorAll("th, td"));
      var index = cells.indexOf(cell) + (event.shiftKey ? -1 : 1);
      if (index >= cells.length) {
        var row = document.createElement("tr");
        cell.parentElement.querySelectorAll("td, th").forEach(function () {
          var td = document.createElement("td");
          td.appendChild(document.createElement("br"));
          row.appendChild(td);
        });
        (table.tBodies[0] || table).appendChild(row);
        placeCaret(row.firstChild);
        self.changed();
      } else if (index >= 0) {
        placeCaret(cells[index]);
      }
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); self.save(); });

    var draft = readDraft(this.itemId);
    if (draft && draft.html !== this.editor.innerHTML) {
      if (draft.base === this.version) {
        this.editor.innerHTML = draft.html;
        this.dirty = true;
        this.setStatus("pending", this.form.dataset.msgRestored);
        this.schedule(300);
      } else {
        // The item was saved by someone else after this draft was written: let the user merge.
        this.showConflict({ minutes: this.textarea.value, version: this.version,
                            saved_at: this.form.dataset.savedAt, saved_by: this.form.dataset.savedBy }, draft.html);
      }
    } else if (draft) {
      dropDraft(this.itemId);
    }
  };

  Editor.prototype.setStatus = function (kind, text) {
    if (!this.status) { return; }
    this.status.className = "minutes-status small status-" + kind;
    this.status.textContent = text;
  };

  Editor.prototype.changed = function () {
    this.dirty = true;
    writeDraft(this.itemId, this.editor.innerHTML, this.version);
    if (!this.blocked) {
      this.setStatus("pending", this.form.dataset.msgPending);
      this.schedule(SAVE_DELAY);
    }
  };

  Editor.prototype.schedule = function (delay) {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { self.save(); }, delay);
  };

  Editor.prototype.save = function () {
    var self = this;
    window.clearTimeout(this.timer);
    if (this.blocked) { return; }
    if (this.inFlight) { this.schedule(SAVE_DELAY); return; }
    var sent = this.editor.innerHTML;
    var body = new FormData();
    body.append("minutes", sent);
    body.append("version", String(this.version));
    this.inFlight = true;
    this.setStatus("saving", this.form.dataset.msgSaving);
    fetch(this.url, {
      method: "POST",
      body: body,
      headers: { "Accept": "application/json", "X-CSRFToken": this.csrf },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }).then(function (result) {
      self.inFlight = false;
      if (result.status === 200) {
        self.version = result.data.version;
        self.form.querySelector("input[name=version]").value = String(self.version);
        if (self.editor.innerHTML === sent) {
          self.dirty = false;
          dropDraft(self.itemId);
          self.setStatus("saved", self.form.dataset.msgSaved.replace("%s", result.data.saved_at));
        } else {
          writeDraft(self.itemId, self.editor.innerHTML, self.version);
          self.schedule(SAVE_DELAY);
        }
      } else if (result.status === 409) {
        self.showConflict(result.data, self.editor.innerHTML);
      } else if (result.status === 423) {
        // The protocol went out for justering (or is final): keep the text here, never claim it is saved.
        self.blocked = true;
        writeDraft(self.itemId, self.editor.innerHTML, self.version);
        self.setStatus("error", result.data.error || self.form.dataset.msgError);
      } else {
        self.setStatus("error", self.form.dataset.msgError);
        self.schedule(RETRY_DELAY);
      }
    }).catch(function () {
      self.inFlight = false;
      self.setStatus("offline", self.form.dataset.msgOffline);
      self.schedule(RETRY_DELAY);
    });
  };

  Editor.prototype.showConflict = function (server, mine) {
    var self = this;
    this.blocked = true;
    writeDraft(this.itemId, mine, this.version);
    this.setStatus("conflict", this.form.dataset.msgConflict);
    var panel = this.conflict;
    panel.querySelector(".conflict-theirs").innerHTML = server.minutes || "<p><em>(tom)</em></p>";
    panel.querySelector(".conflict-mine").innerHTML = mine;
    panel.querySelector(".conflict-who").textContent = [server.saved_by, server.saved_at].filter(Boolean).join(" ");
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
    function resolve(html) {
      panel.hidden = true;
      self.blocked = false;
      self.version = server.version;
      self.form.querySelector("input[name=version]").value = String(self.version);
      self.editor.innerHTML = html;
      if (html === server.minutes) {
        self.dirty = false;
        dropDraft(self.itemId);
        self.setStatus("saved", self.form.dataset.msgTheirs);
      } else {
        self.changed();
        self.save();
      }
    }
    panel.querySelector("[data-resolve=mine]").onclick = function () { resolve(mine); };
    panel.querySelector("[data-resolve=theirs]").onclick = function () { resolve(server.minutes); };
    panel.querySelector("[data-resolve=both]").onclick = function () { resolve((server.minutes || "") + mine); };
  };

  var editors = [];
  document.querySelectorAll("form.minutes-form").forEach(function (form) { editors.push(new Editor(form)); });
  window.addEventListener("online", function () {
    editors.forEach(function (e) { if (e.dirty && !e.blocked) { e.save(); } });
  });
  window.addEventListener("beforeunload", function (event) {
    // The drafts survive in localStorage; warn anyway so nobody closes the tab believing everything is saved.
    if (editors.some(function (e) { return e.dirty; })) { event.preventDefault(); event.returnValue = ""; }
  });
}());
