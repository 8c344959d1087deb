/*
 * What only some pages need, loaded by curriculum.js when a page has them (it shares its tick
 * store and formatting through window.curriculumShared). Nothing here talks to another host.
 *
 * 5. Progress that moves: ticks saved to a file, and a file's ticks added to this browser's.
 * 6. This week and what I missed, for the programme the trainee chose.
 * 7. The skills record: the "I can" ticked and the weeks completed, with the trainee's name.
 */
(function () {
  "use strict";

  var shared = window.curriculumShared;
  var prefix = shared.prefix;
  var root = shared.root;
  var ticked = shared.ticked;
  var tick = shared.tick;
  var fill = shared.fill;
  var number = shared.number;
  var duration = shared.duration;
  var showProgress = shared.showProgress;
  var showTicks = shared.showTicks;

  /* 5. Progress that moves with the trainee ---------------------------------------------- */

  // A file of ticks: {"format": "curriculum-progress", "version": 1, "ticks": [keys]}. Opening one
  // adds its ticks and never removes one; a damaged, foreign or newer file changes nothing.
  var FORMAT = "curriculum-progress";
  var VERSION = 1;
  var KEY = /^[a-z0-9][a-z0-9._\/-]{0,200}$/;

  function allTicks() {
    var out = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        // Ticks only: "@programme" and "@name" are the trainee's choices, not ticks.
        if (key && key.indexOf(prefix) === 0 && key.charAt(prefix.length) !== "@" &&
            localStorage.getItem(key) === "1") {
          out.push(key.slice(prefix.length));
        }
      }
    } catch (e) { /* storage blocked: nothing to save */ }
    return out.sort();
  }

  function readTicks(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return "failed"; }
    if (!data || typeof data !== "object" || data.format !== FORMAT) return "unsupported";
    if (typeof data.version !== "number") return "failed";
    if (data.version > VERSION) return "newer";
    if (!Array.isArray(data.ticks)) return "failed";
    for (var i = 0; i < data.ticks.length; i++) {
      if (typeof data.ticks[i] !== "string" || !KEY.test(data.ticks[i])) return "failed";
    }
    return data.ticks;
  }

  function setUpTransfer(box) {
    var button = box.querySelector("[data-cur-export]");
    var chooser = box.querySelector(".cur-transfer__import");
    var input = chooser.querySelector("input[type=file]");
    var status = box.querySelector(".cur-transfer__status");
    button.hidden = false;
    chooser.hidden = false;
    button.onclick = function () {
      var ticks = allTicks();
      var file = JSON.stringify({
        format: FORMAT, version: VERSION, site: root.href, saved: new Date().toISOString(),
        ticks: ticks
      }, null, 1);
      var url = URL.createObjectURL(new Blob([file], { type: "application/json" }));
      var link = document.createElement("a");
      link.href = url;
      link.download = "progress-" + new Date().toISOString().slice(0, 10) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      status.textContent = fill(button.getAttribute("data-cur-done-text"), { count: number(ticks.length) });
    };
    input.onchange = function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var read = file.size > 2e6 ? Promise.resolve("") : file.text();
      read.then(function (text) {
        var ticks = readTicks(text);
        if (typeof ticks === "string") {
          status.textContent = status.getAttribute("data-cur-" + ticks + "-text");
          return;
        }
        var added = 0;
        ticks.forEach(function (key) {
          if (!ticked(key)) { tick(key, true); added += 1; }
        });
        status.textContent = fill(status.getAttribute("data-cur-text"), {
          added: number(added), kept: number(ticks.length - added)
        });
        showTicks();
      }).then(function () { input.value = ""; });
    };
  }

  /* 6. This week, and what I missed ------------------------------------------------------- */

  // The trainee picks a programme once (kept in this browser); the box then says when the next
  // session is, which week to prepare for it and how far they are, and lists the weeks whose
  // session has passed with required items not ticked. From the programme's sessions file and the
  // ticks: nothing is sent anywhere, and it works offline.
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function setUpCohort(box) {
    var choice = box.querySelector("select");
    var now = box.querySelector(".cur-cohort__now");
    var missedTitle = box.querySelector(".cur-cohort__missed-title");
    var missed = box.querySelector(".cur-cohort__missed");
    var key = prefix + "@programme";
    var text = function (name) { return box.getAttribute("data-cur-" + name + "-text"); };
    var saved = null;
    try { saved = localStorage.getItem(key); } catch (e) { /* blocked: ask again next time */ }
    choice.value = saved || box.getAttribute("data-cur-cohort") || "";
    if (choice.selectedIndex < 0) choice.value = "";
    box.hidden = false;
    choice.onchange = function () {
      try {
        if (choice.value) localStorage.setItem(key, choice.value);
        else localStorage.removeItem(key);
      } catch (e) { /* blocked: the choice lasts until the page closes */ }
      show();
    };

    function add(parent, tag, content) {
      var el = document.createElement(tag);
      el.textContent = content;
      parent.appendChild(el);
      return el;
    }

    function link(parent, session, base) {
      var a = document.createElement("a");
      a.href = new URL(session.url, base).href;
      a.textContent = session.label;
      parent.appendChild(a);
      return a;
    }

    function show() {
      now.textContent = "";
      missed.textContent = "";
      missedTitle.hidden = true;
      var option = choice.options[choice.selectedIndex];
      var address = option && option.getAttribute("data-cur-sessions");
      if (!address) return;
      var base = new URL(address, location.href);
      fetch(base.href).then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.json();
      }).then(function (data) { render(data.sessions, base); })
        .catch(function () { /* offline and never saved: the box stays empty */ });
    }

    function render(sessions, base) {
      var day = today();
      var coming = sessions.filter(function (s) { return s.date >= day && s.kind !== "break"; });
      var nextWeek = coming.filter(function (s) { return s.kind === "week"; })[0];
      if (!coming.length) {
        add(now, "p", text("ended"));
      } else if (day < sessions[0].date) {
        add(now, "p", fill(text("not-started"), { when: sessions[0].when }));
      } else {
        add(now, "p", fill(text(coming[0].kind === "visit" ? "visit" : "next"), { when: coming[0].when }));
      }
      if (nextWeek) {
        var line = add(now, "p", text("prepare") + " ");
        link(line, nextWeek, base);
        var progress = document.createElement("p");
        progress.className = "cur-progress";
        progress.setAttribute("data-cur-progress", nextWeek.items.map(function (item) {
          return item[0] + ":" + item[1];
        }).join(" "));
        ["data-cur-text", "data-cur-done-text", "data-cur-hm"].forEach(function (name) {
          progress.setAttribute(name, box.getAttribute(name));
        });
        now.appendChild(progress);
        showProgress(progress);
      }
      var past = sessions.filter(function (s) { return s.kind === "week" && s.date < day; });
      if (!past.length) return;
      missedTitle.hidden = false;
      var hm = box.getAttribute("data-cur-hm");
      var behind = past.map(function (s) {
        var left = s.items.reduce(function (sum, item) {
          return ticked(item[0]) ? sum : sum + item[1];
        }, 0);
        return { session: s, left: left };
      }).filter(function (entry) { return entry.left > 0; });
      if (!behind.length) {
        add(missed, "p", text("missed-none"));
        return;
      }
      var total = behind.reduce(function (sum, entry) { return sum + entry.left; }, 0);
      add(missed, "p", fill(text("missed"), { duration: duration(total, hm) }));
      var list = add(missed, "ul", "");
      behind.forEach(function (entry) {
        var item = add(list, "li", "");
        link(item, entry.session, base);
        item.appendChild(document.createTextNode(": " + duration(entry.left, hm)));
      });
      add(missed, "p", text("encourage"));
    }

    show();
  }

  /* 7. The skills record ----------------------------------------------------------------- */

  // The page lists every check and week of the programme; this shows the checks ticked in the
  // self-evaluations and counts the weeks whose required items are all ticked. The name typed
  // stays in this browser, like the ticks.
  function setUpRecord(box) {
    var lang = document.documentElement.lang || "en";
    var input = box.querySelector(".cur-record__name");
    var key = prefix + "@name";
    try { input.value = localStorage.getItem(key) || ""; } catch (e) { /* blocked: type it */ }
    input.oninput = function () {
      try {
        if (input.value.trim()) localStorage.setItem(key, input.value);
        else localStorage.removeItem(key);
      } catch (e) { /* blocked: the name lasts until the page closes */ }
    };
    var done = 0;
    var total = 0;
    box.querySelectorAll("[data-cur-weeks]").forEach(function (line) {
      var weeks = line.getAttribute("data-cur-weeks").split(",").map(function (week) {
        return week.split(" ").filter(Boolean);
      }).filter(function (keys) { return keys.length > 0; });
      var complete = weeks.filter(function (keys) { return keys.every(ticked); }).length;
      done += complete;
      total += weeks.length;
      line.textContent = fill(line.getAttribute("data-cur-text"), {
        done: number(complete), total: number(weeks.length)
      });
    });
    var sum = box.querySelector(".cur-record__total");
    sum.textContent = fill(sum.getAttribute("data-cur-text"), { done: number(done), total: number(total) });
    box.querySelectorAll(".cur-record__module").forEach(function (module) {
      var shown = 0;
      module.querySelectorAll("[data-cur-can]").forEach(function (check) {
        check.hidden = !ticked(check.getAttribute("data-cur-can"));
        if (!check.hidden) shown += 1;
      });
      var none = module.querySelector(".cur-record__none");
      if (none) none.hidden = shown > 0;
    });
    var date = new Intl.DateTimeFormat(lang, {
      dateStyle: "long", calendar: "gregory", numberingSystem: "latn"
    }).format(new Date());
    box.querySelector(".cur-record__date").textContent = fill(box.getAttribute("data-cur-date-text"), { date: date });
    document.querySelectorAll(".cur-record__wait").forEach(function (wait) { wait.hidden = true; });
    box.hidden = false;
  }

  window.curriculumMore = {
    setUp: function () {
      document.querySelectorAll(".cur-transfer").forEach(setUpTransfer);
      document.querySelectorAll(".cur-cohort").forEach(setUpCohort);
      document.querySelectorAll(".cur-record").forEach(setUpRecord);
    }
  };
})();
