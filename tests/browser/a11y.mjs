// Screen reader test (issue 17): keyboard only — no mouse, no calls into the module —
// move to a measure in the table, set its status with a key, then read Chromium's
// accessibility tree (CDP Accessibility.getFullAXTree) and find the selected measure's
// code, title and status in the page's mirror, and the announcement in the live region.
// Also: the mirror is not rewritten while nothing changes, and F2 opens the HTML report.
// Usage: node a11y.mjs <site-dir> <single-file-html>
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch, watch, waitFor, waitReady, outDir, check, finish, input } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2]);
const out = outDir();

// The measure's title from the bundled plan itself (not from the app).
function findTitle(id) {
  const [docId, code] = id.split("/");
  for (const f of fs.readdirSync(path.join(here, "../../data/plans"))) {
    const plan = JSON.parse(fs.readFileSync(path.join(here, "../../data/plans", f), "utf8"));
    for (const doc of plan.documents || []) {
      if (doc.id !== docId) continue;
      const walk = (nodes) => {
        for (const n of nodes || []) {
          if (n.code === code) return n.title;
          const t = walk(n.children);
          if (t) return t;
        }
        return null;
      };
      const t = walk(doc.nodes);
      if (t) return t;
    }
  }
  return null;
}

const { server, url } = await serve(site);
const context = await launch();
try {
  const page = await context.newPage();
  const problems = watch(page, [url, "data:", "blob:"]);
  const get = () => page.evaluate(() => window.azplan.get());
  const { key } = input(page);
  await page.goto(url);
  await waitReady(page);
  // Tab moves the page's focus to the canvas, as a keyboard user would.
  await page.keyboard.press("Tab");
  check(await page.evaluate(() => document.activeElement && document.activeElement.id === "canvas"), "Tab focuses the app");
  // (Tab also reached ImGui, which put the cursor in the search field: F6 works from there.)
  // F6 twice: the documents pane, then the view (the table); three rows down.
  for (const k of ["F6", "F6", "ArrowDown", "ArrowDown", "ArrowDown"]) {
    await key(k);
    const n = await get();
    console.log(`  after ${k}: focus in ${n.navWindow}, selected ${n.selected}`);
  }
  await waitFor(page, () => window.azplan.get().selected !== "", null, 10000).catch(() => {});
  const s = await get();
  check(s.selected !== "" && s.navVisible, `keyboard alone selects a measure (${s.selected}, focus in ${s.navWindow})`);
  await key("3");  // not executed
  await waitFor(page, () => window.azplan.get().selectedStatus === "notExecuted", null, 10000).catch(() => {});
  check((await get()).selectedStatus === "notExecuted", "the status key sets the selected measure's status");
  await page.waitForTimeout(300);

  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const names = nodes.filter((n) => !n.ignored).map((n) => (n.name && n.name.value) || "");
  const all = names.join("\n");
  const code = s.selected.split("/")[1];
  const title = findTitle(s.selected);
  check(!!title, `the plan has a title for ${s.selected}`);
  check(names.some((n) => n.includes(code + " " + title)), `the accessibility tree has the code and title: ${code} ${title}`);
  check(all.includes("icra edilməmişdir"), "the accessibility tree has the status (icra edilməmişdir)");
  const status = nodes.find((n) => n.role && n.role.value === "status");
  const statusText = await page.evaluate(() => (document.getElementById("azplan-live") || {}).textContent || "");
  check(!!status, "there is a live status region");
  check(statusText.startsWith(code + ":") && statusText.includes("icra edilməmişdir"),
    `the live region announced the change: "${statusText}"`);
  const heading = nodes.find((n) => n.role && n.role.value === "heading" && n.name && n.name.value.startsWith(code + " "));
  check(!!heading, "the selected measure is a heading (screen readers jump by headings)");

  // The mirror is rewritten only when what it says changes, not every frame.
  await page.evaluate(() => {
    window.__mirrorWrites = 0;
    new MutationObserver(() => window.__mirrorWrites++).observe(document.getElementById("azplan-a11y"),
      { childList: true, subtree: true, characterData: true });
  });
  const f0 = await page.evaluate(() => window.azplan.frames);
  await page.waitForTimeout(1500);
  const f1 = await page.evaluate(() => window.azplan.frames);
  const writes = await page.evaluate(() => window.__mirrorWrites);
  check(writes === 0, `no rewrite of the mirror while nothing changes (${writes} writes over ${f1 - f0} frames)`);
  await key("ArrowDown");
  await waitFor(page, () => window.__mirrorWrites > 0, null, 10000).catch(() => {});
  check(await page.evaluate(() => window.__mirrorWrites > 0), "moving to the next row rewrites the mirror");
  await page.screenshot({ path: path.join(out, "a11y-keyboard.png") });

  // F2: the accessible HTML report opens (a new tab, or a download if blocked).
  const opened = Promise.race([
    context.waitForEvent("page", { timeout: 15000 }).then((p) => ({ page: p })),
    page.waitForEvent("download", { timeout: 15000 }).then((d) => ({ download: d })),
  ]).catch(() => null);
  await key("F2");
  const got = await opened;
  let reportOk = false;
  if (got && got.page) {
    await got.page.waitForLoadState().catch(() => {});
    const text = await got.page.evaluate(() => document.body ? document.body.innerText : "").catch(() => "");
    reportOk = text.length > 200;
  } else if (got && got.download) {
    reportOk = /\.html$/.test(got.download.suggestedFilename());
  }
  check(reportOk, "F2 opens the accessible HTML report");
  check(problems.length === 0, "no console errors: " + problems.join("; "));
} finally {
  await context.close();
  server.close();
}
finish();
