// A page that rests (issue 12): with no input the app builds no frames and draws nothing;
// input is drawn at once; the state is built when asked, not per frame; and the canvas
// keeps its picture while the app rests.
// Usage: node idle.mjs <site-dir> <single-file-html>
import path from "node:path";
import { serve, launch, watch, waitReady, waitFor, outDir, check, finish } from "./lib.mjs";

const site = path.resolve(process.argv[2]);
const out = outDir();
const { server, url } = await serve(site);
const context = await launch();
const frames = (page) => page.evaluate(() => ({ built: window.azplan.frames, painted: window.azplan.painted }));
// A sample of the canvas's pixels as the user sees them (a screenshot, not a GL read).
const picture = async (page) => (await page.screenshot({ clip: { x: 300, y: 60, width: 700, height: 500 } })).toString("base64");
try {
  const page = await context.newPage();
  const problems = watch(page, [url, "data:", "blob:"]);
  await page.goto(url + "?tab=gantt&year=2017");
  await waitReady(page);
  await waitFor(page, () => window.azplan.resting(), null, 10000);
  // Timed work after opening (the autosave's whole write 2 s after the last change) ends.
  await page.waitForTimeout(3000);
  await waitFor(page, () => window.azplan.resting(), null, 10000);

  // At rest: no frame built or drawn for two seconds.
  const a = await frames(page);
  await page.waitForTimeout(2000);
  const b = await frames(page);
  check(b.built === a.built && b.painted === a.painted, `no frames while idle (built ${a.built} → ${b.built}, painted ${a.painted} → ${b.painted})`);
  check(await page.evaluate(() => window.azplan.resting()), "the app reports that it rests");

  // Asking for the state builds it on demand and draws nothing.
  const s = await page.evaluate(() => window.azplan.get());
  check(s && s.measures > 300 && s.tab === 1, "window.azplan.get() answers while the app rests");
  const c = await frames(page);
  check(c.built === b.built, "asking for the state builds no frame");

  // The canvas still shows the chart (the last picture stays on screen).
  const before = await picture(page);
  await page.screenshot({ path: path.join(out, "idle-gantt.png") });
  check(before.length > 2000, "the resting canvas still shows a picture");

  // One wheel notch is one step, as on the desktop: Ctrl+wheel up zooms the Gantt in by
  // 1.25 (the browser reports 100 pixels, positive down; src/platform NormalizeWheel).
  const gz = (v) => Number(/gz=([0-9.]+)/.exec(v)[1]);
  await page.mouse.move(800, 450);
  await waitFor(page, () => window.azplan.resting(), null, 5000);
  const z0 = gz((await page.evaluate(() => window.azplan.get())).view);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -100);
  await page.keyboard.up("Control");
  await waitFor(page, () => window.azplan.resting(), null, 5000);
  const z1 = gz((await page.evaluate(() => window.azplan.get())).view);
  check(Math.abs(z1 / z0 - 1.25) < 0.01, `one Ctrl+wheel notch up zooms in by 1.25 (${z0} → ${z1})`);

  // Input is drawn at once: a wheel scroll over the table changes the picture within a
  // frame or two, then the app rests again.
  await page.goto(url + "?tab=table&year=2017");
  await waitReady(page);
  await waitFor(page, () => window.azplan.resting(), null, 10000);
  const t0 = await frames(page);
  await page.mouse.move(700, 400);
  await page.mouse.wheel(0, 240);
  await waitFor(page, (n) => window.azplan.painted > n, t0.painted, 2000);
  const t1 = await frames(page);
  check(t1.painted > t0.painted, `a wheel scroll is drawn at once (painted ${t0.painted} → ${t1.painted})`);
  await waitFor(page, () => window.azplan.resting(), null, 5000);
  const t2 = await frames(page);
  await page.waitForTimeout(1000);
  const t3 = await frames(page);
  check(t3.built === t2.built, `after the input the app comes to rest again (built ${t2.built} → ${t3.built})`);

  // A frame whose picture did not change is not drawn: moving the mouse over empty space
  // builds frames but paints none (or almost none: a hover may light a row).
  const m0 = await frames(page);
  await page.mouse.move(702, 401);
  await waitFor(page, () => window.azplan.resting(), null, 5000);
  const m1 = await frames(page);
  check(m1.built > m0.built, "a mouse move wakes the app");
  check(m1.painted - m0.painted <= 1, `an unchanged picture is not drawn again (painted ${m1.painted - m0.painted} of ${m1.built - m0.built} frames)`);
  check(problems.length === 0, "no console errors: " + problems.join("; "));
} finally {
  await context.close();
  server.close();
}
finish();
