// The two renderers (src/main/main.cpp): WebGL, and the software renderer on a 2D canvas
// that the page picks where WebGL is itself software (src/main/soft_renderer.h). Both draw
// the same Gantt (screenshots compared pixel by pixel), the state and the console say
// which one draws, input repaints at once, a resize and a new text size are drawn whole,
// and an idle page builds no frames.
// Usage: node render.mjs <site-dir> <single-file-html>
import path from "node:path";
import { serve, launch, watch, waitReady, waitFor, input, outDir, check, finish } from "./lib.mjs";
import { decodePng, comparePictures } from "./png.mjs";

const site = path.resolve(process.argv[2]);
const out = outDir();
const { server, url } = await serve(site);
const frames = (page) => page.evaluate(() => ({ built: window.azplan.frames, painted: window.azplan.painted }));
const rest = (page) => waitFor(page, () => window.azplan.resting(), null, 10000);

// Opens the Gantt in a browser of its own (remembered settings and the autosave stay
// apart), with `query` choosing the renderer; returns the page and what it logged.
async function open(query) {
  const context = await launch();
  const page = await context.newPage();
  const logs = [];
  page.on("console", (m) => logs.push(m.text()));
  const problems = watch(page, [url, "data:", "blob:"]);
  await page.goto(url + "?tab=gantt&year=2017" + query);
  await waitReady(page);
  await rest(page);
  // The mouse away from every widget, so no hover differs between the two.
  await page.mouse.move(1390, 850);
  await rest(page);
  return { context, page, logs, problems };
}

async function shot(page, name) {
  const png = await page.screenshot({ path: path.join(out, name) });
  return decodePng(png);
}

const runs = {};
try {
  for (const [kind, query] of [["gl", "&render=gl"], ["soft", "&render=soft"], ["auto", ""]]) {
    const run = await open(query);
    runs[kind] = run;
    const { page, logs } = run;
    const state = await page.evaluate(() => window.azplan.get());
    const expected = kind === "auto" ? "soft" : kind;  // headless Chromium's WebGL is SwiftShader
    check(state && state.renderer === expected, `${kind}: the state says the ${expected} renderer draws (${state && state.renderer})`);
    check(await page.evaluate(() => window.azplan.renderer) === expected, `${kind}: window.azplan.renderer is ${expected}`);
    const said = logs.filter((l) => /^azplan: .*renderer/.test(l));
    check(said.length === 1 && (expected === "soft" ? /software renderer/ : /WebGL renderer/).test(said[0]),
      `${kind}: the console names the renderer once: ${said.join(" | ")}`);
    if (kind === "auto") check(/software|SwiftShader/i.test(said[0] || ""), `auto: chosen because WebGL is software (${said[0]})`);
    run.picture = await shot(page, `render-${kind}-gantt.png`);
  }

  // The same picture from both renderers: a few pixels may round differently at the
  // edges of anti-aliased shapes, nothing more.
  const gl = runs.gl.picture, soft = runs.soft.picture;
  const d = comparePictures(gl, soft);
  check(d.sameSize && d.differing < 0.002 && d.mean < 0.5,
    `software and WebGL pictures match (${(d.differing * 100).toFixed(3)} % of pixels differ by more than 16, mean difference ${d.mean.toFixed(3)})`);
  const da = comparePictures(soft, runs.auto.picture, 0);
  check(da.differing === 0, `the automatic choice draws the software picture (${(da.differing * 100).toFixed(3)} % differ)`);

  // A new text size rebuilds the font atlas; the software renderer reads the new one.
  for (const kind of ["gl", "soft"]) {
    const { page } = runs[kind];
    await input(page).key("Control+=");
    await rest(page);
    await page.mouse.move(1390, 850);
    await rest(page);
    runs[kind].bigger = await shot(page, `render-${kind}-gantt-110.png`);
  }
  const db = comparePictures(runs.gl.bigger, runs.soft.bigger);
  const grown = comparePictures(runs.soft.picture, runs.soft.bigger);
  check(grown.differing > 0.01, `the larger text changed the picture (${(grown.differing * 100).toFixed(1)} % of pixels)`);
  check(db.differing < 0.002 && db.mean < 0.5,
    `at 110 % text both renderers still match (${(db.differing * 100).toFixed(3)} % differ, mean ${db.mean.toFixed(3)})`);

  const page = runs.soft.page;
  // Input repaints at once: one Ctrl+wheel notch zooms the Gantt in the next frame.
  const gz = (v) => Number(/gz=([0-9.]+)/.exec(v)[1]);
  await page.mouse.move(800, 450);
  await rest(page);
  const z0 = gz((await page.evaluate(() => window.azplan.get())).view);
  const before = await frames(page);
  const beforeShot = await shot(page, "render-soft-before-zoom.png");
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -100);
  await page.keyboard.up("Control");
  await waitFor(page, (n) => window.azplan.painted > n, before.painted, 2000);
  await rest(page);
  const z1 = gz((await page.evaluate(() => window.azplan.get())).view);
  const zoomed = comparePictures(beforeShot, await shot(page, "render-soft-zoomed.png"));
  check(z1 > z0 && zoomed.differing > 0.01, `a Ctrl+wheel notch repaints the software canvas (zoom ${z0} → ${z1}, ${(zoomed.differing * 100).toFixed(1)} % of pixels changed)`);

  // A frame is shown with its paint time, as the benchmarks read it.
  const last = await page.evaluate(() => window.azplan.frameLog[window.azplan.frameLog.length - 1]);
  check(last && last.shownAt >= last.t, `the frame log notes when the software frame was shown (${last && (last.shownAt - last.t).toFixed(1)} ms after it)`);

  // Idle: no frames built or drawn.
  await page.waitForTimeout(2500);
  await rest(page);
  const a = await frames(page);
  await page.waitForTimeout(2000);
  const b = await frames(page);
  check(a.built === b.built && a.painted === b.painted, `the idle software page builds no frames (built ${a.built} → ${b.built})`);

  // A resize clears the canvas: the next picture goes up whole, at the new size.
  await page.setViewportSize({ width: 1100, height: 700 });
  await waitFor(page, () => document.getElementById("canvas").width === 1100, null, 5000);
  await rest(page);
  const resized = await shot(page, "render-soft-resized.png");
  let black = 0;
  for (let i = 0; i < resized.data.length; i += 4) black += resized.data[i] + resized.data[i + 1] + resized.data[i + 2] === 0;
  check(resized.width === 1100 && black / (resized.width * resized.height) < 0.05,
    `after a resize the whole canvas is drawn (${(100 * black / (resized.width * resized.height)).toFixed(2)} % black)`);

  for (const [kind, run] of Object.entries(runs))
    check(run.problems.length === 0, `${kind}: no console errors: ${run.problems.join("; ")}`);
} finally {
  for (const run of Object.values(runs)) await run.context.close();
  server.close();
}
finish();
