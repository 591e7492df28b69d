// Browser benchmark (bench/README.md, "Browser figures"): azplan's web build in Debian's
// Chromium (SwiftShader WebGL2, headless), next to DHTMLX Gantt (standard edition) and
// frappe-gantt drawing the same synthetic plan. Prints a table, writes
// $AZPLAN_BENCH_OUT/browser.json (default bench/out), exits 1 when a budget fails.
//
//   node bench/browser/bench_browser.mjs [--quick]      (from the repository root)
//   AZPLAN_WEB_BUILD   web build folder with site/ and single/ (default build/web)
//   AZPLAN_CLI         azplan-cli that writes the synthetic plans (default build/native/azplan-cli)
//   AZPLAN_BENCH_QUICK=1 or --quick: 3 navigation runs, no 50k plan
//   AZPLAN_BENCH_PARTS comma list of nav, plans, peers, transfer (default: all)
//   CHROMIUM           the browser (default /usr/bin/chromium)
//
// Every page is opened in a fresh browser context (empty HTTP cache, service workers
// blocked), so each figure is a first visit. Page-side timing is performance.now(),
// whose zero is the navigation start.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "package.json"));
let chromium;
try {
  ({ chromium } = require("playwright-core"));
} catch {
  console.error("bench_browser: run `npm ci` in bench/browser first (playwright-core, dhtmlx-gantt, frappe-gantt)");
  process.exit(2);
}
const root = path.resolve(here, "../..");
const web = path.resolve(root, process.env.AZPLAN_WEB_BUILD || "build/web");
const cli = path.resolve(root, process.env.AZPLAN_CLI || "build/native/azplan-cli");
const outDir = path.resolve(root, process.env.AZPLAN_BENCH_OUT || "bench/out");
const quick = process.argv.includes("--quick") || process.env.AZPLAN_BENCH_QUICK === "1";
// AZPLAN_BENCH_PARTS=nav,plans,peers,transfer (the default: all) runs only some parts.
const parts = new Set((process.env.AZPLAN_BENCH_PARTS || "nav,plans,peers,transfer").split(","));
const nodeModules = path.join(here, "node_modules");
const VIEW = { width: 1400, height: 860 };

const needWeb = ["nav", "plans", "transfer"].some((p) => parts.has(p));
for (const [what, p] of [...(needWeb ? [["web build", path.join(web, "site/azplan.wasm")], ["single file", path.join(web, "single/azplan.html")]] : []),
  ["azplan-cli", cli], ["dhtmlx-gantt", path.join(nodeModules, "dhtmlx-gantt")], ["frappe-gantt", path.join(nodeModules, "frappe-gantt")]])
  if (!fs.existsSync(p)) {
    console.error(`bench_browser: no ${what} at ${p}`);
    process.exit(2);
  }

