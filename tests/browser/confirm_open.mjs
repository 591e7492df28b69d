// "No lost work" (issue 8): opening another plan while the open one has unsaved changes
// asks first, with real mouse and keyboard input:
//  1. an edit by key, then File → Aç… with a valid file: the dialog; "İmtina" (cancel)
//     keeps the edited plan, still unsaved;
//  2. again, "Saxlamadan aç" (open without saving): the new plan opens;
//  3. the bundled plans, an edit, File → Aç…: "Yadda saxla (JSON) və aç" downloads the
//     edited plan as JSON (the edit is in it), then the new plan opens;
//  4. start-up: a restored autosave plus ?plan= asks too (cancel keeps the working copy;
//     "open without saving" opens the hosted plan with the link's view).
// A malformed file is refused without asking (the plan stays, see interaction.mjs).
// Usage: node confirm_open.mjs <site-dir> <single-file-html>
import fs from "node:fs";
import path from "node:path";
import { serve, launch, watch, waitFor, waitReady, outDir, check, finish, openByMenu, openBundledByMenu,
  clearAutosave, siteWithPlans, cleanUp, step, selectMeasure, statusKey, clickUntil } from "./lib.mjs";

const site = path.resolve(process.argv[2]);
const out = outDir();
const { tmp, root, smallText } = siteWithPlans(site, "azplan-confirm-");
const goodFile = path.join(tmp, "small-plan.json");
const badFile = path.join(tmp, "broken.json");
fs.writeFileSync(goodFile, smallText);
fs.writeFileSync(badFile, '{ "formatVersion": 1, "documents": [ { "id": "x", ');
const SMALL = 11;  // items in the small plan
const MEASURE = "roadmap-telecom-2016/1.1.1.3";

// A node's 2017 status in a saved plan.
function status2017(planText, docId, code) {
  const doc = (JSON.parse(planText).documents || []).find((d) => d.id === docId);
  const find = (nodes) => {
    for (const n of nodes || []) {
      if (n.code === code) return n;
      const c = find(n.children);
      if (c) return c;
    }
    return null;
  };
  const n = doc && find(doc.nodes);
  const a = n && (n.assessments || []).find((x) => x.year === 2017);
  return a ? a.status : null;
}

