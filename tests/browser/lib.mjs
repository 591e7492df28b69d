// Shared by the browser tests: a static server on 127.0.0.1, Debian's Chromium through
// playwright-core (never a downloaded browser), and request/console bookkeeping.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { chromium } from "playwright-core";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".json": "application/json", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json" };

export function serve(root) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, "http://127.0.0.1");
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
      if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
      // ?delay=MS: the answer comes MS later (a slow download, for tests of the start).
      const delay = Number(url.searchParams.get("delay")) || 0;
      setTimeout(() => {
        res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
        fs.createReadStream(file).pipe(res);
      }, delay);
    });
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

export async function launch(extra = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "azplan-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 860 },
    acceptDownloads: true,
    ...extra,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--use-gl=swiftshader", "--enable-unsafe-swiftshader",
      "--disable-crashpad-for-testing", "--enable-features=NetworkServiceInProcess2"],
  });
  return context;
}

// Records console errors and every request that leaves the allowed origins.
export function watch(page, allowed) {
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push("console error: " + m.text()); });
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("request", (r) => {
    const u = r.url();
    if (!allowed.some((a) => u.startsWith(a))) problems.push("request outside the origin: " + u);
  });
  return problems;
}

// Polls with evaluate (not waitForFunction, which needs eval and so would have to
// switch off the page's Content-Security-Policy).
export async function waitFor(page, fn, arg, timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error("timed out waiting for " + fn.toString());
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Real input for ImGui, which samples input once per frame: a press and release inside
// one frame can be lost, so clicks and keys are held across a few frames. `key` takes
// combinations such as "Control+z" (modifiers pressed first, released last).
export function input(page) {
  // Waits until the app has built a frame since the input or has come to rest (an input
  // that changes nothing, such as a move to where the mouse already is, wakes no frame):
  // on a busy machine a frame can take longer than any fixed wait. One frame and no more:
  // a key still held after ImGui's repeat delay (0.275 s) repeats (a second undo), and
  // under load two frames or a fixed wait can take that long. A press released before any
  // frame saw it is held down for one frame by the app (src/main/input_events.h).
  // (window.azplan.frames counts the frames built, window.azplan.resting() is true when
  // none is due; web/azplan-glue.js.)
  const settle = async () => {
    const start = await page.evaluate(() => window.azplan.frames);
    await waitFor(page, (n) => window.azplan.frames >= n || window.azplan.resting(), start + 1, 10000);
  };
  const click = async (x, y) => {
    await page.mouse.move(x, y);
    await settle();
    await page.mouse.down();
    await settle();
    await page.mouse.up();
    await settle();
  };
  const key = async (combo) => {
    const parts = combo.split("+");
    for (const k of parts) await page.keyboard.down(k);
    await settle();
    for (const k of parts.reverse()) await page.keyboard.up(k);
    await settle();
  };
  return { click, key };
}

// ---- widgets by name ----------------------------------------------------------------------
// The app publishes where it drew a few named widgets in its last frame (App::StateJson
// "widgets": {name: [x, y, w, h]} in canvas pixels): "menu:file", "menu:open",
// "menu:openBundled", "menu:export", "export:<format>", "search", "clearFilters",
// "tab:<view>", "row:<item id>", "bulkStatus:<status>", "detailStatus:<status>", "year",
// "zoomIn", "zoomOut", "errors:close", "confirmOpen:save|discard|cancel",
// "notice:discardRestore", "notice:close"; in the Indicators view "kpi:<id>" (a row),
// "kpiState:<id>" (its state, which opens the working) and "kpiForm:value|source|note|save|clear";
// for agency returns "export:returnForms", "menu:importReturns" and "review:apply".
// Tests click them by name, never by position.

// The centre of a named widget in page pixels, once it is on screen (a menu's items appear
// when the menu is open).
export async function widgetCentre(page, name, timeout = 10000) {
  await waitFor(page, (n) => { const w = window.azplan.get().widgets; return !!(w && w[n]); }, name, timeout);
  return page.evaluate((n) => {
    const [x, y, w, h] = window.azplan.get().widgets[n];
    const ratio = window.devicePixelRatio || 1;  // the canvas is in device pixels
    return [(x + w / 2) / ratio, (y + h / 2) / ratio];
  }, name);
}

export async function clickWidget(page, name, timeout) {
  const [x, y] = await widgetCentre(page, name, timeout);
  await input(page).click(x, y);
}

export async function hoverWidget(page, name, timeout) {
  const [x, y] = await widgetCentre(page, name, timeout);
  await page.mouse.move(x, y);
}

// Clicks a dialog's button until `done` holds in the page (a held click can fall into a
// slow frame, for example the one after a large file).
export async function clickUntil(page, name, done, arg, tries = 3) {
  for (let i = 0; i < tries; ++i) {
    if (await page.evaluate(done, arg)) return;
    await clickWidget(page, name);
    await waitFor(page, done, arg, 2000).catch(() => {});
  }
}

// ---- the flows every test repeats -------------------------------------------------------

// The search box emptied and `text` typed; waits until the view applies it.
export async function search(page, text) {
  const { key } = input(page);
  await clickWidget(page, "search");
  await key("Control+a");
  await key("Backspace");
  if (text) await page.keyboard.type(text, { delay: 20 });
  await waitFor(page, (q) => (new URLSearchParams(window.azplan.get().view).get("q") || "") === q, text, 20000);
}

// "Search 1.1.1.3, click its row": selects the measure `id` through the search box (its
// code, or `text`) and a click on its row in the table.
export async function selectMeasure(page, id, text) {
  await search(page, text ?? id.slice(id.lastIndexOf("/") + 1));
  await clickWidget(page, "row:" + id, 20000);
  await waitFor(page, (i) => window.azplan.get().selected === i, id, 10000);
}

// A status key (1 executed, 2 partial, 3 not executed, 4 not assessed) for the selection;
// waits until the measure on show has that status.
export async function statusKey(page, digit) {
  const status = { 1: "executed", 2: "partial", 3: "notExecuted", 4: "notAssessed" }[digit];
  await input(page).key(String(digit));
  await waitFor(page, (st) => window.azplan.get().selectedStatus === st, status, 10000);
}

// File → Aç… with a file through the browser's file chooser (what a user picks there).
export async function openByMenu(page, file) {
  for (let attempt = 0; ; ++attempt) {
    await clickWidget(page, "menu:file");
    const [x, y] = await widgetCentre(page, "menu:open");
    // Waiting starts only now: a rejected wait left behind would end the whole test.
    const chooser = page.waitForEvent("filechooser", { timeout: 10000 }).catch((e) => e);
    await input(page).click(x, y);
    const got = await chooser;
    if (!(got instanceof Error)) return got.setFiles(file);
    if (attempt >= 1) throw got;  // the click fell into a slow frame: once more
  }
}

// File → Daxili planları aç: the bundled plans again.
export async function openBundledByMenu(page) {
  await clickWidget(page, "menu:file");
  await clickWidget(page, "menu:openBundled");
}

// File → İxrac → one format; returns the download.
export async function exportByMenu(page, format) {
  await clickWidget(page, "menu:file");
  const [, exportY] = await widgetCentre(page, "menu:export");
  await hoverWidget(page, "menu:export");
  // Into the submenu sideways, at the height of İxrac, then down inside it: a diagonal
  // path would cross the File menu's other items and close the submenu.
  const [subX] = await widgetCentre(page, "export:json");
  await page.mouse.move(subX, exportY, { steps: 4 });
  const download = page.waitForEvent("download", { timeout: 15000 });
  await clickWidget(page, "export:" + format);
  return download;
}

// Removes the autosave (IndexedDB through the glue, web/azplan-glue.js): the working copy
// and the journal of edits made since it was written (src/ui/autosave.h); waits for the write.
export function clearAutosave(page) {
  return page.evaluate(() => {
    window.azplanGlue.storageRemove("azplan.autosave.journal");
    window.azplanGlue.storageRemove("azplan.autosave");
    return window.azplanGlue.flush();
  });
}

export async function waitReady(page, timeout = 60000) {
  await waitFor(page, () => window.azplan && window.azplan.ready && window.azplan.frames > 2, null, timeout);
}

// A site of the test's own in a new temporary folder: the built files of `site` (linked)
// plus plans/small.json (tests/fixtures/small-plan.json) for ?plan=. Returns the folder
// (tmp), the site's root and the small plan's text.
export function siteWithPlans(site, prefix) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const root = path.join(tmp, "site");
  fs.mkdirSync(path.join(root, "plans"), { recursive: true });
  for (const f of fs.readdirSync(site)) fs.symlinkSync(path.join(site, f), path.join(root, f));
  const smallText = fs.readFileSync(new URL("../fixtures/small-plan.json", import.meta.url), "utf8");
  fs.writeFileSync(path.join(root, "plans/small.json"), smallText);
  return { tmp, root, smallText };
}

