/* The minutes editor: django-prose-editor's extensions, configured by the server (meetings/editor.py), plus what a
   protocol writer needs on top: Tab that leaves the editor, a named toolbar with one tab stop, Word paste that keeps
   paragraphs, lists, bold/italic and tables and drops the rest, and the caret at the end of the text. */
import * as prose from "django-prose-editor/editor"

const ATTRIBUTE = "data-django-prose-editor-minutes"
// Menu items that switch something on and off, so screen readers hear "pressed" / "not pressed".
const TOGGLES = new Set(["heading3", "heading4", "paragraph", "bulletList", "orderedList", "bold", "italic", "link"])

/* ---------- Paste from Word and e-mail ---------- */

function isWordListParagraph(element) {
  const style = element.getAttribute("style") || ""
  return /mso-list:\s*l\d/i.test(style) || /^MsoListParagraph/i.test(element.className || "")
}

function wordListIsOrdered(element) {
  const marker = element.querySelector("[style*='mso-list:Ignore'], [style*='mso-list: Ignore']")
  return !!marker && /^\s*[\dA-Za-z]{1,3}[.)]/.test(marker.textContent)
}

// Word writes lists as paragraphs with a bullet glyph in a hidden span; make them real lists.
function convertWordLists(body) {
  for (const paragraph of Array.from(body.querySelectorAll("p"))) {
    if (!paragraph.isConnected || !isWordListParagraph(paragraph)) continue
    const list = document.createElement(wordListIsOrdered(paragraph) ? "ol" : "ul")
    paragraph.before(list)
    let current = paragraph
    while (current && current.tagName === "P" && isWordListParagraph(current)) {
      const next = current.nextElementSibling
      current.querySelectorAll("[style*='mso-list:Ignore'], [style*='mso-list: Ignore']").forEach((el) => el.remove())
      const item = document.createElement("li")
      const inner = document.createElement("p")
      inner.append(...current.childNodes)
      item.append(inner)
      list.append(item)
      current.remove()
      current = next
    }
  }
}

function rename(element, tagName) {
  const replacement = document.createElement(tagName)
  replacement.append(...element.childNodes)
  element.replaceWith(replacement)
}

// A table inside a table cell becomes one paragraph per row, so nothing is lost and the protocol stays printable.
function flattenNestedTables(body) {
  for (const inner of Array.from(body.querySelectorAll("td table, th table")).reverse()) {
    const paragraphs = Array.from(inner.rows).map((row) => {
      const p = document.createElement("p")
      p.textContent = Array.from(row.cells).map((cell) => cell.textContent.trim()).join(" – ")
      return p
    })
    inner.replaceWith(...paragraphs)
  }
}

export function cleanPastedHTML(html) {
  const doc = new DOMParser().parseFromString(html, "text/html")
  const body = doc.body
  body.querySelectorAll(
    "style, script, meta, link, img, picture, svg, object, iframe, [class*='MsoCommentReference'], " +
    "[style*='mso-comment-reference'], [style*='mso-element:comment-list'], [style*='mso-element: comment-list'], " +
    "[class*='msocomtxt'], [class*='MsoCommentText']"
  ).forEach((el) => el.remove())
  convertWordLists(body)
  body.querySelectorAll("h1, h2").forEach((el) => rename(el, "h3"))
  body.querySelectorAll("h5, h6").forEach((el) => rename(el, "h4"))
  flattenNestedTables(body)
  // Word marks the header row with <thead> or only with bold text; both become header cells of the first row.
  for (const table of body.querySelectorAll("table")) {
    const head = table.tHead && table.tHead.rows[0]
    if (head) {
      for (const cell of Array.from(head.cells)) if (cell.tagName === "TD") rename(cell, "th")
    }
  }
  body.querySelectorAll("[style], [class], [lang], [align], [width]").forEach((el) => {
    el.removeAttribute("style"); el.removeAttribute("class"); el.removeAttribute("lang")
    el.removeAttribute("align"); el.removeAttribute("width")
  })
  return body.innerHTML
}

