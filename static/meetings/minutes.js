/* Live minutes: one editor per agenda item, autosave with version checks, a browser-kept draft until the server
   confirms, a merge view on conflict. Every form works without JavaScript (the textarea posts the same fields). */
import { createMinutesEditor } from "./minutes-editor.js"

const SAVE_DELAY = 1500
const RETRY_DELAY = 4000
const texts = JSON.parse(document.getElementById("minutes-editor-texts").textContent)
const announcer = document.getElementById("minutes-announcer")

function draftKey(itemId) { return "lobra:minutes:" + itemId }

function readDraft(itemId) {
  try { return JSON.parse(window.localStorage.getItem(draftKey(itemId)) || "null") } catch (e) { return null }
}

function writeDraft(itemId, html, base) {
  try {
    window.localStorage.setItem(draftKey(itemId), JSON.stringify({ html, base, at: Date.now() }))
  } catch (e) { /* storage full or disabled: the text stays in the editor and the server save still runs */ }
}

function dropDraft(itemId) {
  try { window.localStorage.removeItem(draftKey(itemId)) } catch (e) { /* nothing to do */ }
}

// Screen readers hear the outcome of a save, never the typing that leads to it.
function announce(message) {
  if (!announcer) return
  announcer.textContent = ""
  window.setTimeout(() => { announcer.textContent = message }, 50)
}

class MinutesItem {
  constructor(form, index, items) {
    this.form = form
    this.items = items
    this.index = index
    this.itemId = form.dataset.item
    this.url = form.action
    this.title = form.dataset.title
    this.versionInput = form.querySelector("input[name=version]")
    this.version = parseInt(this.versionInput.value, 10)
    this.textarea = form.querySelector("textarea[name=minutes]")
    this.status = document.getElementById("status-" + this.itemId)
    this.conflict = document.getElementById("conflict-" + this.itemId)
    this.csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value
    this.timer = null
    this.inFlight = false
    this.dirty = false
    this.blocked = false // a conflict, or a protocol sent for justering, waits for the writer's choice
    this.tooLong = false
    this.form.querySelectorAll(".no-js-only").forEach((el) => { el.hidden = true })
    this.editor = createMinutesEditor(this.textarea, texts, {
      toolbarLabel: form.dataset.toolbarLabel,
      attributes: {
        "aria-labelledby": form.dataset.labelledby,
        "aria-describedby": "minutes-help",
        "aria-multiline": "true",
        "aria-keyshortcuts": "Alt+PageDown Alt+PageUp",
        spellcheck: "true",
      },
      onJump: (direction) => this.jump(direction),
      onRefusedPaste: () => this.setStatus("error", this.form.dataset.msgPasteTooLong, { announced: true }),
    })
    this.editor.on("update", () => this.changed())
    this.editor.on("blur", () => { if (this.dirty) this.save() })
    this.form.addEventListener("submit", (event) => { event.preventDefault(); this.save() })
    this.restoreDraft()
  }

  html() {
    const html = this.editor.getHTML()
    return /^<p><\/p>$/.test(html) ? "" : html
  }

  setHTML(html) {
    this.editor.commands.setContent(html || "", { emitUpdate: false })
  }

  restoreDraft() {
    const draft = readDraft(this.itemId)
    if (!draft) return
    if (draft.html === this.html()) { dropDraft(this.itemId); return }
    if (draft.base === this.version) {
      this.setHTML(draft.html)
      this.dirty = true
      this.setStatus("pending", this.form.dataset.msgRestored)
      this.schedule(300)
    } else {
      // The item was saved by someone else after this draft was written: let the writer merge.
      this.showConflict({ minutes: this.textarea.defaultValue, version: this.version,
                          saved_at: this.form.dataset.savedAt, saved_by: this.form.dataset.savedBy }, draft.html)
    }
  }

  jump(direction) {
    const target = this.items[this.index + direction]
    if (!target) return
    target.form.closest("section").scrollIntoView({ block: "start" })
    target.editor.commands.focus("end")
  }

  setStatus(kind, text, { announced = false } = {}) {
    if (!this.status) return
    this.status.className = "minutes-status small status-" + kind
    this.status.textContent = text
    if (announced) announce(this.title + ": " + text)
  }

