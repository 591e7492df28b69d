// Hostile files in the browser: every file in tests/hostile/ (and a 100 MB string,
// 10,000 levels of nesting and a 200 MiB file, generated here and never committed) is
// opened through the real file chooser (File → Aç…) while an edited plan is open. Each
// bad file must be refused with a positioned message (file:line:col: path: what was
// expected), the notice "Fayl açılmadı; açıq plan dəyişmədi.", the open plan and its
// figures unchanged, the module alive and the time bounded. bom.valid.json must open.
// Usage: node hostile.mjs <site-dir> <single-file-html>
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch, watch, waitFor, waitReady, outDir, check, finish, input, openByMenu, cleanUp, step, selectMeasure,
  statusKey, clickUntil } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.join(here, "../hostile");
const site = path.resolve(process.argv[2]);
const out = outDir();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "azplan-hostile-"));
const OPEN_FAILED = "Fayl açılmadı; açıq plan dəyişmədi.";

// The same expectations as tests/core/test_hostile_inputs.cpp: [line, column, path, part of the message].
// The app shows each diagnostic as "file:line:col: path: message".
const EXPECT = {
  "invalid-json.json": [[5, 64, "", "invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal"]],
  "wrong-types.json": [[3, 55, "agencies[0].acronyms", "expected an array of strings, found a string"],
    [7, 28, "documents[0].period.start", "expected an integer, found a string"],
    [9, 52, "documents[0].nodes[0].title", "expected a string, found an integer"]],
  "missing-required.json": [[4, 5, "documents[0]", 'missing required key "id" (a string)'],
    [7, 9, "documents[0].nodes[0]", 'missing required key "title" (a string)']],
  "missing-format-version.json": [[1, 1, "", 'missing required key "formatVersion" (this azplan writes 1)']],
  "future-format-version.json": [[2, 20, "formatVersion", "the file has format version 7; this azplan reads versions up to 1"]],
  "unknown-status.json": [[8, 54, "documents[0].nodes[0].assessments[0].status",
    'unknown status "done"; expected executed, partial, notExecuted or notAssessed']],
  "unknown-node-kind.json": [[6, 41, "documents[0].nodes[0].kind", 'unknown node kind "task"; expected target, priority']],
  "end-before-start.json": [[8, 21, "documents[0].nodes[0].period", "end year 2017 is before start year 2020"]],
  "duplicate-ids.json": [[5, 13, "agencies[1].id", 'duplicate agency id "mincom" (first at agencies[0])'],
    [12, 19, "documents[0].nodes[1].code", 'duplicate code "1.1" in document "d" (first at documents[0].nodes[0])'],
    [15, 13, "documents[1].id", 'duplicate document id "d"']],
  "unknown-agency.json": [[9, 57, "documents[0].nodes[0].coExecutors[1]", 'unknown agency "nobody"; expected an id from "agencies"']],
  "agency-cycle.json": [[4, 52, "agencies[0].successor.id", 'agency lineage forms a cycle through "a"']],
  "duplicate-measured.json": [[5, 19, "kpis[0].measured", "two measured values for 2018; expected one per year"]],
  "number-overflow.json": [[4, 58, "", "invalid JSON: number overflow parsing '1e400'"]],
  "huge-integer.json": [[5, 41, "documents[0].period.end", "expected an integer from 1900 to 2200, found 18446744073709551615"]],
  "empty.json": [[1, 1, "", "the file is empty; expected a plan (a JSON object)"]],
  "whitespace-only.json": [[1, 1, "", "the file is empty"]],
  "measures.csv": [[1, 1, "", "this is not JSON: expected a plan (a JSON object starting with '{')"]],
  "image.png": [[1, 1, "", "this is not JSON"]],
  "top-level-array.json": [[1, 1, "", "expected a plan (a JSON object), found an array"]],
  "invalid-utf8.json": [[3, 22, "", "invalid UTF-8 byte sequence; plan files must be UTF-8 text"]],
  "overlong-utf8.json": [[1, 32, "", "invalid UTF-8 byte sequence"]],
  // Generated below.
  "huge-string.json": [[1, 31, "", "a text of 102400 KiB; texts up to 1024 KiB are accepted"]],
  "deep-arrays.json": [[1, 65, "", "nesting deeper than 64 levels"]],
  "sparse-200mib.json": [[1, 1, "", "the file is 200 MiB; plans up to 128 MiB are accepted"]],
};

// Every committed hostile file must have an expectation here (a new one must be added).
const committed = fs.readdirSync(corpus).filter((f) => /\.(json|csv|png)$/.test(f)).sort();
const unknown = committed.filter((f) => f !== "bom.valid.json" && !EXPECT[f]);

// The generated files. The sparse one takes no disk space: the page must refuse it by
// its size, unread.
const sparse = path.join(tmp, "sparse-200mib.json");
fs.writeFileSync(sparse, "");
fs.truncateSync(sparse, 200 * 1024 * 1024);
const huge = path.join(tmp, "huge-string.json");
{
  const fd = fs.openSync(huge, "w");
  fs.writeSync(fd, '{"formatVersion": 1, "title": "');
  const block = Buffer.alloc(1 << 20, "x");
  for (let i = 0; i < 100; ++i) fs.writeSync(fd, block);
  fs.writeSync(fd, '"}');
  fs.closeSync(fd);
}
const deep = path.join(tmp, "deep-arrays.json");
fs.writeFileSync(deep, "[".repeat(10000) + "]".repeat(10000));
const files = [sparse, ...committed.filter((f) => f !== "bom.valid.json").map((f) => path.join(corpus, f)), huge, deep];

