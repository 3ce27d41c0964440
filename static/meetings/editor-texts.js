/* Swedish texts for django-prose-editor's dialogs. The package reads window.gettext when its module loads, so this
   classic script runs first; the texts come from the server (meetings/editor.py) through a JSON script element. */
(function () {
  "use strict";
  var element = document.getElementById("minutes-editor-texts");
  var dialog = element ? JSON.parse(element.textContent).dialog : {};
  var previous = window.gettext;
  window.gettext = function (text) {
    if (Object.prototype.hasOwnProperty.call(dialog, text)) { return dialog[text]; }
    return previous ? previous(text) : text;
  };
}());