  changed() {
    this.dirty = true
    const html = this.html()
    writeDraft(this.itemId, html, this.version)
    if (this.blocked) return
    if (html.length > texts.maxLength) {
      if (!this.tooLong) this.setStatus("error", this.form.dataset.msgTooLong, { announced: true })
      this.tooLong = true
      window.clearTimeout(this.timer)
      return
    }
    this.tooLong = false
    this.setStatus("pending", this.form.dataset.msgPending)
    this.schedule(SAVE_DELAY)
  }

  schedule(delay) {
    window.clearTimeout(this.timer)
    this.timer = window.setTimeout(() => this.save(), delay)
  }

  async save() {
    window.clearTimeout(this.timer)
    if (this.blocked || this.tooLong) return
    if (this.inFlight) { this.schedule(SAVE_DELAY); return }
    const sent = this.html()
    const body = new FormData()
    body.append("minutes", sent)
    body.append("version", String(this.version))
    this.inFlight = true
    this.setStatus("saving", this.form.dataset.msgSaving)
    let response, data
    try {
      response = await fetch(this.url, {
        method: "POST", body, credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRFToken": this.csrf },
      })
      data = await response.json()
    } catch (e) {
      this.inFlight = false
      if (response && !response.ok) {
        this.setStatus("error", this.form.dataset.msgError, { announced: true })
      } else {
        this.setStatus("offline", this.form.dataset.msgOffline, { announced: true })
      }
      this.schedule(RETRY_DELAY)
      return
    }
    this.inFlight = false
    if (response.status === 200) {
      this.setVersion(data.version)
      if (this.html() === sent) {
        this.dirty = false
        dropDraft(this.itemId)
        this.setStatus("saved", this.form.dataset.msgSaved.replace("%s", data.saved_at), { announced: true })
      } else {
        writeDraft(this.itemId, this.html(), this.version)
        this.schedule(SAVE_DELAY)
      }
    } else if (response.status === 409 && data.minutes !== undefined) {
      this.showConflict(data, this.html())
    } else if (data && data.error) {
      // Refused for good (too long, protocol sent for justering): keep the text here and say why.
      this.blocked = response.status !== 413
      this.tooLong = response.status === 413
      writeDraft(this.itemId, this.html(), this.version)
      this.setStatus("error", data.error, { announced: true })
    } else {
      this.setStatus("error", this.form.dataset.msgError, { announced: true })
      this.schedule(RETRY_DELAY)
    }
  }

  setVersion(version) {
    this.version = version
    this.versionInput.value = String(version)
  }

  showConflict(server, mine) {
    this.blocked = true
    writeDraft(this.itemId, mine, this.version)
    this.setStatus("conflict", this.form.dataset.msgConflict, { announced: true })
    const panel = this.conflict
    panel.querySelector(".conflict-theirs").innerHTML = server.minutes || "<p><em>(tom)</em></p>"
    panel.querySelector(".conflict-mine").innerHTML = mine
    panel.querySelector(".conflict-who").textContent = [server.saved_by, server.saved_at].filter(Boolean).join(" ")
    panel.hidden = false
    panel.scrollIntoView({ block: "nearest" })
    const resolve = (html, theirs) => {
      panel.hidden = true
      this.blocked = false
      this.setVersion(server.version)
      this.setHTML(html)
      if (theirs) {
        this.dirty = false
        dropDraft(this.itemId)
        this.setStatus("saved", this.form.dataset.msgTheirs, { announced: true })
      } else {
        this.changed()
        this.save()
      }
      this.editor.commands.focus("end")
    }
    panel.querySelector("[data-resolve=mine]").onclick = () => resolve(mine, false)
    panel.querySelector("[data-resolve=theirs]").onclick = () => resolve(server.minutes, true)
    panel.querySelector("[data-resolve=both]").onclick = () => resolve((server.minutes || "") + mine, false)
  }
}

const items = []
document.querySelectorAll("form.minutes-form").forEach((form, index) => {
  items.push(new MinutesItem(form, index, items))
})
window.addEventListener("online", () => {
  items.forEach((item) => { if (item.dirty && !item.blocked) item.save() })
})
window.addEventListener("beforeunload", (event) => {
  // The drafts survive in localStorage; warn anyway so nobody closes the tab believing everything is saved.
  if (items.some((item) => item.dirty)) { event.preventDefault(); event.returnValue = "" }
})
document.documentElement.dataset.minutesReady = "true"
