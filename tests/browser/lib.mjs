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
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
      fs.createReadStream(file).pipe(res);
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
  // frame saw it is held down for one frame by the app (src/app/input_events.h).
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

// File → Aç… with a file through the browser's file chooser (what a user picks there).
export async function openByMenu(page, file) {
  const { click } = input(page);
  await click(25, 10);  // Fayl
  await page.waitForTimeout(150);
  const chooser = page.waitForEvent("filechooser", { timeout: 5000 });
  await click(45, 33);  // Aç…
  await (await chooser).setFiles(file);
}

// File → Daxili planları aç: the bundled plans again.
export async function openBundledByMenu(page) {
  const { click } = input(page);
  await click(25, 10);  // Fayl
  await page.waitForTimeout(150);
  await click(60, 55);
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
export function check(cond, what) {
  if (cond) { passes++; console.log("ok   " + what); } else { failures++; console.log("FAIL " + what); }
}
export function finish() {
  console.log(`${passes} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}
