// Browser smoke test: the served site and the single-file build both start, draw,
// show the bundled plans, log no errors, and request nothing outside their origin.
// Usage: node smoke.mjs <site-dir> <single-file-html>
import path from "node:path";
import { serve, launch, watch, waitReady, outDir, check, finish } from "./lib.mjs";

const site = path.resolve(process.argv[2]);
const single = path.resolve(process.argv[3]);
const out = outDir();
const { server, url } = await serve(site);
const context = await launch();
try {
  const page = await context.newPage();
  const problems = watch(page, [url, "data:", "blob:"]);
  const t0 = Date.now();
  await page.goto(url);
  await waitReady(page);
  const firstFrameMs = Date.now() - t0;
  const state = await page.evaluate(() => window.azplan.get());
  check(state && state.measures > 300, `served site opens the bundled plans (${state && state.measures} items)`);
  check(state && state.plan.subMeasures.shares.executed === 47 && state.year === 2017,
    "the 2017 figures reach the page (47% executed at sub-measure level)");
  await page.screenshot({ path: path.join(out, "served.png") });
  check(problems.length === 0, "no console errors and no requests outside 127.0.0.1: " + problems.join("; "));
  console.log(`first frame after navigation: ${firstFrameMs} ms`);

  // Every view renders in the browser: one screenshot per tab.
  for (const tab of ["gantt", "timeline", "dashboard"]) {
    await page.goto(url + "?tab=" + tab + "&year=2017");
    await waitReady(page);
    const s = await page.evaluate(() => window.azplan.get());
    check(s.tab === ["table", "gantt", "timeline", "dashboard"].indexOf(tab), `the ${tab} tab opens from ?tab=`);
    // ImGui would show a new tab bar's first tab (the table) in the first frame.
    const first = await page.evaluate(() => window.azplan.frameLog[0]);
    check(first && first.view === tab && first.items > 300, `the first picture of ?tab=${tab} is that view with the plan (${first && first.view})`);
    await page.screenshot({ path: path.join(out, `browser-${tab}.png`) });
  }
  check(problems.length === 0, "tabs: no console errors: " + problems.join("; "));

  const filePage = await context.newPage();
  const fileProblems = watch(filePage, ["file://", "data:", "blob:"]);
  await filePage.goto("file://" + single);
  await waitReady(filePage);
  const fileState = await filePage.evaluate(() => window.azplan.get());
  check(fileState && fileState.measures === state.measures, "the single-file build opens from file:// with the same plans");
  await filePage.screenshot({ path: path.join(out, "single-file.png") });
  check(fileProblems.length === 0, "single file: no console errors, no requests: " + fileProblems.join("; "));
} finally {
  await context.close();
}
// A high-density display: the canvas is sized in device pixels and the UI scaled, so
// text stays sharp (look at browser-dpr2.png: 2800×1720 with crisp glyphs).
const hidpi = await launch({ deviceScaleFactor: 2 });
try {
  const page = await hidpi.newPage();
  const problems = watch(page, [url, "data:", "blob:"]);
  await page.goto(url + "?tab=dashboard");
  await waitReady(page);
  const size = await page.evaluate(() => [document.getElementById("canvas").width, window.innerWidth, window.devicePixelRatio]);
  check(size[2] === 2 && size[0] === size[1] * 2, `canvas in device pixels at ratio 2 (${size.join(", ")})`);
  await page.screenshot({ path: path.join(out, "browser-dpr2.png") });
  check(problems.length === 0, "ratio 2: no console errors: " + problems.join("; "));
} finally {
  await hidpi.close();
  server.close();
}
finish();
