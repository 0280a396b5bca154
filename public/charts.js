// Spotter's charts: draws every <figure class="chart"> of the page with ECharts, served from
// this site (/echarts.min.js, loaded only when a page has a chart). The figure carries the
// ECharts option the server stored (data only: no functions, no HTML) in `data-option`, and
// the same data as a table, open until the chart is drawn: without JavaScript, or if drawing
// fails, the table is what the reader sees. Charts follow the light/dark theme, resize with
// their box, and new ones (a reply that just finished) are drawn as they appear.
(function () {
  "use strict";
  var dark = window.matchMedia("(prefers-color-scheme: dark)");
  var charts = [];
  var loading = null;

  function loadECharts() {
    if (window.echarts) return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = "/echarts.min.js";
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function draw(figure) {
    var box = figure.querySelector(".chart-canvas");
    if (!box) return;
    var option;
    try {
      option = JSON.parse(figure.getAttribute("data-option"));
    } catch (e) {
      return;
    }
    var old = window.echarts.getInstanceByDom(box);
    if (old) old.dispose();
    // Marked before drawing: a chart that fails to draw is not tried again each time the
    // page changes (ECharts' own nodes would trigger the observer below, in a loop).
    figure.setAttribute("data-drawn", "");
    box.hidden = false;
    var chart = window.echarts.init(box, dark.matches ? "dark" : null);
    try {
      chart.setOption(option);
      // The figure's caption already names the chart.
      chart.setOption({ title: { show: false }, grid: { top: 36 } });
    } catch (e) {
      // The table under the chart stays open and says it all.
      chart.dispose();
      box.hidden = true;
      figure.setAttribute("data-drawn", "failed");
      return;
    }
    var table = figure.querySelector("details.chart-data");
    if (table) table.open = false;
    charts.push(chart);
    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.resize(); }).observe(box);
    }
  }

  function drawNew() {
    var figures = document.querySelectorAll("figure.chart:not([data-drawn])");
    if (!figures.length) return;
    loadECharts().then(function () {
      figures.forEach(function (figure) {
        if (!figure.hasAttribute("data-drawn") && figure.isConnected) draw(figure);
      });
    }, function () { /* the tables stay open */ });
  }

  function redrawAll() {
    charts.forEach(function (chart) { if (!chart.isDisposed()) chart.dispose(); });
    charts = [];
    document.querySelectorAll("figure.chart[data-drawn]").forEach(function (figure) {
      figure.removeAttribute("data-drawn");
    });
    drawNew();
  }

  function start() {
    drawNew();
    new MutationObserver(drawNew).observe(document.body, { childList: true, subtree: true });
    if (dark.addEventListener) dark.addEventListener("change", redrawAll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
