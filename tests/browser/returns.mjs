// Agency returns in the browser (issue 13), with real mouse and keyboard input, on the
// bundled plans at the 2018 monitoring year (no statuses yet: the returns bring them):
//  1. File › Export › all agencies' return forms: the forms are written a few per frame
//     behind a progress dialog and arrive as one .zip with a form per agency;
//  2. File › Import returns with two files at once — the central bank's return as
//     azplan-cli writes it, filled in as an agency would (two statuses, one unknown code),
//     and a renamed PDF: the merge review counts what came in and names what was refused
//     with file and row; nothing in the plan changes yet;
//  3. Apply: the statuses change in one undoable step; Ctrl+Z brings them back.
// Usage: node returns.mjs <site-dir> <single-file-html>
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { serve, launch, watch, waitFor, waitReady, outDir, check, finish, input, clearAutosave, clickWidget,
  hoverWidget, widgetCentre, selectMeasure } from "./lib.mjs";

const site = path.resolve(process.argv[2]);
const out = outDir();
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const cli = path.join(root, "build/native/azplan-cli");
if (!fs.existsSync(cli)) {
  console.log("SKIP: no azplan-cli at " + cli + " (the native build writes the return the agency fills in)");
  process.exit(77);
}

// The central bank's return for 2018, as the CLI writes it, filled in.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "azplan-returns-"));
execFileSync(cli, ["returns", "--bundled", "--year", "2018", "--agency", "cbar", "--format", "json", "-o", tmp], { stdio: "ignore" });
const formFile = fs.readdirSync(tmp).find((f) => f.endsWith(".json"));
const form = JSON.parse(fs.readFileSync(path.join(tmp, formFile), "utf8"));
// Two measures (not sub-measures, whose status may follow their measure's).
const [first, second] = form.rows.filter((r) => r.code.split(".").length === 3);
const filled = path.join(tmp, "cbar-2018.json");
// Each gets a status other than the one it has (read from the page first): as a label in
// Azerbaijani and as a mark.
const LABEL = { executed: "icra edilmişdir", partial: "qismən icra edilmişdir", notExecuted: "icra edilməmişdir" };
const MARK = { executed: "✔", partial: "◐", notExecuted: "✘" };
const want = (before) => [before[0] === "executed" ? "partial" : "executed", before[1] === "partial" ? "notExecuted" : "partial"];
function fillReturn(before) {
  first.status = LABEL[want(before)[0]];
  first.workDone = "İşçi qrup yaradılıb";
  first.reportedBy = "Mərkəzi Bank";
  second.status = MARK[want(before)[1]];
  form.rows.push({ ...second, id: "", code: "9.9.9", status: "✔" });  // no such measure
  fs.writeFileSync(filled, JSON.stringify(form, null, 1));
}
const pdf = path.join(tmp, "hesabat.xlsx");
fs.writeFileSync(pdf, Buffer.from("%PDF-1.4\n\0\x93\x8c binary", "latin1"));

const { server, url } = await serve(site);
const context = await launch({ acceptDownloads: true });
const problems = [];
try {
  const page = await context.newPage();
  problems.push(watch(page, [url, "data:", "blob:"]));
  await page.goto(url + "?year=2018");
  await waitReady(page);
  await clearAutosave(page);
  await page.reload();
  await waitReady(page);
  const get = () => page.evaluate(() => window.azplan.get());
  const until = (fn, arg, ms = 15000) => waitFor(page, fn, arg, ms);
  const status = async (id) => {
    await selectMeasure(page, id);
    return (await get()).selectedStatus;
  };
  const before = [await status(first.id), await status(second.id)];
  fillReturn(before);

  // 1. All forms, a few per frame.
  await clickWidget(page, "menu:file");
  const [, exportY] = await widgetCentre(page, "menu:export");
  await hoverWidget(page, "menu:export");
  const [subX] = await widgetCentre(page, "export:json");
  await page.mouse.move(subX, exportY, { steps: 4 });
  const framesBefore = await page.evaluate(() => window.azplan.frames);
  const download = page.waitForEvent("download", { timeout: 60000 });
  await clickWidget(page, "export:returnForms");
  const file = await download;
  const zipPath = path.join(tmp, file.suggestedFilename());
  await file.saveAs(zipPath);
  const framesDuring = (await page.evaluate(() => window.azplan.frames)) - framesBefore;
  check(file.suggestedFilename() === "hesabat-formalari-2018.zip", `the forms arrive as hesabat-formalari-2018.zip (${file.suggestedFilename()})`);
  const names = execFileSync("python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", zipPath],
    { encoding: "utf8" }).trim().split("\n");
  check(names.length === 20 && names.every((n) => /^2018-[a-z-]+-hesabat\.xlsx$/.test(n)), `one .xlsx form per agency: ${names.length} (${names.slice(0, 3).join(", ")}…)`);
  check(names.includes("2018-cbar-hesabat.xlsx"), "the central bank's form is among them");
  const s1 = await get();
  check(/20 forma/.test(s1.notice), `the notice counts the forms ("${s1.notice}")`);
  check(s1.returnForms === undefined, "the progress dialog is gone once the .zip is written");
  check(framesDuring >= 2, `the page kept drawing while the forms were written (${framesDuring} frames)`);

  // 2. Two returns at once through File › Import returns.
  for (let attempt = 0; ; ++attempt) {
    await clickWidget(page, "menu:file");
    const [x, y] = await widgetCentre(page, "menu:importReturns");
    const chooser = page.waitForEvent("filechooser", { timeout: 10000 }).catch((e) => e);
    await input(page).click(x, y);
    const got = await chooser;
    if (!(got instanceof Error)) {
      check(got.isMultiple(), "the chooser takes several files at once");
      await got.setFiles([filled, pdf]);
      break;
    }
    if (attempt >= 1) throw got;
  }
  await until(() => (window.azplan.get().review || {}).files === 2);
  const r = (await get()).review;
  await page.screenshot({ path: path.join(out, "returns-review.png") });
  check(r.received === 2, `two rows received (${r.received})`);
  check(r.changed === 2, `two statuses would change (${r.changed})`);
  check(r.filesRefused === 1, `the renamed PDF is refused as a file (${r.filesRefused})`);
  check(r.rowsRefused === 1, `the unknown code is refused as a row (${r.rowsRefused})`);
  check(r.messages.some((m) => m.startsWith("cbar-2018.json") && m.includes("9.9.9")), "its message names the file and the code: " + r.messages.join(" | "));
  check(r.messages.some((m) => m.startsWith("hesabat.xlsx") && m.includes("neither .xlsx, CSV nor JSON")), "the PDF's message says what it is not");
  check(!(await get()).dirty, "reading returns changes nothing in the plan");

  // 3. Apply, then undo.
  await clickWidget(page, "review:apply");
  await until(() => window.azplan.get().review === undefined);
  const after = [await status(first.id), await status(second.id)];
  check(after[0] === want(before)[0] && after[1] === want(before)[1], `applied: ${first.code} ${before[0]} → ${after[0]}, ${second.code} ${before[1]} → ${after[1]}`);
  check((await get()).dirty, "the merged statuses are an unsaved edit");
  await page.screenshot({ path: path.join(out, "returns-applied.png") });
  await input(page).key("Control+z");
  const undone = [await status(first.id), await status(second.id)];
  check(undone[0] === before[0] && undone[1] === before[1], `one Ctrl+Z undoes the whole merge (${undone.join(", ")})`);
  check(problems[0].length === 0, "no console errors: " + problems[0].join("; "));
} finally {
  await context.close();
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
finish();
