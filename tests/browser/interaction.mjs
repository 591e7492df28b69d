// Browser interaction test: drives the real UI with mouse and keyboard (no calls into
// Module): select a measure via the search box and a table row, set statuses with the
// keys, undo/redo, autosave restore after a reload, a malformed file through the file
// chooser (the open plan stays intact), a valid plan through the chooser (answering the
// unsaved-changes question) and by drop.
// Usage: node interaction.mjs <site-dir> <single-file-html>
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch, watch, waitFor, waitReady, outDir, check, finish, input, openByMenu, openBundledByMenu,
  clearAutosave, cleanUp, step, selectMeasure, statusKey, clickWidget, clickUntil } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2]);
const out = outDir();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "azplan-interaction-"));
const smallPlan = fs.readFileSync(path.join(here, "../fixtures/small-plan.json"), "utf8");
const goodFile = path.join(tmp, "small-plan.json");
const badFile = path.join(tmp, "broken.json");
fs.writeFileSync(goodFile, smallPlan);
fs.writeFileSync(badFile, '{ "formatVersion": 1, "documents": [ { "id": "x", ');

const { server, url } = await serve(site);
const context = await launch();
const t0 = Date.now();
try {
  const page = await context.newPage();
  const problems = watch(page, [url, "data:", "blob:"]);
  const get = () => page.evaluate(() => window.azplan.get());
  const shot = (name) => page.screenshot({ path: path.join(out, "interaction-" + name + ".png") });
  const { key } = input(page);
  const until = (fn, arg, ms = 5000) => waitFor(page, fn, arg, ms);
  const sub = (s) => s.plan.subMeasures;

  let s, start, before, afterOne, afterThree, small;
  await step("start: the bundled plans on the table", async () => {
    await page.goto(url);
    await waitReady(page);
    await clearAutosave(page);
    start = await get();
    check(start.measures > 300 && start.year === 2017 && start.tab === 0, "starts on the table with the bundled plans");
  });

  await step("1. search 1.1.1.3, click its row, statuses by key, undo, redo", async () => {
    await selectMeasure(page, "roadmap-telecom-2016/1.1.1.3");
    s = await get();
    await shot("1-selected");
    check(s.selected === "roadmap-telecom-2016/1.1.1.3", "clicking the filtered row selects 1.1.1.3 (" + s.selected + ")");
    before = s;
    check(before.selectedStatus === "partial", "1.1.1.3 starts as partial in 2017 (" + before.selectedStatus + ")");

    await statusKey(page, 1);
    s = await get();
    check(sub(s).executed === sub(before).executed + 1 && sub(s).partial === sub(before).partial - 1 && s.canUndo && s.dirty,
      `key 1: executed ${sub(before).executed}→${sub(s).executed}, partial ${sub(before).partial}→${sub(s).partial}`);
    afterOne = s;

    await statusKey(page, 3);
    s = await get();
    check(sub(s).notExecuted === sub(before).notExecuted + 1 && sub(s).executed === sub(before).executed &&
      sub(s).partial === sub(before).partial - 1, `key 3: not executed ${sub(before).notExecuted}→${sub(s).notExecuted}`);
    afterThree = s;
    await shot("1-not-executed");

    await key("Control+z");
    await until(() => window.azplan.get().selectedStatus === "executed");
    s = await get();
    check(JSON.stringify(sub(s)) === JSON.stringify(sub(afterOne)), "Ctrl+Z brings back the figures after key 1");
    await key("Control+z");
    await until(() => window.azplan.get().selectedStatus === "partial");
    s = await get();
    check(JSON.stringify(s.plan) === JSON.stringify(before.plan), "a second Ctrl+Z restores the original figures");
    await key("Control+y");
    await until(() => window.azplan.get().selectedStatus === "executed");
    await key("Control+y");
    await until(() => window.azplan.get().selectedStatus === "notExecuted");
    s = await get();
    check(JSON.stringify(s.plan) === JSON.stringify(afterThree.plan), "Ctrl+Y twice redoes both edits");
  });

  await step("2. the autosave survives a reload", async () => {
    await until(async () => !!(await window.azplanGlue.storageRead("azplan.autosave")));
    await page.evaluate(() => window.azplanGlue.flush());
    await page.reload();
    await waitReady(page);
    s = await get();
    await shot("2-restored");
    check(s.notice === "Avtomatik yaddaşdan bərpa edildi.", "the reload restores from autosave (notice: " + s.notice + ")");
    check(JSON.stringify(s.plan) === JSON.stringify(afterThree.plan) && s.measures === start.measures,
      "the restored plan has the edited figures");
    await clearAutosave(page);
  });

  await step("3. a malformed file through File → Aç… leaves the open plan untouched", async () => {
    await openByMenu(page, badFile);
    await until(() => window.azplan.get().errors > 0);
    await page.waitForTimeout(200);
    s = await get();
    await shot("3-malformed");
    check(s.errors > 0 && s.notice === "Fayl açılmadı; açıq plan dəyişmədi.", `malformed file: ${s.errors} error(s), notice "${s.notice}"`);
    check(s.measures === start.measures && JSON.stringify(s.plan) === JSON.stringify(afterThree.plan),
      "malformed file: the open plan and its figures are unchanged");
    await clickUntil(page, "errors:close", () => !window.azplan.get().errorDialog);
    check(!(await get()).errorDialog, "Bağla closes the error dialog");
    await shot("3-dialog-closed");
  });

  await step("4. a valid plan through the chooser (over unsaved changes), then by a drop", async () => {
    // A valid plan through the chooser, then by a dropped file. The open plan is the
    // restored working copy (unsaved), so opening asks first (confirm_open.mjs tests the
    // dialog): "Saxlamadan aç" (open without saving).
    await openByMenu(page, goodFile);
    await until(() => window.azplan.get().confirmOpen);
    s = await get();
    check(s.pendingOpen === "small-plan.json" && JSON.stringify(s.plan) === JSON.stringify(afterThree.plan),
      "over unsaved changes File → Aç… asks first; the plan is unchanged meanwhile");
    await clickUntil(page, "confirmOpen:discard", () => !window.azplan.get().confirmOpen);  // "Saxlamadan aç"
    await until((n) => window.azplan.get().measures !== n, start.measures);
    s = await get();
    await shot("4-opened");
    check(s.errors === 0 && s.measures > 0 && s.measures < 50, `File → Aç… opens the small plan (${start.measures} → ${s.measures} items)`);
    small = s;

    await openBundledByMenu(page);  // the bundled plans again, so the drop has something to change
    await until((n) => window.azplan.get().measures === n, start.measures);
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, smallPlan);
    await until((n) => window.azplan.get().measures === n, small.measures);
    s = await get();
    await shot("4-dropped");
    check(s.errors === 0 && s.measures === small.measures, "a dropped plan opens as well (" + s.measures + " items)");
  });

  await step("5. Ctrl+S downloads the plan as JSON and marks it saved", async () => {
    // Ctrl+S, as the menu shows, saves the plan as JSON (a download) and marks it saved.
    // (Ctrl+O asks for the file chooser from the next frame; headless Chromium does not count
    // that key press as user activation, so it is not asserted here.)
    await clickWidget(page, "row:rm/1.1.1.3");  // the search still shows it
    await until(() => window.azplan.get().selected !== "");
    const firstItem = (await get()).selected;
    await key("2");
    await until(() => window.azplan.get().dirty);
    const download = page.waitForEvent("download", { timeout: 10000 });
    await key("Control+s");
    const saved = await download;
    const savedText = fs.readFileSync(await saved.path(), "utf8");
    await until(() => !window.azplan.get().dirty);
    s = await get();
    check(/\.json$/.test(saved.suggestedFilename()) && JSON.parse(savedText).formatVersion === 1 && !s.dirty,
      `Ctrl+S downloads the plan as JSON (${saved.suggestedFilename()}, ${savedText.length} bytes) and marks it saved (edited ${firstItem} first)`);
  });

  check(problems.length === 0, "no page errors, console errors or foreign requests: " + problems.join("; "));
} finally {
  await cleanUp(context, server, tmp);
}
console.log(`interaction test took ${Date.now() - t0} ms`);
finish();
