// Indicators (issue 14) with real mouse and keyboard input, in the bundled plans at the
// 2017 monitoring year:
//  1. the Indicators tab opens by a click on its tab; every indicator has "no data";
//  2. the cashless share is chosen, "14" typed and Enter: the state becomes "on track"
//     (expected 13,5 on the path 8 % (2016) → 30 % (2020));
//  3. a click on the state opens its working;
//  4. "12,5 %" with a source: "behind"; "12,5 Mbit/s" is refused with the unit named;
//  5. Ctrl+Z brings back "on track"; after a reload the autosaved value is still there.
// Widgets are clicked by the names the app reports (App::StateJson "widgets": "tab:indicators",
// "kpi:<id>", "kpiState:<id>", "kpiForm:value|source|note|save|clear"), not by pixels.
// Usage: node indicators.mjs <site-dir> <single-file-html>
import path from "node:path";
import { serve, launch, watch, waitFor, waitReady, outDir, check, finish, input, clearAutosave, clickWidget } from "./lib.mjs";

const site = path.resolve(process.argv[2]);
const out = outDir();
const KPI = "roadmap-telecom-2016-kpi-cashless-share";

const { server, url } = await serve(site);
const context = await launch();
const problems = [];
try {
  const page = await context.newPage();
  problems.push(watch(page, [url, "data:", "blob:"]));
  await page.goto(url);
  await waitReady(page);
  await clearAutosave(page);
  await page.reload();
  await waitReady(page);
  const get = () => page.evaluate(() => window.azplan.get());
  const until = (fn, arg, ms = 10000) => waitFor(page, fn, arg, ms);
  const { key } = input(page);
  const clickRect = (name) => clickWidget(page, name);
  const state = async () => (await get()).indicators.states[KPI];

  let s = await get();
  check(s.year === 2017, `the monitoring year is 2017 (${s.year})`);
  check(Object.keys(s.indicators.states).length === 21, `21 indicators in the bundled plans (${Object.keys(s.indicators.states).length})`);
  check(s.indicators.counts.noData === 21, "nothing measured yet: every indicator has no data");

  // 1. The tab.
  await clickRect("tab:indicators");
  await until(() => window.azplan.get().tab === 4);
  check((await get()).tab === 4, "a click on the tab opens the Indicators view");
  await page.screenshot({ path: path.join(out, "indicators-tab.png") });

  // 2. Choose the cashless share and record 14 with Enter.
  await clickRect("kpi:" + KPI);
  await until((k) => window.azplan.get().indicators.selected === k, KPI);
  check((await get()).indicators.selected === KPI, "a click on the indicator chooses it for recording");
  await clickRect("kpiForm:value");
  await page.keyboard.type("14", { delay: 30 });
  await key("Enter");
  await until((k) => window.azplan.get().indicators.states[k] === "onTrack", KPI).catch(() => {});
  s = await get();
  check(s.indicators.states[KPI] === "onTrack", `14 % in 2017 is on track (${s.indicators.states[KPI]})`);
  check(s.dirty && s.canUndo, "the value is an edit: unsaved, undoable");
  check(s.indicators.counts.onTrack === 1, "the counts follow");

  // 3. The working behind the state.
  await clickRect("kpiState:" + KPI);
  await until((k) => window.azplan.get().indicators.working === k, KPI).catch(() => {});
  check((await get()).indicators.working === KPI, "a click on the state opens its working");
  await page.screenshot({ path: path.join(out, "indicators-working.png") });

  // 4. Azerbaijani decimal comma with a unit, and a source: behind.
  await clickRect("kpiForm:value");
  await key("Control+a");
  await page.keyboard.type("12,5 %", { delay: 30 });
  await clickRect("kpiForm:source");
  await page.keyboard.type("Merkezi Bank 2017", { delay: 20 });
  await key("Enter");
  await until((k) => window.azplan.get().indicators.states[k] === "behind", KPI).catch(() => {});
  check((await state()) === "behind", `12,5 % in 2017 is behind the expected 13,5 (${await state()})`);
  // A wrong unit is refused, the value stays.
  await clickRect("kpiForm:value");
  await key("Control+a");
  await page.keyboard.type("12,5 Mbit/s", { delay: 30 });
  await key("Enter");
  await until(() => window.azplan.get().indicators.error !== "").catch(() => {});
  s = await get();
  check(/Mbit\/s/.test(s.indicators.error), `a wrong unit is refused and named (${s.indicators.error})`);
  check(s.indicators.states[KPI] === "behind", "the refused input changed nothing");
  await page.screenshot({ path: path.join(out, "indicators-refused.png") });

  // 5. Undo (outside the text field), then the autosave across a reload.
  await key("Escape");
  await clickRect("tab:indicators");
  await key("Control+z");
  await until((k) => window.azplan.get().indicators.states[k] === "onTrack", KPI).catch(() => {});
  check((await get()).canUndo, "one Ctrl+Z undoes one edit (the first value can still be undone)");
  check((await state()) === "onTrack", `Ctrl+Z brings back 14 % (${await state()})`);
  await page.waitForTimeout(1500);
  await page.evaluate(() => window.azplanGlue.flush());
  await page.reload();
  await waitReady(page);
  await until((k) => window.azplan.get().indicators.states[k] === "onTrack", KPI, 15000).catch(() => {});
  check((await state()) === "onTrack", `the recorded value survives a reload (autosave) (${await state()})`);
} catch (e) {
  check(false, "no exception: " + (e && e.stack ? e.stack : e));
} finally {
  for (const p of problems) for (const x of p) check(false, x);
  await context.close();
  server.close();
}
finish();