const { server, url } = await serve(root);
const context = await launch();
const t0 = Date.now();
const problems = [];
try {
  const open = async (address) => {
    const page = await context.newPage();
    problems.push(watch(page, [url, "data:", "blob:"]));
    await page.goto(address);
    await waitReady(page);
    return page;
  };
  let page = await open(url);
  const get = () => page.evaluate(() => window.azplan.get());
  const shot = (name) => page.screenshot({ path: path.join(out, "confirm-" + name + ".png") });
  const until = (fn, arg, ms = 10000) => waitFor(page, fn, arg, ms);
  await clearAutosave(page);

  // The dialog's buttons by name (confirmOpen:save|discard|cancel); a held click can fall
  // into a slow frame, so it is pressed again while the dialog is still up.
  const answer = (which) => clickUntil(page, "confirmOpen:" + which, () => !window.azplan.get().confirmOpen);
  // Select 1.1.1.3 through the search box and the table, set it executed with key 1.
  const editByKey = async () => {
    await selectMeasure(page, MEASURE);
    await statusKey(page, 1);
    await until(() => window.azplan.get().dirty);
    return get();
  };

  let s, start, edited;
  await step("an edit by key; a malformed file is refused without asking", async () => {
    start = await get();
    check(start.measures > 300 && !start.dirty && !start.confirmOpen, "the bundled plans open, nothing unsaved, no question");
    edited = await editByKey();
    check(edited.plan.subMeasures.executed === start.plan.subMeasures.executed + 1 && edited.dirty,
      "key 1 sets 1.1.1.3 executed: the plan has unsaved changes");

    // A malformed file is refused without asking; the edit stays.
    await openByMenu(page, badFile);
    await until(() => window.azplan.get().errorDialog);
    s = await get();
    check(!s.confirmOpen && s.dirty && JSON.stringify(s.plan) === JSON.stringify(edited.plan), "a malformed file: errors, no question, the edit stays");
    await clickUntil(page, "errors:close", () => !window.azplan.get().errorDialog);  // Bağla
  });

  await step("1. İmtina (cancel) keeps the edited plan", async () => {
    await openByMenu(page, goodFile);
    await until(() => window.azplan.get().confirmOpen);
    await page.waitForTimeout(300);
    s = await get();
    await shot("1-dialog");
    check(s.confirmOpen && s.pendingOpen === "small-plan.json" && s.measures === edited.measures &&
      JSON.stringify(s.plan) === JSON.stringify(edited.plan) && s.dirty,
      `File → Aç… over unsaved changes asks first ("${s.pendingOpen}"); the plan is still the edited one`);
    await answer("cancel");
    await page.waitForTimeout(300);
    s = await get();
    await shot("1-cancelled");
    check(!s.confirmOpen && s.measures === edited.measures && JSON.stringify(s.plan) === JSON.stringify(edited.plan) &&
      s.dirty && s.selectedStatus === "executed", "İmtina: the dialog closes, the edited figures are intact and still unsaved");
  });

  await step("2. Saxlamadan aç (open without saving)", async () => {
    await openByMenu(page, goodFile);
    await until(() => window.azplan.get().confirmOpen);
    await answer("discard");
    await until((n) => window.azplan.get().measures === n, SMALL);
    s = await get();
    await shot("2-discarded");
    check(!s.confirmOpen && s.measures === SMALL && !s.dirty && s.errors === 0, `Saxlamadan aç: the small plan is open (${s.measures} items)`);
  });

  await step("3. Yadda saxla (JSON) və aç (save first)", async () => {
    // The bundled plans (nothing unsaved: no question), an edit, then open.
    await openBundledByMenu(page);  // Fayl › Daxili planları aç
    await until((n) => window.azplan.get().measures === n, start.measures);
    check(!(await get()).confirmOpen, "the bundled plans open without a question when nothing is unsaved");
    const edited2 = await editByKey();
    await openByMenu(page, goodFile);
    await until(() => window.azplan.get().confirmOpen);
    const download = page.waitForEvent("download", { timeout: 15000 });
    await answer("save");
    const d = await download;
    const saved = fs.readFileSync(await d.path(), "utf8");
    check(/\.json$/.test(d.suggestedFilename()) && status2017(saved, "roadmap-telecom-2016", "1.1.1.3") === "executed",
      `Yadda saxla (JSON) və aç: ${d.suggestedFilename()} downloads with 1.1.1.3 executed in 2017 (was partial)`);
    await until((n) => window.azplan.get().measures === n, SMALL);
    s = await get();
    check(!s.confirmOpen && s.measures === SMALL && !s.dirty, "…and then the small plan is open");
    check(edited2.dirty, "(the plan was edited before)");
  });

  await step("4. start-up: a restored autosave plus ?plan= asks too", async () => {
    await openBundledByMenu(page);
    await until((n) => window.azplan.get().measures === n, start.measures);
    const edited3 = await editByKey();
    await until(async () => !!(await window.azplanGlue.storageRead("azplan.autosave")));
    await page.evaluate(() => window.azplanGlue.flush());
    await page.close();
    page = await open(url + "?plan=plans/small.json");
    await until(() => window.azplan.get().confirmOpen);
    await page.waitForTimeout(300);
    s = await get();
    await shot("4-startup-dialog");
    check(s.confirmOpen && s.pendingOpen === "plans/small.json" && s.measures === edited3.measures &&
      JSON.stringify(s.plan) === JSON.stringify(edited3.plan) && s.dirty && /bərpa/.test(s.notice),
      `${JSON.stringify(s.plan) === JSON.stringify(edited3.plan) ? "" : "(figures differ) "}restored autosave + ?plan=: asks before opening "${s.pendingOpen}" (notice "${s.notice}")`);
    await answer("cancel");
    await page.waitForTimeout(300);
    s = await get();
    check(!s.confirmOpen && JSON.stringify(s.plan) === JSON.stringify(edited3.plan) && s.dirty,
      "İmtina: the restored working copy stays, still unsaved");
    await page.close();
    page = await open(url + "?plan=plans/small.json#y=2018&tab=timeline");
    await until(() => window.azplan.get().confirmOpen);
    await answer("discard");
    await until((n) => window.azplan.get().measures === n, SMALL);
    await page.waitForTimeout(200);
    s = await get();
    await shot("4-startup-discarded");
    check(!s.confirmOpen && s.measures === SMALL && s.year === 2018 && s.tab === 2,
      `Saxlamadan aç: the hosted plan opens with the link's view (year ${s.year}, tab ${s.tab})`);
    await clearAutosave(page);
    await page.close();
  });

  const all = problems.flat();
  check(all.length === 0, "no page errors, console errors or foreign requests: " + all.join("; "));
} finally {
  await cleanUp(context, server, tmp);
}
console.log(`confirm-open test took ${Date.now() - t0} ms`);
finish();