// ---- statistics and output ---------------------------------------------------------------
const median = (a) => quantile(a, 0.5);
function quantile(a, q) {
  if (!a.length) return NaN;
  const s = [...a].sort((x, y) => x - y);
  const i = (s.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
const r1 = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);
const r2 = (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x);
const budgets = [];
function budget(name, value, op, limit, unit, note = "") {
  const pass = Number.isFinite(value) && (op === "<" ? value < limit : op === "<=" ? value <= limit : value >= limit);
  budgets.push({ name, value: r2(value), op, limit, unit, pass, note });
}

// ---- the site: a copy of the web build, the synthetic plans and the peers' pages ----------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "azplan-bench-"));
const site = path.join(tmp, "site");
fs.mkdirSync(site);
if (needWeb) {
  fs.cpSync(path.join(web, "site"), site, { recursive: true });
  fs.cpSync(path.join(web, "single/azplan.html"), path.join(site, "single.html"));
}
const sizes = quick || !parts.has("plans") ? [10000] : [10000, 50000];
const plans = {};
for (const n of sizes) writePlan(n);

// The same plan as the peers' task lists: one task per node (the rows of azplan's
// Gantt in hierarchy mode), pre-order, with the parent and the span azplan draws
// (core/chart_layout.cpp ItemSpan: years of the node's or an ancestor's period; exact
// dates where given; a deadline of N months from the document's approval).
function partial(s) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s || "");
  return m ? { y: +m[1], m: m[2] ? +m[2] : 0, d: m[3] ? +m[3] : 0 } : null;
}
const ymd = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const firstDay = (p) => ymd(p.y, p.m || 1, p.d || 1);
const lastDay = (p) => (p.d ? ymd(p.y, p.m, p.d) : p.m ? ymd(p.y, p.m + 1, 0) : ymd(p.y, 12, 31));
const iso = (d) => d.toISOString().slice(0, 10);
function toTasks(planFile) {
  const plan = JSON.parse(fs.readFileSync(planFile, "utf8"));
  const tasks = [];
  const walk = (doc, nodes, parent, inherited) => {
    for (const n of nodes) {
      const np = n.period || {};
      const eff = np.start ? { ...np } : { ...inherited, withinMonths: np.withinMonths, startDate: np.startDate, endDate: np.endDate };
      let first = null, last = null;
      if (eff.start) (first = ymd(eff.start, 1, 1)), (last = ymd(eff.end || eff.start, 12, 31));
      if (partial(eff.startDate)) first = firstDay(partial(eff.startDate));
      if (partial(eff.endDate)) last = lastDay(partial(eff.endDate));
      const ap = partial(doc.approved);
      if (eff.withinMonths && ap && ap.m) {
        first = firstDay(ap);
        last = lastDay({ y: ap.y + Math.floor((ap.m - 1 + eff.withinMonths) / 12), m: ((ap.m - 1 + eff.withinMonths) % 12) + 1, d: 0 });
      }
      if (!first) first = ymd(2016, 1, 1), last = ymd(2016, 1, 1);
      if (!last) last = first;
      if (last < first) [first, last] = [last, first];
      const id = tasks.length + 1;
      tasks.push({ id, parent, text: `${n.code || ""}  ${n.title || ""}`, start: iso(first), last: iso(last),
        end: iso(new Date(last.getTime() + 86400000)), open: !!(n.children && n.children.length) });
      walk(doc, n.children || [], id, { start: eff.start, end: eff.end });
    }
  };
  for (const d of plan.documents) walk(d, d.nodes || [], 0, d.period || {});
  return tasks;
}
const tasks10k = toTasks(plans[10000].file);
fs.mkdirSync(path.join(site, "peer"));
fs.writeFileSync(path.join(site, "peer/tasks-10k.json"), JSON.stringify(tasks10k));
const peerHtml = (css, js) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${css}">
<style>html,body{margin:0;height:100%;overflow:hidden}#chart{width:100vw;height:100vh;overflow:auto}</style></head>
<body><div id="chart"></div><script src="${js}"></script></body></html>`;
fs.writeFileSync(path.join(site, "peer/dhtmlx.html"), peerHtml("/nm/dhtmlx-gantt/codebase/dhtmlxgantt.css", "/nm/dhtmlx-gantt/codebase/dhtmlxgantt.js"));
fs.writeFileSync(path.join(site, "peer/frappe.html"), peerHtml("/nm/frappe-gantt/dist/frappe-gantt.css", "/nm/frappe-gantt/dist/frappe-gantt.umd.js"));

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
  ".json": "application/json", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json" };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  let p = decodeURIComponent(url.pathname), base = site;
  if (p.startsWith("/nm/")) (base = nodeModules), (p = p.slice(3));
  let file = path.join(base, p);
  if (!file.startsWith(base)) return res.writeHead(403).end();
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-store" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--use-gl=swiftshader", "--enable-unsafe-swiftshader",
    "--disable-crashpad-for-testing", "--enable-features=NetworkServiceInProcess2"],
});
async function newPage() {
  const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 1, serviceWorkers: "block" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error: " + e.message));
  return { context, page };
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(page, fn, arg, timeout, what) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error("timed out waiting for " + what);
    await sleep(50);
  }
}

// Installed before any page script: records each C++ frame (window.azplanGlue.frame:
// its ms and the plan size and tab from the state JSON) with performance.now() at the
// report, azplanGlue.ready, the time spent in Module._azplan_open_url_result (LoadPlan,
// index and the rest of OpenFiles, in wasm), and every requestAnimationFrame timestamp.
// Accessors on window catch the glue's and Emscripten's assignments; no eval.
function instrument() {
  const B = (window.__bench = { readyAt: null, runtimeAt: null, frames: [], raf: [], opens: [] });
  let glue, mod, openFn, depth = 0;
  Object.defineProperty(window, "azplanGlue", {
    configurable: true, get: () => glue,
    set(v) {
      glue = v;
      const frame = v.frame, ready = v.ready;
      v.frame = function (ms, json, uiMs) {
        const m = /"measures":(\d+)/.exec(json), t = /"tab":(\d+)/.exec(json);
        B.frames.push({ t: performance.now(), ms, uiMs, measures: m ? +m[1] : -1, tab: t ? +t[1] : -1 });
        return frame.apply(this, arguments);
      };
      v.ready = function () { B.readyAt = performance.now(); return ready.apply(this, arguments); };
    },
  });
  Object.defineProperty(window, "Module", {
    configurable: true, get: () => mod,
    set(v) {
      mod = v;
      if (!v || Object.getOwnPropertyDescriptor(v, "_azplan_open_url_result")) return;
      // Called by Emscripten once the module is compiled and instantiated, before main().
      const init = v.onRuntimeInitialized;
      v.onRuntimeInitialized = function () { B.runtimeAt = performance.now(); if (init) return init.apply(this, arguments); };
      Object.defineProperty(v, "_azplan_open_url_result", {
        configurable: true, get: () => openFn,
        set(f) {
          openFn = function () {
            const t0 = performance.now();
            depth++;
            try { return f.apply(this, arguments); } finally {
              depth--;
              if (!depth) B.opens.push({ t0, t1: performance.now(), bytes: arguments[3] });
            }
          };
        },
      });
    },
  });
  const loop = (ts) => { B.raf.push(ts); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
}

const results = { date: new Date().toISOString(), machine: {}, navigation: {}, plans: {}, peers: {}, transfer: {}, budgets };
results.machine = { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memGiB: r1(os.totalmem() / 2 ** 30),
  loadavgStart: os.loadavg().map(r2), node: process.version, chromium: browser.version(), viewport: VIEW };
console.log(`bench_browser: Chromium ${browser.version()}, ${results.machine.cores}× ${results.machine.cpu}, load ${results.machine.loadavgStart.join(" ")}`);

// ---- navigation → first frame (bundled plans) --------------------------------------------
for (const [label, url] of parts.has("nav") ? [["site", "index.html"], ["single file", "single.html"]] : []) {
  const runs = [];
  for (let i = 0; i < (quick ? 3 : 5); ++i) {
    const { context, page } = await newPage();
    await page.addInitScript(instrument);
    await page.goto(base + url);
    await waitFor(page, () => window.__bench.readyAt !== null, null, 60000, "ready");
    const b = await page.evaluate(() => ({ readyAt: window.__bench.readyAt, runtimeAt: window.__bench.runtimeAt,
      first: window.__bench.frames[0], dom: performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd,
      wasm: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.responseEnd }));
    // dom: DOMContentLoaded ended; wasm: the .wasm response ended (none for the single file);
    // runtime: module compiled and instantiated (main() starts); ready: the first frame is drawn.
    runs.push({ readyMs: b.readyAt, runtimeMs: b.runtimeAt, domContentLoadedMs: b.dom, wasmFetchedMs: b.wasm,
      firstFrameCppMs: b.first?.ms });
    await context.close();
  }
  results.navigation[label] = { runs, medianReadyMs: median(runs.map((r) => r.readyMs)), firstRunReadyMs: runs[0].readyMs,
    medianRuntimeMs: median(runs.map((r) => r.runtimeMs)), medianDomContentLoadedMs: median(runs.map((r) => r.domContentLoadedMs)),
    medianFirstFrameCppMs: median(runs.map((r) => r.firstFrameCppMs)) };
}
if (parts.has("nav")) budget("navigation → first frame, bundled plans (site, median)", results.navigation.site.medianReadyMs, "<", 1500, "ms");

// ---- the synthetic plans in azplan ------------------------------------------------------
// The Gantt's time area: the centre panel starts after the plan tree (20 % of the width)
// and the label column (28 % of the centre); (800, 450) is inside it at 1400×860.
const AREA = { x: 800, y: 450 };
async function measureAzplan(n, firstFrameOnly = false) {
  const { context, page } = await newPage();
  await page.addInitScript(instrument);
  const plan = plans[n];
  await page.goto(`${base}index.html?plan=${plan.url}&tab=gantt&year=2020`);
  // Done when a frame shows the plan (the bundled plans have far fewer than 20 000 items),
  // or a second after the open returned without it (the plan was refused).
  await waitFor(page, (min) => {
    const B = window.__bench, o = B.opens[B.opens.length - 1];
    return B.frames.some((f) => f.measures >= min) || (o && B.frames.some((f) => f.t > o.t1 + 1000));
  }, 20000, 300000, `the ${n} plan`);
  await sleep(1500);  // let the first frames settle (the fit, the font atlas is long done)
  const r = await page.evaluate((min) => {
    const B = window.__bench;
    const i = B.frames.findIndex((f) => f.measures >= min);
    const s = window.azplan.get();
    return { i, frame: B.frames[i], prev: B.frames[i - 1], next: B.frames.slice(i + 1, i + 11).map((f) => f.ms),
      open: B.opens[B.opens.length - 1], state: s, heap: Module.HEAPU8.length };
  }, 20000);
  if (r.i < 0) {
    await context.close();
    return { opened: false, notice: r.state?.notice, bytes: plan.bytes, openMs: r.open ? r.open.t1 - r.open.t0 : null, heapBytes: r.heap };
  }
  const res = { opened: true, bytes: plan.bytes, items: r.frame.measures, tab: r.frame.tab,
    openMs: r.open.t1 - r.open.t0,                      // LoadPlan + index + OpenFiles, in wasm
    firstGanttFrameCppMs: r.frame.ms,                   // C++ work of the first frame that draws the new plan
    firstGanttFrameUiMs: r.frame.uiMs,                  // of which NewFrame…Render
    openEndToFirstFrameReportMs: r.frame.t - r.open.t1, // wait for the next rAF + that frame's work
    idleFramesAfterCppMs: r.next };
  if (firstFrameOnly) {
    await context.close();
    return res;
  }

  // Re-zoom: Ctrl+wheel over the time area, alternately in and out. The first frame
  // reported after the wheel event was delivered is the one that applies the zoom.
  await page.mouse.move(AREA.x, AREA.y);
  await sleep(300);
  const zoom = [];
  for (let k = 0; k < 12; ++k) {
    const before = await page.evaluate(() => window.__bench.frames.length);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, k % 2 ? 100 : -100);
    await page.keyboard.up("Control");
    await waitFor(page, (b) => window.__bench.frames.length > b + 2, before, 10000, "frames after the zoom");
    zoom.push(await page.evaluate((b) => window.__bench.frames[b].ms, before));
    await sleep(100);
  }
  res.rezoomCppMs = { median: median(zoom), max: Math.max(...zoom), all: zoom.map(r2) };

  // Pan: the left button held down and the mouse moved one step per animation frame for
  // ~3 s, sideways (pans the time axis) and up and down (scrolls the rows).
  await page.mouse.move(AREA.x, AREA.y);
  await page.mouse.down();
  const t0 = await page.evaluate(() => ({ t: performance.now(), f: window.__bench.frames.length, r: window.__bench.raf.length }));
  const start = Date.now();
  let k = 0;
  while (Date.now() - start < 3000) {
    ++k;
    const x = AREA.x + 120 * Math.sin(k / 9), y = AREA.y + 90 * Math.sin(k / 13);
    await page.mouse.move(x, y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  await page.mouse.up();
  const pan = await page.evaluate((s) => ({ frames: window.__bench.frames.slice(s.f).map((f) => f.ms),
    ui: window.__bench.frames.slice(s.f).map((f) => f.uiMs), raf: window.__bench.raf.slice(s.r), state: window.azplan.get(), heap: Module.HEAPU8.length }), t0);
  const rafIntervals = pan.raf.slice(1).map((t, i) => t - pan.raf[i]);
  res.pan = { moves: k, frames: pan.frames.length, cppMedianMs: median(pan.frames), cppP95Ms: quantile(pan.frames, 0.95),
    cppMaxMs: Math.max(...pan.frames), rafMedianMs: median(rafIntervals), rafP95Ms: quantile(rafIntervals, 0.95),
    rafMaxMs: Math.max(...rafIntervals), uiMedianMs: median(pan.ui), uiP95Ms: quantile(pan.ui, 0.95), uiMaxMs: Math.max(...pan.ui),
    cppAll: pan.frames.map(r2), rafAll: rafIntervals.map(r1) };
  res.heapBytes = pan.heap;
  await context.close();
  return res;
}
function writePlan(n) {
  const file = path.join(site, `synth-${n / 1000}k.json`);
  execFileSync(cli, ["synth", "--measures", String(n), "--seed", "1", "-o", file], { stdio: "ignore" });
  plans[n] = { file, url: path.basename(file), bytes: fs.statSync(file).size };
}
for (const n of parts.has("plans") ? sizes : []) {
  console.log(`bench_browser: azplan with the ${n / 1000}k plan…`);
  // The first Gantt frame is one sample per page: two more pages for the 10k plan, and
  // the median of the three is the figure.
  const extra = n === 10000 && !quick ? [await measureAzplan(n, true), await measureAzplan(n, true)] : [];
  results.plans[n] = await measureAzplan(n);
  if (results.plans[n].opened && extra.length) {
    const all = [results.plans[n], ...extra];
    results.plans[n].firstGanttFrameRuns = all.map((x) => x.firstGanttFrameCppMs);
    results.plans[n].firstGanttFrameUiRuns = all.map((x) => x.firstGanttFrameUiMs);
    results.plans[n].openRuns = all.map((x) => x.openMs);
    results.plans[n].firstGanttFrameCppMs = median(results.plans[n].firstGanttFrameRuns);
    results.plans[n].openMs = median(results.plans[n].openRuns);
  }
  fs.rmSync(plans[n].file);
  if (n === 50000 && !results.plans[n].opened) console.log("bench_browser: the 50k plan did not open: " + results.plans[n].notice);
}
const p10 = results.plans[10000] || {};
if (parts.has("plans")) budget(quick ? "10k: plan loaded → first Gantt frame (C++ frame ms)" : "10k: plan loaded → first Gantt frame (C++ frame ms, median of 3 pages)", p10.firstGanttFrameCppMs, "<=", 34, "ms");
// The issue's "load + validate + index < 300 ms in WebAssembly", taken as the whole open:
// the bytes copied in, LoadPlan (which validates), PlanIndex and the rest of OpenFiles.
if (parts.has("plans")) budget(quick ? "10k: open in wasm (load + validate + index + OpenFiles)" : "10k: open in wasm (load + validate + index + OpenFiles, median of 3 pages)", p10.openMs, "<", 300, "ms");
if (parts.has("plans")) budget("10k: re-zoom → next frame (C++ frame ms, median of 12)", p10.rezoomCppMs?.median, "<=", 8, "ms");
if (parts.has("plans")) budget("10k: pan frame p95 (C++ frame ms)", p10.pan?.cppP95Ms, "<=", 8, "ms");
if (results.plans[50000]) {
  const p50 = results.plans[50000];
  budget("50k: pan frame p95 (C++ frame ms)", p50.opened ? p50.pan.cppP95Ms : NaN, "<=", 16.7, "ms",
    p50.opened ? "" : `the plan did not open: ${p50.notice || "?"}`);
}

// ---- peers ------------------------------------------------------------------------------
// Each peer page loads its library from node_modules through this server, fetches the task
// list (untimed), then the page times synchronous work with performance.now() and forces
// style and layout (offsetHeight) inside the timed span, so a figure is script + style +
// layout, the same work azplan's C++ frame time covers (neither includes rasterisation).
const PEER_TIMEOUT = 240000;
function withTimeout(p, ms, what) {
  return Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`${what}: over ${ms / 1000} s`)), ms))]);
}
async function peerScroll(page) {
  // One scroll step per animation frame for ~3 s; the page times each step
  // synchronously and records the rAF intervals.
  return page.evaluate(async () => {
    const step = window.__peer.scrollStep;
    const times = [], raf = [];
    let t0 = null, k = 0;
    await new Promise((done) => {
      const tick = (ts) => {
        raf.push(ts);
        if (t0 === null) t0 = performance.now();  // from the first frame: the page may still be busy drawing
        else if (performance.now() - t0 > 3000) return done();
        ++k;
        const s = performance.now();
        step(k);
        void document.body.offsetHeight;
        times.push(performance.now() - s);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return { times, raf };
  });
}
function scrollStats(s) {
  const iv = s.raf.slice(1).map((t, i) => t - s.raf[i]);
  return { steps: s.times.length, syncMedianMs: median(s.times), syncP95Ms: quantile(s.times, 0.95),
    rafMedianMs: median(iv), rafP95Ms: quantile(iv, 0.95), rafMaxMs: Math.max(...iv) };
}

async function measureDhtmlx() {
  const { context, page } = await newPage();
  try {
    await page.goto(base + "peer/dhtmlx.html");
    await page.evaluate(async () => { window.__tasks = await (await fetch("tasks-10k.json")).json(); });
    const first = await withTimeout(page.evaluate(() => {
      const g = window.gantt;
      g.config.date_format = "%Y-%m-%d";
      g.config.smart_rendering = true;
      g.config.columns = [{ name: "text", label: "Task", tree: true, width: 300 }, { name: "start_date", align: "center" }, { name: "duration", align: "center" }];
      g.config.scales = [{ unit: "year", step: 1, format: "%Y" }, { unit: "quarter", step: 1, format: (d) => "Q" + (Math.floor(d.getMonth() / 3) + 1) }];
      const data = window.__tasks.map((t) => ({ id: t.id, text: t.text, start_date: t.start, end_date: t.end, parent: t.parent, open: t.open }));
      const s = performance.now();
      g.init("chart");
      g.parse({ data });
      void document.body.offsetHeight;
      return { ms: performance.now() - s, bars: document.querySelectorAll(".gantt_task_line").length, tasks: g.getTaskCount() };
    }), PEER_TIMEOUT, "dhtmlx first render");
    const zoom = await page.evaluate(async () => {
      const g = window.gantt, times = [];
      const year = [{ unit: "year", step: 1, format: "%Y" }, { unit: "quarter", step: 1, format: (d) => "Q" + (Math.floor(d.getMonth() / 3) + 1) }];
      const month = [{ unit: "year", step: 1, format: "%Y" }, { unit: "month", step: 1, format: "%M" }];
      for (let k = 0; k < 6; ++k) {
        await new Promise((r) => requestAnimationFrame(r));
        g.config.scales = k % 2 ? year : month;
        const s = performance.now();
        g.render();
        void document.body.offsetHeight;
        times.push(performance.now() - s);
      }
      return times;
    });
    await page.evaluate(() => {
      const g = window.gantt;
      window.__peer = { scrollStep: (k) => g.scrollTo(200 + 150 * Math.sin(k / 9) * 4, 20000 + 400 * k) };
    });
    const scroll = scrollStats(await peerScroll(page));
    return { firstRenderMs: first.ms, tasks: first.tasks, barsInDom: first.bars, rezoomMs: median(zoom), rezoomAll: zoom.map(r1), scroll };
  } catch (e) {
    return { error: e.message };
  } finally {
    await context.close();
  }
}

async function measureFrappe() {
  const { context, page } = await newPage();
  const res = {};
  try {
    await page.goto(base + "peer/frappe.html");
    await page.evaluate(async () => { window.__tasks = await (await fetch("tasks-10k.json")).json(); });
    res.firstRenderMs = PEER_TIMEOUT;  // a lower bound until the render returns
    res.firstRenderLowerBound = true;
    const first = await withTimeout(page.evaluate(() => {
      const tasks = window.__tasks.map((t) => ({ id: "t" + t.id, name: t.text, start: t.start, end: t.last, progress: 0,
        dependencies: "" }));
      const s = performance.now();
      window.__g = new window.Gantt("#chart", tasks, { view_mode: "Year", readonly: true, infinite_padding: false,
        view_mode_select: false, today_button: false, scroll_to: null });
      void document.body.offsetHeight;
      return { ms: performance.now() - s, bars: document.querySelectorAll(".bar-wrapper").length };
    }), PEER_TIMEOUT, "frappe first render");
    Object.assign(res, { firstRenderMs: first.ms, firstRenderLowerBound: false, barsInDom: first.bars });
    // Scroll before the re-zoom: a change of scale at this size can outlast the timeout.
    await page.evaluate(() => {
      const el = document.querySelector(".gantt-container") || document.getElementById("chart");
      window.__peer = { scrollStep: (k) => {
        el.scrollLeft = 200 + 600 * Math.sin(k / 9);
        el.scrollTop = 20000 + 400 * k;
        el.dispatchEvent(new Event("scroll"));  // run the library's scroll handler inside the timed span
      } };
    });
    res.scroll = scrollStats(await peerScroll(page));
    res.rezoomMs = PEER_TIMEOUT;
    res.rezoomLowerBound = true;
    const zoom = await withTimeout(page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(r));
      const s = performance.now();
      window.__g.change_view_mode("Month");
      void document.body.offsetHeight;
      return [performance.now() - s];
    }), PEER_TIMEOUT, "frappe re-zoom");
    Object.assign(res, { rezoomMs: median(zoom), rezoomLowerBound: false, rezoomAll: zoom.map(r1) });
    return res;
  } catch (e) {
    return { ...res, error: e.message };
  } finally {
    await context.close().catch(() => {});
  }
}
if (parts.has("peers")) {
  console.log("bench_browser: DHTMLX Gantt…");
  results.peers.dhtmlx = await measureDhtmlx();
  console.log("bench_browser: frappe-gantt…");
  results.peers.frappe = await measureFrappe();
}
const ours = { first: p10.firstGanttFrameCppMs, zoom: p10.rezoomCppMs?.median };
for (const [key, label] of parts.has("peers") && parts.has("plans") ? [["dhtmlx", "DHTMLX Gantt"], ["frappe", "frappe-gantt"]] : []) {
  const p = results.peers[key];
  p.firstRenderRatio = p.firstRenderMs / ours.first;
  p.rezoomRatio = p.rezoomMs / ours.zoom;
  // A timed-out step counts with the timeout as its time: a lower bound of the ratio.
  budget(`first render vs ${label} (their ms / ours)`, p.firstRenderRatio, ">=", 20, "×",
    p.firstRenderLowerBound ? `at least: theirs did not finish in ${PEER_TIMEOUT / 1000} s` : "");
  budget(`re-zoom vs ${label} (their ms / ours)`, p.rezoomRatio, ">=", 10, "×",
    p.rezoomLowerBound ? `at least: theirs did not finish in ${PEER_TIMEOUT / 1000} s` : "");
}

// ---- transfer sizes -----------------------------------------------------------------------
const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
const files = { "index.html": "site/index.html", "azplan-glue.js": "site/azplan-glue.js", "azplan.js": "site/azplan.js",
  "azplan.wasm": "site/azplan.wasm", "single azplan.html": "single/azplan.html" };
for (const [name, rel] of parts.has("transfer") ? Object.entries(files) : []) {
  const f = path.join(web, rel);
  results.transfer[name] = { raw: fs.statSync(f).size, gzip: gz(f) };
}
const split = ["index.html", "azplan-glue.js", "azplan.js", "azplan.wasm"];
if (parts.has("transfer")) results.transfer.split = { raw: split.reduce((a, k) => a + results.transfer[k].raw, 0), gzip: split.reduce((a, k) => a + results.transfer[k].gzip, 0) };
if (parts.has("transfer")) budget("split site transfer, gzip -9 (html + glue + js + wasm)", results.transfer.split.gzip / 1e6, "<", 1, "MB");
if (parts.has("transfer")) budget("single file transfer, gzip -9", results.transfer["single azplan.html"].gzip / 1e6, "<", 1.5, "MB");

await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
results.machine.loadavgEnd = os.loadavg().map(r2);

// ---- report ---------------------------------------------------------------------------
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const rows = [];
const row = (a, b) => rows.push([a, String(b)]);
for (const [label, nv] of Object.entries(results.navigation))
{
  row(`navigation → first frame, ${label} (median; first run)`, `${r1(nv.medianReadyMs)} ms; ${r1(nv.firstRunReadyMs)} ms`);
  row(`  of which: DOMContentLoaded; module ready; 1st frame C++`, `${r1(nv.medianDomContentLoadedMs)}; ${r1(nv.medianRuntimeMs)}; ${r1(nv.medianFirstFrameCppMs)} ms`);
}
for (const [n, p] of Object.entries(results.plans)) {
  const k = `${n / 1000}k`;
  row(`${k}: plan file`, `${(p.bytes / 2 ** 20).toFixed(1)} MiB`);
  if (!p.opened) { row(`${k}: opened`, `no — ${p.notice || "?"}`); continue; }
  row(`${k}: items (Gantt rows)`, p.items);
  row(`${k}: open (LoadPlan + index, wasm)`, `${r1(p.openMs)} ms`);
  row(`${k}: first Gantt frame, C++`, `${r2(p.firstGanttFrameCppMs)} ms${p.firstGanttFrameRuns ? ` (pages: ${p.firstGanttFrameRuns.map(r1).join(", ")})` : ""}`);
  row(`${k}: of which UI (NewFrame…Render)`, `${p.firstGanttFrameUiRuns ? p.firstGanttFrameUiRuns.map(r1).join(", ") : r2(p.firstGanttFrameUiMs)} ms`);
  row(`${k}: idle frames after, C++ (median)`, `${r2(median(p.idleFramesAfterCppMs))} ms`);
  row(`${k}: re-zoom frame, C++ (median; max)`, `${r2(p.rezoomCppMs.median)} ms; ${r2(p.rezoomCppMs.max)} ms`);
  row(`${k}: pan frames, C++ (median; p95; max)`, `${r2(p.pan.cppMedianMs)}; ${r2(p.pan.cppP95Ms)}; ${r2(p.pan.cppMaxMs)} ms (${p.pan.frames} frames)`);
  row(`${k}: of which UI (NewFrame…Render; median; p95; max)`, `${r2(p.pan.uiMedianMs)}; ${r2(p.pan.uiP95Ms)}; ${r2(p.pan.uiMaxMs)} ms`);
  row(`${k}: pan rAF intervals (median; p95; max)`, `${r2(p.pan.rafMedianMs)}; ${r2(p.pan.rafP95Ms)}; ${r2(p.pan.rafMaxMs)} ms`);
  row(`${k}: wasm heap`, `${(p.heapBytes / 2 ** 20).toFixed(0)} MiB`);
}
for (const [key, p] of Object.entries(results.peers)) {
  if (p.error) row(`${key}: stopped`, p.error);
  const ge = (lb) => (lb ? "> " : "");
  if (p.firstRenderMs !== undefined)
    row(`${key} 10k: first render (script+layout)`, `${ge(p.firstRenderLowerBound)}${r1(p.firstRenderMs)} ms (ours ${ge(p.firstRenderLowerBound)}${r1(p.firstRenderRatio)}× faster)`);
  if (p.rezoomMs !== undefined)
    row(`${key} 10k: re-zoom (median)`, `${ge(p.rezoomLowerBound)}${r1(p.rezoomMs)} ms (ours ${ge(p.rezoomLowerBound)}${r1(p.rezoomRatio)}× faster)`);
  if (p.scroll) {
    row(`${key} 10k: scroll step sync (median; p95)`, `${r2(p.scroll.syncMedianMs)}; ${r2(p.scroll.syncP95Ms)} ms`);
    row(`${key} 10k: scroll rAF intervals (median; p95)`, `${r2(p.scroll.rafMedianMs)}; ${r2(p.scroll.rafP95Ms)} ms`);
  }
}
for (const name of parts.has("transfer") ? [...Object.keys(files), "split"] : [])
  row(`transfer ${name} (raw; gzip -9)`, `${kb(results.transfer[name].raw)}; ${kb(results.transfer[name].gzip)}`);
const w = Math.max(...rows.map((r) => r[0].length));
console.log();
for (const [a, b] of rows) console.log(a.padEnd(w + 2) + b);
console.log();
for (const b of budgets)
  console.log(`${b.pass ? "PASS" : "FAIL"}  ${b.name}: ${b.value} ${b.unit} (budget ${b.op} ${b.limit} ${b.unit})${b.note ? " — " + b.note : ""}`);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "browser.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`bench_browser: wrote ${path.join(outDir, "browser.json")}`);
process.exit(budgets.every((b) => b.pass) ? 0 : 1);
