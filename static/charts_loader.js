// Loads the charts workspace (a wasm of its own, with its stylesheet) the first time a
// learner opens /charts, and shows the page for the path in this script's data-path.
// The main app adds this script on every workspace page (src/app/charts_host.rs), so
// none of this weighs on the first page.
(function () {
  window.billableShowCharts = function (path) {
    window.billableChartsPath = path;
    if (typeof wasm_bindgen !== "undefined" && wasm_bindgen.render_charts) {
      wasm_bindgen.render_charts(path);
      return;
    }
    if (window.billableChartsLoading) return;
    window.billableChartsLoading = true;
    var fail = function () {
      window.billableChartsLoading = false;
      var box = document.getElementById("charts-app");
      if (box) {
        box.innerHTML = "<h1>Practice charts</h1><p role=\"alert\">The practice charts could " +
          "not be loaded. Check that Billable's server is running, then reload.</p>";
      }
    };
    if (!document.getElementById("charts-css")) {
      var css = document.createElement("link");
      css.id = "charts-css";
      css.rel = "stylesheet";
      css.href = "/charts.css";
      document.head.appendChild(css);
    }
    var script = document.createElement("script");
    script.src = "/charts_app.js";
    script.onerror = fail;
    script.onload = function () {
      wasm_bindgen({ module_or_path: "/charts_app_bg.wasm" }).then(function () {
        wasm_bindgen.render_charts(window.billableChartsPath);
      }, fail);
    };
    document.head.appendChild(script);
  };
  var me = document.currentScript;
  window.billableShowCharts((me && me.dataset.path) || location.pathname);
  // Moving between two workspace pages (a link from the chart list to a chart, or
  // back), the main app keeps this element and only changes its data-path, and a
  // script never runs twice: so the new path is shown from here.
  if (me && window.MutationObserver) {
    new MutationObserver(function () {
      window.billableShowCharts(me.dataset.path || location.pathname);
    }).observe(me, { attributes: true, attributeFilter: ["data-path"] });
  }
})();
