// Today page extras (the page works without them): a rest timer after each set, and saving
// the session as each set is entered. The form's client id makes every save update one workout.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form) return;
  var status = form.querySelector(".save-state");
  var timer = document.querySelector(".rest-timer");
  var clock = timer && timer.querySelector(".time");
  var ticking = null;
  var saving = false;
  var again = false;

  function show(text) { if (status) status.textContent = text; }

  function stopTimer() {
    if (ticking) clearInterval(ticking);
    ticking = null;
    if (timer) timer.hidden = true;
  }

  function startTimer(seconds) {
    if (!timer || !clock || !(seconds > 0)) return;
    stopTimer();
    var end = Date.now() + seconds * 1000;
    timer.hidden = false;
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      clock.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      if (left === 0) {
        stopTimer();
        if (navigator.vibrate) navigator.vibrate(300);
        show("Rest over: next set.");
      }
    }
    tick();
    ticking = setInterval(tick, 500);
  }

  function save() {
    if (saving) { again = true; return; }
    saving = true;
    show("Saving…");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (response) {
      show(response.ok ? "Saved." : "Not saved (" + response.status + "). The button below saves everything.");
    }).catch(function () {
      show("Offline: not saved yet. The button below saves everything.");
    }).then(function () {
      saving = false;
      if (again) { again = false; save(); }
    });
  }

  function rowDone(row) {
    var reps = row.querySelector("input[name=reps]:not([type=hidden]), input[name=seconds]:not([type=hidden])");
    return reps && reps.value.trim() !== "";
  }

  form.addEventListener("change", function (event) {
    var row = event.target.closest ? event.target.closest("tr.set-row") : null;
    if (!row) return;
    if (rowDone(row)) {
      row.classList.add("done");
      var lift = row.closest(".lift");
      startTimer(lift ? parseInt(lift.getAttribute("data-rest"), 10) : 90);
    }
    save();
  });
  var skip = timer && timer.querySelector(".stop");
  if (skip) skip.addEventListener("click", stopTimer);
})();