const { server, url } = await serve(site);
const context = await launch();
const t0 = Date.now();
try {
  check(unknown.length === 0, "every committed hostile file has an expected message here: " + unknown.join(", "));
  const page = await context.newPage();
  const problems = watch(page, [url, "data:", "blob:"]);
  const get = () => page.evaluate(() => window.azplan.get());
  const frames = () => page.evaluate(() => window.azplan.frames);
  const heap = () => page.evaluate(() => window.Module.HEAPU8.length);
  const shot = (name) => page.screenshot({ path: path.join(out, "hostile-" + name + ".png") });
  const { key } = input(page);
  const until = (fn, arg, ms = 5000) => waitFor(page, fn, arg, ms);

  let start, edited;
  await step("the bundled plans, and one edit by key", async () => {
    await page.goto(url);
    await waitReady(page);
    start = await get();
    check(start.measures > 300 && start.errors === 0, "the bundled plans open (" + start.measures + " items)");
    // One edit with real input first, so the open plan is a modified one.
    await selectMeasure(page, "roadmap-telecom-2016/1.1.1.3");
    await statusKey(page, 1);
    edited = await get();
    check(edited.dirty && edited.canUndo && edited.plan.subMeasures.executed === start.plan.subMeasures.executed + 1,
      "an edit by key: the open plan is modified");
  });

  for (const file of files) await step(path.basename(file), async () => {
    const name = path.basename(file);
    const heapBefore = await heap();
    const t = Date.now();
    await openByMenu(page, file);
    try {
      await until((n) => (window.azplan.get().firstError || "").startsWith(n + ":"), name, 30000);
    } catch (e) {
      check(false, name + ": no error reported within 30 s");
      await shot("timeout-" + name);
      return;
    }
    const ms = Date.now() - t;
    const framesAt = await frames();
    await page.waitForTimeout(200);
    const s = await get();
    if (name === "invalid-json.json" || name === "sparse-200mib.json") await shot(name);
    const missing = EXPECT[name].filter(([line, col, p, msg]) => {
      const prefix = `${name}:${line}:${col}: ${p ? p + ": " : ""}`;
      return !s.errorTexts.some((e) => e.startsWith(prefix) && e.includes(msg));
    });
    check(missing.length === 0, `${name}: refused in ${ms} ms with "${s.firstError}"` +
      (missing.length ? ` — missing ${JSON.stringify(missing)} in ${JSON.stringify(s.errorTexts)}` : ""));
    check(s.notice === OPEN_FAILED && s.errorDialog, `${name}: notice "${s.notice}" and the error dialog`);
    check(JSON.stringify(s.plan) === JSON.stringify(edited.plan) && s.measures === edited.measures && s.dirty &&
      s.selected === edited.selected && s.selectedStatus === "executed", `${name}: the open plan and its figures are unchanged`);
    check(ms < 15000, `${name}: bounded time (${ms} ms < 15 s)`);
    check((await frames()) > framesAt, `${name}: frames keep coming`);
    if (name === "sparse-200mib.json")
      check((await heap()) - heapBefore < 100e6, `${name}: refused unread (heap ${heapBefore >> 20} → ${(await heap()) >> 20} MiB)`);
    // "Bağla" closes the error dialog. ImGui samples the mouse once per frame, and a
    // frame after a large file can be slower than the held click: try again then.
    await clickUntil(page, "errors:close", () => !window.azplan.get().errorDialog);
    if ((await get()).errorDialog) await shot("dialog-open-" + name);
    check(!(await get()).errorDialog, `${name}: "Bağla" closes the error dialog`);
  });
  await shot("after-all");

  await step("still alive: an undo by key, and a valid file with a BOM opens", async () => {
    await key("Control+z");
    await until(() => window.azplan.get().selectedStatus === "partial");
    let s = await get();
    check(JSON.stringify(s.plan) === JSON.stringify(start.plan), "after every hostile file, Ctrl+Z still undoes the edit");
    await openByMenu(page, path.join(corpus, "bom.valid.json"));
    await until((n) => window.azplan.get().measures !== n, start.measures, 10000);
    s = await get();
    await shot("bom-opened");
    // The file holds a plan with no documents: it replaces the open plan, named after the file.
    check(s.errors === 0 && s.errorTexts.length === 0 && s.notice === "" && s.measures === 0 && !s.dirty &&
      s.view.includes("bom.valid.json"), `bom.valid.json opens (${s.measures} items, view "${s.view}", notice "${s.notice}")`);
  });
  check(problems.length === 0, "no page errors, console errors or foreign requests: " + problems.join("; "));
} finally {
  await cleanUp(context, server, tmp);
}
console.log(`hostile test took ${Date.now() - t0} ms`);
finish();
