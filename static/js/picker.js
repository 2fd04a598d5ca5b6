/* Pickers, as progressive enhancement (see core/widgets.py).
 *
 * - [data-picker]: the widget's search field becomes an ARIA 1.2 combobox with a listbox of the
 *   server's matches (arrow keys, Enter chooses, Escape closes). A multi-picker shows its choices
 *   as removable chips, each with a hidden input carrying the id; a single picker keeps the id in
 *   one hidden input. A live region announces the number of matches and every change.
 * - [data-checkbox-filter]: a short checkbox list gets a text field that hides the boxes whose
 *   label does not contain the text.
 * Without this script the server renders checkboxes and answers a typed search itself.
 */
(function () {
  "use strict";

  var DELAY = 200;  // ms after the last keystroke before asking the server
  var MIN_TO_FILTER = 6;  // a shorter checkbox list is read at a glance

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function labelFor(input) {
    var label = document.querySelector("label[for='" + CSS.escape(input.id) + "']");
    if (label && !label.id) {
      label.id = input.id + "_label";
    }
    return label;
  }

  function setUpPicker(root) {
    var texts = root.dataset;
    var multiple = texts.picker === "multiple";
    var name = texts.name;
    var input = root.querySelector(".picker__input");
    var status = root.querySelector(".picker__status");
    var hint = root.querySelector(".picker__hint");
    var listbox = element("ul", "picker__listbox");
    var combo = element("div", "picker__combo");
    var results = [];
    var active = -1;
    var timer = null;
    var request = null;
    var chips = null;
    var hidden = null;
    var current = {id: "", label: ""};

    // The choices the server rendered as ticked boxes or a checked radio button.
    var chosen = Array.prototype.filter.call(
      root.querySelectorAll("input[type=checkbox], input[type=radio]"),
      function (box) { return box.checked && box.value; }
    ).map(function (box) {
      return {id: box.value, label: labelFor(box).textContent.trim()};
    });
    root.querySelectorAll(".picker__selected, .picker__matches, .picker__choices, .picker__note")
      .forEach(function (node) { node.remove(); });

    input.removeAttribute("name");  // typed text is only a way to find entries
    input.value = "";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    listbox.id = input.id + "_listbox";
    listbox.setAttribute("role", "listbox");
    var label = labelFor(input);
    if (label) {
      listbox.setAttribute("aria-labelledby", label.id);
    }
    listbox.hidden = true;
    input.setAttribute("aria-controls", listbox.id);
    input.parentNode.insertBefore(combo, input);
    combo.appendChild(input);
    combo.appendChild(listbox);
    if (hint) {
      hint.textContent = texts.textHint;
    }

    if (multiple) {
      chips = element("ul", "picker__chips");
      chips.setAttribute("aria-label", texts.textSelected);
      root.insertBefore(chips, root.firstChild);
      chosen.forEach(addChip);
      showChips();
    } else {
      hidden = element("input");
      hidden.type = "hidden";
      hidden.name = name;
      root.appendChild(hidden);
      if (chosen.length) {
        choose(chosen[0], true);
      }
    }

    function announce(text) {
      status.textContent = text;
    }

    function showChips() {
      chips.hidden = !chips.children.length;
    }

    function chosenIds() {
      return Array.prototype.map.call(
        root.querySelectorAll("input[type=hidden][name='" + CSS.escape(name) + "']"),
        function (field) { return field.value; }
      );
    }

    function addChip(entry) {
      var chip = element("li", "picker__chip");
      var value = element("input");
      var remove = element("button", "picker__remove");
      chip.appendChild(element("span", "picker__chip-label", entry.label));
      value.type = "hidden";
      value.name = name;
      value.value = entry.id;
      remove.type = "button";
      remove.appendChild(element("span", "", "×")).setAttribute("aria-hidden", "true");
      remove.appendChild(element("span", "visually-hidden", fill(texts.textRemove, entry)));
      remove.addEventListener("click", function () {
        var next = chip.nextElementSibling || chip.previousElementSibling;
        chip.remove();
        showChips();
        announce(fill(texts.textRemoved, entry));
        (next ? next.querySelector("button") : input).focus();
      });
      chip.appendChild(value);
      chip.appendChild(remove);
      chips.appendChild(chip);
    }

    function choose(entry, quietly) {
      results = [];
      if (multiple) {
        addChip(entry);
        showChips();
        input.value = "";
      } else {
        current = entry;
        hidden.value = entry.id;
        input.value = entry.label;
      }
      close();
      if (!quietly) {
        announce(fill(multiple ? texts.textAdded : texts.textChosen, entry));
      }
    }

    function open() {
      if (results.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = listbox.children;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      options[index].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({block: "nearest"});
    }

    function show(data) {
      var taken = multiple ? chosenIds() : [];
      results = data.results.filter(function (entry) {
        return taken.indexOf(String(entry.id)) === -1;
      });
      listbox.textContent = "";
      results.forEach(function (entry, index) {
        var option = element("li", "picker__option", entry.label);
        option.id = listbox.id + "_" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.addEventListener("click", function () {
          choose({id: String(entry.id), label: entry.label});
          input.focus();
        });
        listbox.appendChild(option);
      });
      close();
      if (document.activeElement === input) {  // an answer after the user left stays closed
        open();
      }
      var count = results.length;
      if (!count) {
        announce(texts.textNone);
      } else if (data.more) {
        announce(fill(texts.textMore, {count: count}));
      } else {
        announce(count === 1 ? texts.textOne : fill(texts.textMany, {count: count}));
      }
    }

    function search() {
      var text = input.value.trim();
      if (request) {
        request.abort();
      }
      if (!text) {
        results = [];
        close();
        return;
      }
      var url = new URL(texts.searchUrl, window.location.href);
      url.searchParams.set("q", text);
      request = new AbortController();
      fetch(url, {headers: {Accept: "application/json"}, signal: request.signal, credentials: "same-origin"})
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(show)
        .catch(function (error) {
          if (error.name !== "AbortError") {
            results = [];
            close();
            announce(texts.textFailed);
          }
        });
    }

    input.addEventListener("input", function () {
      if (!multiple && !input.value.trim()) {
        current = {id: "", label: ""};
        hidden.value = "";
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !listbox.hidden;
      switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        if (!results.length) {
          window.clearTimeout(timer);
          search();
          return;
        }
        if (!expanded) {
          open();
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        var start = active === -1 && step === -1 ? results.length : active;
        highlight((start + step + results.length) % results.length);
        break;
      case "Enter":
        // With the list open, Enter chooses; it never sends the form with a half-typed name.
        if (expanded) {
          event.preventDefault();
          if (active >= 0) {
            choose({id: String(results[active].id), label: results[active].label});
          } else {
            close();
          }
        }
        break;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = multiple ? "" : current.label;
        }
        break;
      default:
        break;
      }
    });

    // A click into the list must not take the focus from the combobox first.
    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });

    input.addEventListener("blur", function () {
      window.clearTimeout(timer);
      close();
      if (!multiple) {
        // What the field shows is what the form sends: the choice, or nothing.
        input.value = input.value.trim() ? current.label : "";
        if (!input.value) {
          current = {id: "", label: ""};
          hidden.value = "";
        }
      }
    });
  }

  function setUpCheckboxFilter(root) {
    var texts = root.dataset;
    var list = root.querySelector("[id]") || root;
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[type=checkbox]"));
    if (boxes.length < MIN_TO_FILTER) {
      return;
    }
    var wrapper = element("div", "checkbox-filter__search");
    var label = element("label", "", texts.textLabel);
    var input = element("input");
    var status = element("p", "visually-hidden");
    input.type = "text";
    input.id = list.id + "_filter";
    input.autocomplete = "off";
    label.htmlFor = input.id;
    status.setAttribute("role", "status");
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    root.insertBefore(wrapper, root.firstChild);
    root.appendChild(status);

    input.addEventListener("input", function () {
      var text = input.value.trim().toLowerCase();
      var shown = 0;
      boxes.forEach(function (box) {
        var row = box.closest("label").parentNode;
        var match = !text || row.textContent.toLowerCase().indexOf(text) !== -1;
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = text ? fill(texts.textCount, {shown: shown, total: boxes.length}) : "";
    });
    // Enter in the filter field must not submit the whole form.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
  }

  document.querySelectorAll("[data-picker]").forEach(setUpPicker);
  document.querySelectorAll("[data-checkbox-filter]").forEach(setUpCheckboxFilter);
}());