// Closes the browser and the server and removes the test's temporary folder.
export async function cleanUp(context, server, tmp) {
  await context.close();
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

export function outDir() {
  const d = path.join(process.env.AZPLAN_BROWSER_OUT || path.resolve("out"));
  fs.mkdirSync(d, { recursive: true });
  return d;
}

let failures = 0, passes = 0;
const steps = [];
export function check(cond, what) {
  if (cond) { passes++; console.log("ok   " + what); } else { failures++; console.log("FAIL " + what); }
}

// One step of a test, reported on its own: its checks, or the error that stopped it. A
// failed step does not stop the test; the steps after it run and report for themselves.
export async function step(name, fn) {
  const t = Date.now(), before = failures;
  console.log(`# ${name}`);
  let error = null;
  try {
    await fn();
  } catch (e) {
    error = e;
    failures++;
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
  }
  const ok = !error && failures === before;
  steps.push({ name, ok, ms: Date.now() - t });
  console.log(`${ok ? "ok  " : "FAIL"} step: ${name} (${Date.now() - t} ms)`);
  return ok;
}

export function finish() {
  if (steps.length) {
    console.log("steps:");
    for (const s of steps) console.log(`  ${s.ok ? "ok  " : "FAIL"} ${s.name} (${s.ms} ms)`);
  }
  console.log(`${passes} passed, ${failures} failed` + (steps.length ? `; ${steps.filter((s) => !s.ok).length} of ${steps.length} steps failed` : ""));
  process.exit(failures ? 1 : 0);
}