/* ---------- Toolbar: Swedish names, aria-pressed, one tab stop (roving tabindex) ---------- */

function visibleButtons(toolbar) {
  return Array.from(toolbar.querySelectorAll("button")).filter((b) => !b.classList.contains("hidden"))
}

function syncToolbar(toolbar) {
  for (const button of toolbar.querySelectorAll("button")) {
    if (TOGGLES.has(button.dataset.name)) {
      button.setAttribute("aria-pressed", String(button.classList.contains("active")))
    }
    button.setAttribute("aria-disabled", String(button.classList.contains("disabled")))
  }
  const buttons = visibleButtons(toolbar)
  if (!buttons.some((b) => b.tabIndex === 0)) {
    buttons.forEach((b, n) => { b.tabIndex = n === 0 ? 0 : -1 })
  }
}

function setupToolbar(editor, toolbar, texts, label) {
  toolbar.setAttribute("role", "toolbar")
  toolbar.setAttribute("aria-label", label)
  for (const button of toolbar.querySelectorAll("button")) {
    const name = texts.buttons[button.dataset.name]
    if (name) {
      const shortcut = texts.shortcuts[button.dataset.name]
      button.setAttribute("aria-label", name)
      button.title = shortcut ? `${name} (${shortcut.replace("Control", "Ctrl")})` : name
      if (shortcut) button.setAttribute("aria-keyshortcuts", shortcut)
    }
    button.tabIndex = -1
  }
  toolbar.addEventListener("keydown", (event) => {
    const buttons = visibleButtons(toolbar)
    const index = buttons.indexOf(document.activeElement)
    let target = null
    if (event.key === "ArrowRight") target = buttons[(index + 1) % buttons.length]
    else if (event.key === "ArrowLeft") target = buttons[(index - 1 + buttons.length) % buttons.length]
    else if (event.key === "Home") target = buttons[0]
    else if (event.key === "End") target = buttons[buttons.length - 1]
    else if (event.key === "Escape") { event.preventDefault(); editor.commands.focus(); return }
    if (target) {
      event.preventDefault()
      buttons.forEach((b) => { b.tabIndex = b === target ? 0 : -1 })
      target.focus()
    }
  })
  toolbar.addEventListener("focusin", (event) => {
    if (event.target.tagName === "BUTTON") {
      visibleButtons(toolbar).forEach((b) => { b.tabIndex = b === event.target ? 0 : -1 })
    }
  })
  editor.on("transaction", () => syncToolbar(toolbar))
  syncToolbar(toolbar)
}

/* ---------- Keyboard: Tab leaves the editor, Ctrl+Enter adds a row, Alt+PageDown/PageUp jump between items ---------- */

function firstCellOfNextRow(editor) {
  const { $from } = editor.state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === "tableRow") {
      const nextRow = editor.view.nodeDOM($from.before(depth))?.nextElementSibling
      const cell = nextRow && nextRow.querySelector("td, th")
      return cell ? editor.view.posAtDOM(cell, 0) : null
    }
  }
  return null
}

export function addRowBelow(editor) {
  if (!editor.isActive("table")) return false
  editor.chain().focus().addRowAfter().run()
  const position = firstCellOfNextRow(editor)
  if (position !== null) editor.chain().setTextSelection(position + 1).scrollIntoView().run()
  return true
}

// A paste is cleaned once here, before ProseMirror sees it: what would make the item too long is refused with a
// message instead of freezing the page on a document of tens of thousands of rows.
let lastPaste = { raw: null, clean: null }

function cleanOnce(raw) {
  if (lastPaste.raw !== raw) lastPaste = { raw, clean: cleanPastedHTML(raw) }
  return lastPaste.clean
}

function guardPaste(wrapper, texts, options) {
  wrapper.addEventListener("paste", (event) => {
    const data = event.clipboardData
    if (!data) return
    const html = data.getData("text/html")
    const size = html ? cleanOnce(html).length : data.getData("text/plain").length
    if (size > texts.maxLength) {
      event.preventDefault()
      event.stopPropagation()
      options.onRefusedPaste()
    }
  }, true)
}

