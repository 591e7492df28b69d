// Open-ended duties (issue 14): the 2018 decree's standing assignments have no end year.
// Keyboard only, in the Table filtered to the decree for 2018: move down to assignment
// 1.1 and read what a screen reader gets (the page's mirror of the selection): its period
// says "2018 – müddətsiz", never the document's "2018–2018". Then the one-off task 1.6
// keeps its (inferred) year.
// Usage: node open_ended.mjs <site-dir> <single-file-html>
import path from "node:path";
import { serve, launch, watch, waitFor, waitReady, outDir, check, finish, input } from "./lib.mjs";

const site = path.resolve(process.argv[2]);
const out = outDir();
const DOC = "decree-2018-digital-government";

const { server, url } = await serve(site);
const context = await launch();
try {
  const page = await context.newPage();
  const problems = watch(page, [url, "data:", "blob:"]);
  const get = () => page.evaluate(() => window.azplan.get());
  const mirror = () => page.evaluate(() => (document.getElementById("azplan-a11y") || {}).textContent || "");
  const { key } = input(page);
  await page.goto(url + "#y=2018&tab=table&doc=" + DOC);
  await waitReady(page);
  await page.keyboard.press("Tab");
  for (const k of ["F6", "F6"]) await key(k);
  // Down the decree's rows until assignment 1.1 (section 1 comes first).
  for (let i = 0; i < 6 && (await get()).selected !== DOC + "/1.1"; ++i) await key("ArrowDown");
  check((await get()).selected === DOC + "/1.1", `keyboard reaches assignment 1.1 (${(await get()).selected})`);
  await waitFor(page, () => (document.getElementById("azplan-a11y") || {}).textContent.includes("1.1"), null, 10000)
    .catch(() => {});
  let text = await mirror();
  check(text.includes("2018 – müddətsiz"), `1.1's period is open-ended: ${text.slice(0, 300)}`);
  check(!text.includes("2018–2018") && !/2018\s*\(mütəmadi\)/.test(text), `no end year for 1.1: ${text.slice(0, 300)}`);
  // 1.6 is a one-off task of 2018.
  for (let i = 0; i < 8 && (await get()).selected !== DOC + "/1.6"; ++i) await key("ArrowDown");
  check((await get()).selected === DOC + "/1.6", `keyboard reaches assignment 1.6 (${(await get()).selected})`);
  await waitFor(page, () => !(document.getElementById("azplan-a11y") || {}).textContent.includes("müddətsiz"), null, 10000)
    .catch(() => {});
  text = await mirror();
  check(!text.includes("müddətsiz"), `1.6 is not open-ended: ${text.slice(0, 300)}`);
  await page.screenshot({ path: path.join(out, "open-ended-table.png") });
  check(problems.length === 0, "no console errors: " + problems.join("; "));
} finally {
  await context.close();
  server.close();
}
finish();
