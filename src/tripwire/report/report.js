// Draws each story's timeline as inline SVG from the JSON embedded in the page. No network.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  function el(name, attrs, parent) {
    var n = document.createElementNS(NS, name);
    for (var k in attrs) { n.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(n); }
    return n;
  }
  function day(s) {
    if (!s) { return null; }
    var p = String(s).split("-");
    return Date.UTC(+p[0], p[1] ? +p[1] - 1 : 0, p[2] ? +p[2] : 1) / 864e5;
  }
  function draw(svg, data) {
    var W = 1000, left = 130, right = 20, laneH = 34, top = 14;
    var lanes = [];
    data.clusters.forEach(function (c) { if (lanes.indexOf(c.type) < 0) { lanes.push(c.type); } });
    var H = top + lanes.length * laneH + 30;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    var dated = data.clusters.filter(function (c) { return day(c.date) !== null; });
    if (!dated.length) { el("text", {x: left, y: 20}, svg).textContent = "no dated clusters"; return; }
    var lo = Math.min.apply(null, dated.map(function (c) { return day(c.date); }));
    var hi = Math.max.apply(null, dated.map(function (c) { return day(c.date); }));
    if (hi - lo < 60) { lo -= 30; hi += 30; }
    var pad = (hi - lo) * 0.03; lo -= pad; hi += pad;
    function x(d) { return left + (d - lo) / (hi - lo) * (W - left - right); }
    var axisY = top + lanes.length * laneH + 4;
    lanes.forEach(function (t, i) {
      var y = top + i * laneH + laneH / 2;
      el("line", {x1: left, x2: W - right, y1: y, y2: y, "class": "lane"}, svg);
      el("text", {x: left - 8, y: y + 4, "text-anchor": "end"}, svg).textContent = t.replace(/_/g, " ");
    });
    el("line", {x1: left, x2: W - right, y1: axisY, y2: axisY, "class": "axis"}, svg);
    var y0 = new Date(lo * 864e5).getUTCFullYear(), y1 = new Date(hi * 864e5).getUTCFullYear();
    var span = hi - lo, step = span > 900 ? 12 : span > 300 ? 3 : 1;
    for (var y = y0; y <= y1; y++) {
      for (var m = 0; m < 12; m += step) {
        var d = Date.UTC(y, m, 1) / 864e5;
        if (d < lo || d > hi) { continue; }
        el("line", {x1: x(d), x2: x(d), y1: axisY, y2: axisY + 5, "class": "axis"}, svg);
        el("text", {x: x(d), y: axisY + 18, "text-anchor": "middle"}, svg).textContent =
          step === 12 ? String(y) : y + "-" + ("0" + (m + 1)).slice(-2);
      }
    }
    dated.forEach(function (c) {
      var cy = top + lanes.indexOf(c.type) * laneH + laneH / 2;
      var r = Math.min(4 + 2.2 * Math.sqrt(c.sources || 1) * 1.6, 15);
      var cls = c.polarity === "negative" ? "negative" : c.coarse;
      var dot = el("circle", {cx: x(day(c.date)), cy: cy, r: r, "class": cls, "data-cluster": c.id}, svg);
      el("title", {}, dot).textContent = c.date + " — " + c.title + " (" + c.stage + ", " +
        c.sources + " independent source" + (c.sources === 1 ? "" : "s") + ")";
      dot.addEventListener("click", function () {
        var target = document.getElementById("cluster-" + c.id);
        if (target) {
          target.scrollIntoView({behavior: "smooth", block: "start"});
          target.classList.add("flash");
          setTimeout(function () { target.classList.remove("flash"); }, 1200);
        }
      });
    });
    svg.setAttribute("data-drawn", String(dated.length));
  }
  function init() {
    var svgs = document.querySelectorAll("svg.timeline[data-story]");
    Array.prototype.forEach.call(svgs, function (svg) {
      var blob = document.getElementById("data-" + svg.getAttribute("data-story"));
      if (blob) { draw(svg, JSON.parse(blob.textContent)); }
    });
    document.body.setAttribute("data-timelines", String(svgs.length));
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