function handleKeys(editor, wrapper, options) {
  // Capturing on the wrapper runs before ProseMirror's own handlers on the editable element below it.
  wrapper.addEventListener("keydown", (event) => {
    if (!editor.view.dom.contains(event.target)) return
    if (event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey) {
      const direction = event.shiftKey ? -1 : 1
      const moves = editor.isActive("table") &&
        (direction > 0 ? editor.can().goToNextCell() : editor.can().goToPreviousCell())
      if (!moves) {
        // Out of the table's last (or first) cell, or anywhere else: the browser moves focus, as in any field.
        event.stopPropagation()
      }
      return
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey && editor.isActive("table")) {
      event.preventDefault()
      event.stopPropagation()
      addRowBelow(editor)
      return
    }
    if (event.altKey && (event.key === "PageDown" || event.key === "PageUp")) {
      event.preventDefault()
      event.stopPropagation()
      options.onJump(event.key === "PageDown" ? 1 : -1)
    }
  }, true)
}

/* ---------- The editor ---------- */

function configuredExtensions(config) {
  const extensions = []
  for (const [name, options] of Object.entries(config.extensions)) {
    const extension = prose[name]
    if (!extension) continue
    extensions.push(options && typeof options === "object" ? extension.configure(options) : extension)
  }
  return extensions
}

function lobraExtension(texts, options) {
  return prose.Extension.create({
    name: "lobraMinutes",
    transformPastedHTML(html) {
      return cleanOnce(html)
    },
    addProseMirrorPlugins() {
      return [new prose.Plugin({ props: { attributes: options.attributes } })]
    },
    addMenuItems({ buttons, menu }) {
      // The package's table dialog asks "Yes/No" in English and starts without a header row; a protocol's tables
      // have one. Same dialog helper, Swedish texts, header row on by default.
      menu.defineItem({
        name: "table",
        groups: "table",
        button: buttons.material("grid_on", texts.buttons.table),
        enabled: (editor) => !editor.isActive("table"),
        command(editor) {
          const dialog = prose.updateAttrsDialog({
            rows: { type: "number", title: texts.dialog.Rows, format: "number", min: "1", max: "100" },
            cols: { type: "number", title: texts.dialog.Columns, format: "number", min: "1", max: "12" },
            withHeaderRow: { type: "boolean", title: texts.dialog["Include header row"] },
          }, { title: texts.dialog["Table Properties"], submitText: texts.dialog["Insert Table"] })
          dialog(editor, { rows: "4", cols: "4", withHeaderRow: true }).then((attrs) => {
            if (!attrs) { editor.commands.focus(); return }
            editor.chain().focus().insertTable({
              rows: Math.max(1, Number.parseInt(attrs.rows, 10) || 4),
              cols: Math.max(1, Math.min(12, Number.parseInt(attrs.cols, 10) || 4)),
              withHeaderRow: !!attrs.withHeaderRow,
            }).run()
          })
        },
      })
    },
  })
}

export function createMinutesEditor(textarea, texts, options) {
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE))
  const extensions = configuredExtensions(config)
  extensions.push(lobraExtension(texts, options))
  const editor = prose.createTextareaEditor(textarea, extensions)
  const wrapper = editor.view.dom.parentElement
  // Tiptap builds the menu bar in its "create" event, one task after the editor exists.
  const withToolbar = () => {
    const toolbar = editor.storage.menu && editor.storage.menu.dom
    if (toolbar && !toolbar.hasAttribute("role")) setupToolbar(editor, toolbar, texts, options.toolbarLabel)
  }
  editor.on("create", withToolbar)
  withToolbar()
  handleKeys(editor, wrapper, options)
  guardPaste(wrapper, texts, options)
  // Coming back to an item with the keyboard continues the text instead of starting above it.
  editor.commands.setTextSelection(editor.state.doc.content.size)
  return editor
}
