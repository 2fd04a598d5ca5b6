/* Keeps a job's progress (jobs/progress.html) current: asks its JSON address every two seconds
 * until the job has finished, then shows the result link or the error. Without this file the
 * page has an "Aktualisieren" link. */
(function () {
  "use strict";

  function update(box, status) {
    var bar = box.querySelector("[data-job-bar]");
    bar.max = status.total || 1;
    if (status.total) {
      bar.value = status.done;
    } else if (status.state === "done") {
      bar.value = 1;
    }
    bar.textContent = status.progress;
    box.querySelector("[data-job-text]").textContent = status.progress;
    box.querySelector("[data-job-state]").textContent = status.state_label;
    var result = box.querySelector("[data-job-result]");
    var link = box.querySelector("[data-job-link]");
    if (status.state === "done") {
      result.hidden = false;
      box.querySelector("[data-job-message]").textContent = status.message;
      if (status.result_url) {
        link.href = status.result_url;
        link.textContent = status.result_label || link.textContent;
        link.hidden = false;
      }
    }
    var error = box.querySelector("[data-job-error]");
    if (status.state === "failed") {
      error.textContent = status.error;
      error.hidden = false;
    }
    if (status.finished) {
      var refresh = box.querySelector("[data-job-refresh]");
      if (refresh) {
        refresh.parentNode.hidden = true;
      }
      if (box.dataset.jobReload !== undefined) {
        window.location.reload();
      }
    }
  }

  function poll(box) {
    fetch(box.dataset.jobStatus, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (status) {
        if (!status) {
          return;
        }
        update(box, status);
        if (!status.finished) {
          window.setTimeout(function () { poll(box); }, 2000);
        }
      })
      .catch(function () {
        window.setTimeout(function () { poll(box); }, 5000);
      });
  }

  document.querySelectorAll("[data-job-status]").forEach(function (box) {
    window.setTimeout(function () { poll(box); }, 1000);
  });
})();
