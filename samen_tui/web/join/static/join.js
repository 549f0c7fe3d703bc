// samen: follows the trainer's step. Every form works without this script; it only
// asks the server every second which step the room is on and shows the new step
// (at once when nothing is being typed, else after a tap on the notice it shows),
// and the page again when the trainer opens or closes the step for input.
(function () {
  "use strict";
  var body = document.body;
  var poll = body.getAttribute("data-poll");
  var step = body.getAttribute("data-step");
  var open = body.getAttribute("data-open");
  if (!poll || step === null) { return; }
  var shown = false;
  function typing() {
    var fields = document.querySelectorAll("input[type=text]");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value || fields[i] === document.activeElement) { return true; }
    }
    return false;
  }
  function follow() {
    location.replace(location.pathname);
  }
  function notice() {
    if (shown) { return; }
    shown = true;
    var p = document.createElement("p");
    p.className = "notice info behind";
    p.setAttribute("role", "status");
    var a = document.createElement("a");
    a.href = location.pathname;
    a.textContent = body.getAttribute("data-moved") || "\u21bb";
    p.appendChild(a);
    document.querySelector("main").prepend(p);
  }
  function tick() {
    var request = new XMLHttpRequest();
    request.open("GET", poll, true);
    request.timeout = 4000;
    request.onload = function () {
      if (request.status !== 200) { return; }
      var state;
      try { state = JSON.parse(request.responseText); } catch (e) { return; }
      if (state.step !== step) {
        if (typing()) { notice(); } else { follow(); }
      } else if (String(state.open) !== open && !typing()) {
        follow();
      }
    };
    request.send();
  }
  window.setInterval(tick, 1000);
})();
