// The explorer loader of the HTML book (copied to _static by the bookbuild extension; our own code).
//
// Nothing is fetched or run for an explorer until it nears the screen: the Vega runtime is the
// heaviest script a page has (a phone spends most of a second parsing it) and a reader may never
// scroll that far. Then the runtime and the explorer's compiled spec come in <script> tags (they load
// from file:// too, where fetch() is refused) and the live view replaces the build-time drawing.
//
// Under the live chart a reader gets the outcome the chapter talks about as a number that follows
// the sliders (read from the precomputed grid in the spec's usermeta, widgets/explorer.py), a button
// back to the opening state, and the sliders' state in the page's address (?<explorer>.<slider>=value),
// so a link reproduces it; an address with such a state sets the sliders when the explorer is built.
// The explorer's data view under it (widgets/chartdata.py) shows the rows drawn now: it follows the sliders.
(function () {
  var root = document.documentElement.dataset.content_root || "";
  function load(src) {
    return new Promise(function (done, fail) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = done;
      script.onerror = function () { fail(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }
  var runtime = null;
  function vega() {
    return runtime || (runtime = window.vegaEmbed ? Promise.resolve() : load(root + "_static/vega-bundle.js"));
  }
  // The explorer's controls: signals bound to a slider (or the checkbox that fits the y-axis), with
  // their opening values.
  function sliders(spec) {
    return (spec.signals || []).filter(function (s) {
      return s.bind && (s.bind.input === "range" || s.bind.input === "checkbox");
    });
  }
  // The theme's "Back to top" pill floats at 90% of the screen's height: it stays away while an
  // explorer's controls are on screen, so it never covers a slider (explorers.css hides it).
  var onScreen = new Set();
  var controls = window.IntersectionObserver && new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) onScreen.add(e.target); else onScreen.delete(e.target); });
    document.documentElement.classList.toggle("explorer-on-screen", onScreen.size > 0);
  });
  var pending = null, next = null;
  function remember(key, state) {  // the sliders' state into the address, at most every 200 ms
    var url = next || (next = new URL(window.location.href));
    Object.keys(state).forEach(function (name) {
      if (state[name] === null) url.searchParams.delete(key + "." + name);
      else url.searchParams.set(key + "." + name, state[name]);
    });
    clearTimeout(pending);
    pending = setTimeout(function () {
      next = null;
      try { history.replaceState(history.state, "", url.href); } catch (e) { console.warn(e); }
    }, 200);
  }
  // A function that refills the explorer's data table (widgets/chartdata.py) with the rows drawn at the
  // sliders' setting: the rows of the datasets it names, as Vega read them (a CSV's cells stay text); a
  // row without a slider's column (another layer's) is drawn at every setting.
  function follow(el, spec, view) {
    var box = document.getElementById(el.id + "-data");
    var parts = box && box.dataset.parts ? box.dataset.parts.split(" ") : [];
    var known = parts.every(function (name) { return (spec.data || []).some(function (d) { return d.name === name; }); });
    if (!parts.length || !known) return function () {};
    var columns = Array.from(box.querySelectorAll("thead th"), function (th) { return th.textContent; });
    var ranges = sliders(spec).filter(function (s) { return s.bind.input === "range" && columns.indexOf(s.name) >= 0; });
    return function () {
      var body = document.createElement("tbody"), count = 0;
      parts.forEach(function (name, i) {
        view.data(name).forEach(function (row) {
          var here = ranges.every(function (s) {
            var v = row[s.name];
            return v === null || v === undefined || v === "" || Math.abs(v - view.signal(s.name)) < s.bind.step / 2;
          });
          if (!here) return;
          var tr = body.insertRow();
          columns.forEach(function (c) {
            var v = parts.length > 1 && c === "part" ? i + 1 : row[c];
            tr.insertCell().textContent = v ?? "";
          });
          count++;
        });
      });
      box.querySelector("tbody").replaceWith(body);
      box.querySelector(".chart-data-count").textContent = count;
      box.querySelector(".chart-data-at").textContent = ranges.map(function (s) {
        return s.bind.name.trim() + " " + view.signal(s.name);
      }).join(", ");
    };
  }
  function wire(el, spec, view) {
    var meta = (spec.usermeta || {}).explorer || {};
    var key = el.dataset.key || el.id, bound = sliders(spec), asked = new URL(window.location.href).searchParams;
    var panel = document.createElement("div");
    panel.className = "explorer-panel";
    var outcome = meta.outcome, number = null, table = follow(el, spec, view);
    if (outcome) {
      var line = document.createElement("p");
      line.className = "explorer-outcome";
      line.textContent = outcome.label + ": ";
      number = document.createElement("output");
      number.setAttribute("aria-live", "polite");
      line.append(number);
      panel.append(line);
    }
    function show() {
      table();
      if (!number) return;
      var index = 0;
      outcome.params.forEach(function (name, i) {
        var s = bound.filter(function (b) { return b.name === name; })[0], b = s.bind;
        var k = Math.round((view.signal(name) - b.min) / b.step);
        index = index * outcome.sizes[i] + Math.max(0, Math.min(outcome.sizes[i] - 1, k));
      });
      number.value = outcome.values[index];
    }
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "explorer-reset";
    reset.textContent = "Reset to the opening values";
    reset.addEventListener("click", function () {
      var state = {};
      bound.forEach(function (s) { view.signal(s.name, s.value); state[s.name] = null; });
      view.runAsync().then(show);
      remember(key, state);
    });
    panel.append(reset);
    bound.forEach(function (s) {
      var given = asked.get(key + "." + s.name);
      var value = given === null ? NaN : +given, b = s.bind;
      if (b.input === "checkbox") {
        if (given !== null) view.signal(s.name, given === "true");
      } else if (isFinite(value) && value >= b.min && value <= b.max) {
        view.signal(s.name, +(b.min + Math.round((value - b.min) / b.step) * b.step).toFixed(10));
      }
      view.addSignalListener(s.name, function (name, v) {
        var state = {};
        state[name] = v === s.value ? null : v;
        show();
        remember(key, state);
      });
    });
    return view.runAsync().then(function () { show(); return panel; });
  }
  function embed(el) {
    Promise.all([load(el.dataset.spec), vega()]).then(function () {
      el.style.minHeight = el.offsetHeight + "px";  // no jump while the drawing is replaced
      el.textContent = "";
      // Vega puts slider bindings in a <form> with no submit button (WCAG H32): they go in a <div>
      // beside the chart (vegaEmbed empties the chart's element), moved into it once drawn.
      var bind = document.createElement("div");
      bind.className = "vega-bindings";
      bind.id = el.id + "-bind";
      el.after(bind);
      var spec = window.bookExplorerSpecs[el.id];  // set by each explorer's spec file (bookbuild/lean.py)
      return vegaEmbed(el, spec, {mode: "vega", actions: false, renderer: "svg", bind: "#" + bind.id})
        .then(function (result) { return wire(el, spec, result.view); })
        .then(function (panel) {
          if (bind.childElementCount) el.append(bind); else bind.remove();
          if (panel.querySelector(".explorer-outcome")) bind.before(panel.querySelector(".explorer-outcome"));
          el.append(panel);
          controls.observe(panel);
          if (bind.isConnected) controls.observe(bind);
        });
    }).then(function () { el.dataset.live = "1"; el.style.minHeight = ""; }).catch(console.error);
  }
  // Scrolled to again for a second: boxes above it are laid out as they near the screen
  // (content-visibility in book.css) and push it down. A reader's own scroll stops it.
  function reach(el) {
    var left = 10, stop = function () { left = 0; };
    ["wheel", "touchstart", "keydown"].forEach(function (type) { window.addEventListener(type, stop, {once: true}); });
    (function again() {
      if (left-- <= 0) return;
      el.scrollIntoView({block: "center"});
      setTimeout(again, 100);
    })();
  }
  function start() {
    var explorers = document.querySelectorAll(".vega-explorer[data-spec]");
    if (!explorers.length) {
      // A page with none fetches the runtime (without running it) a second after it has loaded, so
      // the next chapter's explorers respond at once on a slow link; this page's own files come first.
      // Not for a reader who asks to save data or is on a 2g link: explorers still load when near.
      var link = navigator.connection || {};
      if (link.saveData || /2g$/.test(link.effectiveType || "")) return;
      setTimeout(function () {
        var hint = document.createElement("link");
        hint.rel = "prefetch";
        hint.href = root + "_static/vega-bundle.js";
        document.head.appendChild(hint);
      }, 1000);
      return;
    }
    var near = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        near.unobserve(entry.target);
        embed(entry.target);
      });
    }, {rootMargin: "150% 0px"});  // a screen and a half ahead: on a slow link the files are in by then
    explorers.forEach(function (el) { near.observe(el); });
    // A link that carries an explorer's state (and no section to go to) opens at that explorer.
    var asked = Array.from(new URL(window.location.href).searchParams.keys());
    var linked = Array.from(explorers).filter(function (el) {
      return asked.some(function (name) { return name.indexOf(el.dataset.key + ".") === 0; });
    })[0];
    if (linked && !window.location.hash) reach(linked);
  }
  if (document.readyState === "complete") start(); else window.addEventListener("load", start);
})();
