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
  server.close();
}
finish();
