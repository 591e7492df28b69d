// Save where you opened (File System Access API), in headless Chromium against the served
// site. Headless Chromium's own file picker cannot be driven (Playwright intercepts it and
// it rejects), so the page's showOpenFilePicker is replaced by one that hands over a file
// handle of the test's own: everything after it is the app's real path (the glue keeps
// the handle, C++ opens the plan, Ctrl+S asks for permission and writes through the
// handle's writable stream). Checks:
//  1. the title names the plan and shows unsaved changes with "●";
//  2. a plan opened through the picker is written back on Ctrl+S, after one permission
//     request, without a download; the title and the state say it is saved;
//  3. when the permission is refused, Ctrl+S downloads the plan as before;
//  4. browsers without the API (no showOpenFilePicker): the <input> picker opens the plan
//     and Ctrl+S downloads.
// Usage: node save_in_place.mjs <site-dir> <single-file-html>
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch, watch, waitFor, waitReady, check, finish, input, outDir, clearAutosave, clickWidget, selectMeasure,
  openByMenu } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2]);
const small = fs.readFileSync(path.join(here, "../fixtures/small-plan.json"), "utf8");
const { server, url } = await serve(site);
const context = await launch();
const out = outDir();
let problems = [];
try {
  const page = await context.newPage();
  problems = watch(page, [url, "data:", "blob:"]);
  await page.goto(url);
  await waitReady(page);
  await clearAutosave(page);
  const { key } = input(page);
  const get = () => page.evaluate(() => window.azplan.get());
  const until = (fn, arg, ms = 15000) => waitFor(page, fn, arg, ms);
  const title = () => page.title();

  await until(() => / — azplan$/.test(document.title));
  check(!(await title()).startsWith("●") && (await get()).dirty === false, `the title names the open plan: "${await title()}"`);

  // A file handle of the test's own behind showOpenFilePicker.
  await page.evaluate((text) => {
    window.fsa = { asked: 0, written: null, answer: "granted" };
    const handle = {
      kind: "file", name: "kichik-plan.json",
      getFile: async () => new File([text], "kichik-plan.json", { type: "application/json" }),
      requestPermission: async () => { window.fsa.asked++; return window.fsa.answer; },
      createWritable: async () => {
        const parts = [];
        return { write: async (b) => { parts.push(await b.text()); }, close: async () => { window.fsa.written = parts.join(""); } };
      },
    };
    window.showOpenFilePicker = async () => [handle];
  }, small);
  await clickWidget(page, "menu:file");
  await clickWidget(page, "menu:open");  // Aç…: the picker above, no file chooser
  await until(() => window.azplan.get().measures < 50 && document.title.startsWith("kichik-plan.json"));
  check((await title()) === "kichik-plan.json — azplan", `a plan opened through the picker: "${await title()}"`);

  const edit = async (status) => {
    await selectMeasure(page, "rm/1.1.1.1");
    await key(status);
    await until(() => window.azplan.get().dirty);
  };
  await edit("2");
  check((await title()) === "● kichik-plan.json — azplan", `an edit marks the title: "${await title()}"`);
  let downloaded = false;
  page.on("download", () => { downloaded = true; });
  await key("Control+s");
  await until(() => window.fsa.written !== null && !window.azplan.get().dirty);
  const written = JSON.parse(await page.evaluate(() => window.fsa.written));
  const s = await get();
  await page.waitForTimeout(500);
  check(written.formatVersion === 1 && JSON.stringify(written).includes('"partial"') && !downloaded,
    "Ctrl+S writes the plan back into the opened file (no download)");
  check((await page.evaluate(() => window.fsa.asked)) === 1 && /kichik-plan\.json/.test(s.notice),
    `after one permission request; notice: "${s.notice}"`);
  check((await title()) === "kichik-plan.json — azplan", `the title shows it saved: "${await title()}"`);
  await page.screenshot({ path: path.join(out, "save-in-place.png") });

  // Permission refused: the download, as before.
  await page.evaluate(() => { window.fsa.answer = "denied"; window.fsa.written = null; });
  await edit("3");
  const download = page.waitForEvent("download", { timeout: 15000 });
  await key("Control+s");
  const d = await download;
  await until(() => !window.azplan.get().dirty);
  check(/\.json$/.test(d.suggestedFilename()) && (await page.evaluate(() => window.fsa.written)) === null,
    `refused: Ctrl+S downloads ${d.suggestedFilename()} instead`);

  // A browser without the API: the <input> picker and a download.
  await page.evaluate(() => { delete window.showOpenFilePicker; window.showOpenFilePicker = undefined; });
  const tmp = fs.mkdtempSync("/tmp/azplan-save-");
  const file = path.join(tmp, "ikinci.json");
  fs.writeFileSync(file, small);
  await openByMenu(page, file);
  await until(() => document.title.startsWith("ikinci.json"));
  await edit("1");
  const download2 = page.waitForEvent("download", { timeout: 15000 });
  await key("Control+s");
  const d2 = await download2;
  await until(() => !window.azplan.get().dirty);
  check(/\.json$/.test(d2.suggestedFilename()) && (await title()) === "ikinci.json — azplan",
    `without the API Ctrl+S downloads (${d2.suggestedFilename()}) and the title shows it saved`);
  check(problems.length === 0, "no page errors or foreign requests: " + problems.join("; "));
} finally {
  await context.close();
  server.close();
}
finish();
