// Killing the browser mid-session loses at most the edit in progress: two edits made
// with real input, about a second of waiting (no flush from the test: the app must write
// promptly on its own), SIGKILL to the whole browser, a relaunch on the same profile,
// and the edits are back with the notice "Avtomatik yaddaşdan bərpa edildi.".
// Chromium is started here (not through playwright's launcher) so that it can be killed
// like a crash would; playwright-core attaches over the DevTools protocol.
// Usage: node kill_restore.mjs <site-dir> <single-file-html>
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";
import { serve, watch, waitFor, waitReady, outDir, check, finish, step, selectMeasure, statusKey } from "./lib.mjs";

const site = path.resolve(process.argv[2]);
const out = outDir();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "azplan-kill-"));

// The flags of lib.mjs `launch`, plus a DevTools port chosen by Chromium and written to
// <profile>/DevToolsActivePort.
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-gl=swiftshader",
  "--enable-unsafe-swiftshader", "--disable-crashpad-for-testing", "--enable-features=NetworkServiceInProcess2",
  "--window-size=1400,860", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"];

async function start() {
  const portFile = path.join(profile, "DevToolsActivePort");
  fs.rmSync(portFile, { force: true });
  // Its own process group, so the kill reaches the browser and its children and nothing else.
  const proc = spawn(process.env.CHROMIUM || "/usr/bin/chromium", FLAGS, { detached: true, stdio: "ignore" });
  const exited = new Promise((r) => proc.on("exit", r));
  const end = Date.now() + 30000;
  while (!fs.existsSync(portFile) || fs.readFileSync(portFile, "utf8").split("\n").length < 2) {
    if (Date.now() > end) throw new Error("Chromium did not open its DevTools port");
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = fs.readFileSync(portFile, "utf8").split("\n")[0].trim();
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  const page = context.pages()[0] || (await context.newPage());
  await page.setViewportSize({ width: 1400, height: 860 });
  return { proc, exited, browser, page };
}

const { server, url } = await serve(site);
const t0 = Date.now();
let running = null;
try {
  let page, problems, edited;
  const get = (p) => p.evaluate(() => window.azplan.get());
  const ok1 = await step("1. a session with two edits by key", async () => {
    running = await start();
    page = running.page;
    problems = watch(page, [url, "data:", "blob:", "about:blank"]);
    await page.goto(url);
    await waitReady(page);
    const start0 = await get(page);
    check(start0.notice === "" && !start0.dirty && start0.measures > 300, "a fresh profile opens the bundled plans");
    await selectMeasure(page, "roadmap-telecom-2016/1.1.1.3");
    await statusKey(page, 1);
    await statusKey(page, 3);  // the last completed edit
    edited = await get(page);
    check(edited.dirty && edited.plan.subMeasures.notExecuted === start0.plan.subMeasures.notExecuted + 1,
      `two edits: not executed ${start0.plan.subMeasures.notExecuted} → ${edited.plan.subMeasures.notExecuted}`);
    check(problems.length === 0, "first session: no page errors or foreign requests: " + problems.join("; "));
  });

  if (ok1) await step("2. about a second later the browser dies (no flush, no unload)", async () => {
    // By then the last edit is only in the autosave's journal (src/ui/autosave.h), which
    // the restart must replay.
    await page.waitForTimeout(1000);
    const journal = await page.evaluate(() => window.azplanGlue.storageGet("azplan.autosave.journal") || "");
    const records = journal.split("\n").filter((l) => l).length - 1;
    check(records >= 1, `the journal holds ${records} edit(s) before the kill`);
    process.kill(-running.proc.pid, "SIGKILL");
    const code = await Promise.race([running.exited.then(() => "exited"), new Promise((r) => setTimeout(() => r("alive"), 10000))]);
    check(code === "exited", "the browser was killed with SIGKILL");
    await running.browser.close().catch(() => {});
    running = null;
  });

  if (ok1) await step("3. the same profile again: the edits are restored", async () => {
    running = await start();
    page = running.page;
    problems = watch(page, [url, "data:", "blob:", "about:blank"]);
    await page.goto(url);
    await waitReady(page);
    const s = await get(page);
    await page.screenshot({ path: path.join(out, "kill-restored.png") });
    check(s.notice === "Avtomatik yaddaşdan bərpa edildi.", `after the kill the app says it restored (notice "${s.notice}")`);
    check(JSON.stringify(s.plan) === JSON.stringify(edited.plan) && s.measures === edited.measures && s.dirty,
      `both edits are back: figures ${JSON.stringify(s.plan.subMeasures)}`);
    check(problems.length === 0, "second session: no page errors or foreign requests: " + problems.join("; "));
  });
} finally {
  if (running) {
    await running.browser.close().catch(() => {});
    try { process.kill(-running.proc.pid, "SIGKILL"); } catch (e) { /* already gone */ }
    await Promise.race([running.exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`kill_restore test took ${Date.now() - t0} ms`);
finish();
