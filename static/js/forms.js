/* Forms and focus, as progressive enhancement: every page works without this file.
 *
 * - An error summary takes the focus when the page loads, so that a screen reader reads it first.
 * - A link in the summary moves the focus to its field and shows the field's label.
 * - After a form marked data-return-focus (e.g. moving an agenda item) the page comes back with
 *   the focus on the same button, or on the first button of the fragment's target when that
 *   button is gone; the button then describes itself with the page's messages.
 */
(function () {
  "use strict";

  var STORE_KEY = "return-focus";

  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (!summary) {
      return false;
    }
    summary.setAttribute("tabindex", "-1");
    // Once left, a click inside the summary should not give it the focus again.
    summary.addEventListener("blur", function () {
      summary.removeAttribute("tabindex");
    }, {once: true});
    summary.focus();
    return true;
  }

  function labelOf(field) {
    // An option of a group shows the group's legend; any other field its own label.
    var legend = field.closest("fieldset") && field.closest("fieldset").querySelector("legend");
    if (legend && (field.type === "radio" || field.type === "checkbox")) {
      return legend;
    }
    return field.id ? document.querySelector("label[for='" + CSS.escape(field.id) + "']") : null;
  }

  function followSummaryLink(event) {
    var link = event.target.closest(".error-summary a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) {
      return;
    }
    event.preventDefault();
    (labelOf(field) || field).scrollIntoView();
    field.focus({preventScroll: true});
  }

  function rememberButton(event) {
    var form = event.target;
    var button = event.submitter;
    if (!form.hasAttribute("data-return-focus") || !button || !button.id) {
      return;
    }
    try {
      window.sessionStorage.setItem(STORE_KEY, button.id);
    } catch (error) {
      // Without storage the page still works; only the focus stays at the top.
    }
  }

  function takeRememberedButton() {
    try {
      var id = window.sessionStorage.getItem(STORE_KEY);
      window.sessionStorage.removeItem(STORE_KEY);
      return id;
    } catch (error) {
      return null;
    }
  }

  function returnFocus(id) {
    if (!id) {
      return;
    }
    var button = document.getElementById(id);
    if (!button && window.location.hash) {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      button = target && target.querySelector("button");
    }
    if (!button) {
      return;
    }
    var messages = document.getElementById("messages");
    if (messages) {
      // The message says what happened; the button's description carries it to the reader.
      button.setAttribute("aria-describedby", "messages");
      button.addEventListener("blur", function () {
        button.removeAttribute("aria-describedby");
      }, {once: true});
    }
    button.focus();
  }

  document.addEventListener("click", followSummaryLink);
  document.addEventListener("submit", rememberButton);
  var remembered = takeRememberedButton();
  if (!focusErrorSummary()) {
    // After the load, when the browser has scrolled to the fragment (which moves the focus).
    window.addEventListener("load", function () {
      returnFocus(remembered);
    });
  }
}());
