// Browser features test, in headless Chromium against the served site:
//  1. no eval( or new Function in the glue, the generated azplan.js or the single file,
//     and each page carries its own strict CSP;
//  2. every File > İxrac format downloads as <plan>-<year>-<kind>.<ext>: CSV (BOM, header,
//     cells), XLSX (a zip; LibreOffice reads it in tests/readers), JSON (opened back, same figures), SVG (strict XML parse), MSPDI (tasks),
//     HTML report (47%, a planted <script> escaped), PNG of the Gantt and the timeline;
//  3. a damaged autosave (garbage, wrong checksum) is set aside with a notice; a
//     10,000-measure plan's edit survives a reload (IndexedDB; too big for localStorage);
//  4. the view in the URL fragment: change search, year, tab and zoom with the UI, open
//     the resulting link in a new page and get the same view; a crafted link with filters;
//  5. ?plan=relative/url.json opens a hosted plan (and the fragment's view on top of it);
//     a malformed or missing one leaves the bundled plans open with a notice;
//  6. offline: the service worker controls the page, and it reloads with the network off
//     and the server stopped.
// One page does 2, 3, 4 and 6 in turn (page loads are the slow part).
// Usage: node web_features.mjs <site-dir> <single-file-html>
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch, watch, waitFor, waitReady, outDir, check, finish, input, openByMenu, openBundledByMenu,
  step, search, clickWidget, exportByMenu,
  clearAutosave, siteWithPlans, cleanUp } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2]);
const single = path.resolve(process.argv[3]);
const out = outDir();
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

// ---- 1. No eval, strict CSP (static checks: they need no browser) ------------------------
{
  const files = [...fs.readdirSync(path.join(here, "../../web")).filter((f) => f.endsWith(".js")).map((f) => path.join(here, "../../web", f)),
    path.join(site, "azplan.js"), single];
  const bad = [];
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    for (const re of [/\beval\s*\(/g, /\bnew\s+Function\s*\(/g, /\bFunction\s*\(\s*["'`]/g]) {
      for (const m of text.matchAll(re)) bad.push(`${path.basename(f)}@${m.index}: ${text.slice(Math.max(0, m.index - 40), m.index + 40)}`);
    }
  }
  check(bad.length === 0, `no eval( or new Function in ${files.map((f) => path.basename(f)).join(", ")}` + (bad.length ? ": " + bad.join(" | ") : ""));
  const policy = (html) => (html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/) || [])[1] || "";
  const sitePolicy = policy(fs.readFileSync(path.join(site, "index.html"), "utf8"));
  const singlePolicy = policy(fs.readFileSync(single, "utf8"));
  const scriptSrc = (p) => (p.split(";").map((s) => s.trim()).find((s) => s.startsWith("script-src")) || "");
  check(/^script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval'$/.test(scriptSrc(sitePolicy)),
    "site CSP: its own files and the inline glue by hash: " + scriptSrc(sitePolicy).slice(0, 60) + "…");
  check(/^script-src 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval'$/.test(scriptSrc(singlePolicy)),
    "single-file CSP allows its two inline scripts by hash: " + scriptSrc(singlePolicy).slice(0, 60) + "…");
  check(!/unsafe-inline|'unsafe-eval'/.test(sitePolicy + singlePolicy), "neither page allows 'unsafe-inline' or 'unsafe-eval'");
}

// A site of our own: the built files (linked) plus hosted plans for ?plan=.
const { tmp, root, smallText } = siteWithPlans(site, "azplan-features-");
fs.writeFileSync(path.join(root, "plans/broken.json"), '{ "formatVersion": 1, "documents": [ { "id": "x", ');
// A plan with a script planted in its title and a measure's title.
const hostile = JSON.parse(smallText);
hostile.title = "<script>alert(1)</script> & co";
hostile.documents[0].nodes[0].children[0].children[0].title = "<script>alert(2)</script>";
const hostileFile = path.join(tmp, "hostile.json");
fs.writeFileSync(hostileFile, JSON.stringify(hostile));

// 10,000 measures (10 targets × 10 priorities × 100 measures), ~15 MB like `azplan-cli synth`.
function bigPlan() {
  const words = "rəqəmsal inkişaf infrastruktur xidmət şəbəkə təhlükəsizlik elektron hökumət məlumat sistem " +
    "genişzolaqlı internet təhsil səhiyyə innovasiya texnologiya reyestr platforma portal standart";
  const filler = (n, seed) => { const w = words.split(" "); let s = ""; for (let i = 0; s.length < n; i++) s += w[(seed * 7 + i * 13) % w.length] + " "; return s.trim(); };
  const targets = [];
  let k = 0;
  for (let t = 1; t <= 10; t++) {
    const priorities = [];
    for (let p = 1; p <= 10; p++) {
      const measures = [];
      for (let m = 1; m <= 100; m++, k++) {
        measures.push({ code: `${t}.${p}.${m}`, kind: "measure", title: `M${k}Q ` + filler(700, k), lead: ["mincom"],
          coExecutors: ["minecon"], period: { start: 2017, end: 2020 },
          assessments: [{ year: 2017, status: "partial", note: filler(600, k + 1) }] });
      }
      priorities.push({ code: `${t}.${p}`, kind: "priority", title: `Prioritet ${t}.${p}`, children: measures });
    }
    targets.push({ code: `${t}`, kind: "target", title: `Hədəf ${t}`, children: priorities });
  }
  return { formatVersion: 1, id: "big", title: "Böyük plan", agencies: [{ id: "mincom", name: "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi" },
    { id: "minecon", name: "İqtisadiyyat Nazirliyi" }],
  documents: [{ id: "big", kind: "roadmap", title: "Böyük yol xəritəsi", approved: "2016-12-06", period: { start: 2017, end: 2020 }, nodes: targets }] };
}
const bigFile = path.join(tmp, "big-plan.json");
fs.writeFileSync(bigFile, JSON.stringify(bigPlan()));

const { server, url } = await serve(root);
const context = await launch();
const problems = [];
try {
  const helpers = (page) => {
    const { click, key } = input(page);
    const get = () => page.evaluate(() => window.azplan.get());
    const until = (fn, arg, ms = 10000) => waitFor(page, fn, arg, ms);
    const shot = (name) => page.screenshot({ path: path.join(out, "features-" + name + ".png") });
    return { click, key, get, until, shot };
  };
  const open = async (address, allowed404 = false) => {
    const page = await context.newPage();
    const p = watch(page, [url, "data:", "blob:"]);
    page.on("close", () => problems.push(...p.filter((m) => !(allowed404 && /404/.test(m)))));
    await page.goto(address);
    await waitReady(page);
    return page;
  };

  const page = await open(url);
  let { click, key, get, until, shot } = helpers(page);
  const bundled = await get();
  let s = bundled;
  check(bundled.year === 2017 && bundled.tab === 0 && bundled.measures > 300 && bundled.plan.subMeasures.shares.executed === 47,
    "the site opens on the bundled plans, 2017, table, 47%");

  // ---- 2. Exports (first: the fresh page shows the bundled plans in 2017) ----------------
  await step("2. exports", async () => {
    const items = ["json", "csv", "xlsx", "html", "gantt-svg", "gantt-a4", "gantt-a3", "timeline-svg", "mspdi", "gantt-png", "timeline-png"];
    const exportItem = async (name) => {
      const d = await exportByMenu(page, name);
      const file = await d.path();
      return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
    };
    const xmlOk = (text, type) => page.evaluate(([t, ty]) => {
      const doc = new DOMParser().parseFromString(t, ty);
      return doc.getElementsByTagName("parsererror").length === 0 ? doc.documentElement.nodeName : "";
    }, [text, type]);
    const got = {};
    for (const item of items) got[item] = await exportItem(item);
    await shot("3-exported");
    const kinds = { json: "plan.json", csv: "measures.csv", xlsx: "measures.xlsx", html: "report.html",
      "gantt-a4": "gantt-a4.html", "gantt-a3": "gantt-a3.html", "gantt-svg": "gantt.svg", "timeline-svg": "timeline.svg",
      mspdi: "msproject.xml", "gantt-png": "gantt.png", "timeline-png": "timeline.png" };
    const prefix = got.json.name.replace(/-2017-plan\.json$/, "");
    check(/^[a-z0-9][a-z0-9-]*$/.test(prefix) && items.every((i) => got[i].name === `${prefix}-2017-${kinds[i]}`),
      "every format downloads as <plan>-2017-<kind>.<ext>: " + items.map((i) => got[i].name).join(", "));

    const csv = got.csv.bytes.toString("utf8");
    const parseCsv = (text) => {
      const rows = []; let row = [], cell = "", q = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (q) { if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c; }
        else if (c === '"') q = true;
        else if (c === ",") { row.push(cell); cell = ""; }
        else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
        else cell += c;
      }
      if (cell || row.length) { row.push(cell); rows.push(row); }
      return rows;
    };
    const rows = parseCsv(csv.replace(/^\uFEFF/, ""));
    const header = rows[0];
    const code = (r) => (r[1] || "").replace(/^\u2060/, "");
    const r113 = rows.find((r) => r[0].startsWith("Azərbaycan Respublikasında telekommunikasiya") && code(r) === "1.1.1.3") || [];
    check(got.csv.bytes[0] === 0xef && got.csv.bytes[1] === 0xbb && got.csv.bytes[2] === 0xbf, "CSV starts with the UTF-8 BOM");
    check(header.slice(0, 4).join(",") === "Sənəd,Kod,Növ,Tədbir" && header.includes("İcra vəziyyəti (2017)") &&
      rows.slice(1).every((r) => r.length === header.length) && rows.length - 1 === bundled.measures,
      `CSV: the Azerbaijani header and ${rows.length - 1} rows of ${header.length} cells`);
    check(r113[2] === "alt tədbir" && r113[4] === "Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi" &&
      r113[5] === "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi" && r113[13] === "qismən icra edilmişdir" && r113[14] === "◐",
      "CSV: 1.1.1.3 reads alt tədbir, its lead by the 2017 name and the current one, qismən icra edilmişdir, ◐");
    check(got.xlsx.bytes.readUInt32LE(0) === 0x04034b50 && got.xlsx.bytes.length > 10000, `XLSX: a zip of ${got.xlsx.bytes.length} bytes`);

    check(await xmlOk(got["gantt-svg"].bytes.toString("utf8"), "image/svg+xml") === "svg" &&
      await xmlOk(got["timeline-svg"].bytes.toString("utf8"), "image/svg+xml") === "svg", "both SVGs parse as strict XML");
    const mspdi = got.mspdi.bytes.toString("utf8");
    const tasks = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, "application/xml");
      if (doc.getElementsByTagName("parsererror").length) return null;
      return Array.from(doc.getElementsByTagName("Task")).map((e) => (e.getElementsByTagName("Name")[0] || {}).textContent || "");
    }, mspdi);
    check(tasks && tasks.length === bundled.measures + 5 &&
      tasks.includes("1.1.1.3 Azərbaycanda telekommunikasiya sektorunun inkişafı ilə bağlı çərçivə planının hazırlanması"),
      `MSPDI parses: ${tasks && tasks.length} tasks (summary + 4 documents + ${bundled.measures} items), 1.1.1.3 among them`);
    const html = got.html.bytes.toString("utf8");
    // (Not parsed in the page: DOMParser would apply the page's CSP to the report's <style>.)
    check(/^<!doctype html>/i.test(html) && /<b>47%<\/b>/.test(html) && /<\/html>\s*$/.test(html), "the HTML report shows 47% executed overall");

    const pngSize = (b) => b.length > 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a && b.toString("ascii", 12, 16) === "IHDR"
      ? [b.readUInt32BE(16), b.readUInt32BE(20)] : null;
    for (const kind of ["gantt", "timeline"]) {
      const svg = got[kind + "-svg"].bytes.toString("utf8");
      const w = Number((svg.match(/<svg[^>]*\swidth="([0-9.]+)"/) || [])[1]), hh = Number((svg.match(/<svg[^>]*\sheight="([0-9.]+)"/) || [])[1]);
      let scale = 2;
      while (scale > 0.1 && (w * scale > 16384 || hh * scale > 16384 || w * hh * scale * scale > 64e6)) scale /= 2;
      const size = pngSize(got[kind + "-png"].bytes);
      check(size && size[0] === Math.round(w * scale) && size[1] === Math.round(hh * scale) && got[kind + "-png"].bytes.length > 5000,
        `${kind} PNG: PNG signature, ${size && size.join("×")} px for a ${w}×${hh} SVG (scale ${scale}), ${got[kind + "-png"].bytes.length} bytes`);
      fs.writeFileSync(path.join(out, `features-3-${kind}.png`), got[kind + "-png"].bytes);
    }

    // JSON: open the download back and get the same figures.
    const jsonFile = path.join(tmp, got.json.name);
    fs.writeFileSync(jsonFile, got.json.bytes);
    await openByMenu(page, jsonFile);
    await until((n) => window.azplan.get().notice === "" && window.azplan.get().view.startsWith("p=" + encodeURIComponent(n).replace(/[!'()*]/g, "")), got.json.name);
    s = await get();
    check(s.errors === 0 && s.measures === bundled.measures && s.year === 2017 && JSON.stringify(s.plan) === JSON.stringify(bundled.plan),
      `the exported JSON opens back with the same ${s.measures} items and 2017 figures`);

    // A plan with <script> in its titles: the report and the SVG escape it.
    await openByMenu(page, hostileFile);
    await until(() => window.azplan.get().measures === 11);
    const hostileHtml = (await exportItem("html")).bytes.toString("utf8");
    const hostileSvg = (await exportItem("gantt-svg")).bytes.toString("utf8");
    check(!/<script>alert/.test(hostileHtml) && hostileHtml.includes("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") &&
      hostileHtml.includes("&lt;script&gt;alert(2)"), "the HTML report escapes a <script> planted in the plan's and a measure's title");
    check(!/<script>alert/.test(hostileSvg) && await xmlOk(hostileSvg, "image/svg+xml") === "svg", "the Gantt SVG escapes it too and stays well-formed");
    await openBundledByMenu(page);  // Fayl › Daxili planları aç: the bundled plans again
    await until((n) => window.azplan.get().measures === n, bundled.measures);
    // The URL's view is written at most every 0.25 s; the reloads below re-apply it, so
    // wait until it describes the reopened bundled plans (2017), not the small plan.
    await until(() => /(^|&)y=2017(&|$)/.test(decodeURIComponent(location.hash.slice(1))) && window.azplan.get().year === 2017);
    console.log(`  [${elapsed()}] exports`);
  });

  // ---- 3. Autosave: damaged values, and a 10,000-measure plan ------------------------------
  await step("3. autosave: damaged values, and a 10,000-measure plan", async () => {
    const kind = await page.evaluate(() => window.azplanGlue.storageKind());
    check(kind === "indexeddb", "the served site keeps its autosave in IndexedDB (" + kind + ")");
    const damaged = [
      ["garbage in localStorage (an older version's place)", "{ not json", (v) => localStorage.setItem("azplan.autosave", v)],
      ["a wrong checksum in IndexedDB",
        JSON.stringify({ azplanAutosave: 1, name: "x.json", year: 2017, checksum: "0000000000000000", plan: smallText }),
        (v) => { window.azplanGlue.storageSet("azplan.autosave", v); return window.azplanGlue.flush(); }],
    ];
    // The reloads keep the URL's view (the bundled plans, 2017, table).
    for (const [what, value, put] of damaged) {
      await page.evaluate(() => { window.azplanGlue.storageRemove("azplan.autosave.damaged"); return window.azplanGlue.flush(); });
      await page.evaluate(put, value);
      await page.reload();
      await waitReady(page);
      s = await get();
      const kept = await page.evaluate(() => [window.azplanGlue.storageGet("azplan.autosave"), window.azplanGlue.storageGet("azplan.autosave.damaged"),
        localStorage.getItem("azplan.autosave")]);
      check(s.notice.length > 0 && /zədələn|damaged/i.test(s.notice) && s.measures === bundled.measures && JSON.stringify(s.plan) === JSON.stringify(bundled.plan),
        `${what}: notice "${s.notice}", the bundled plans open (${s.measures} items, year ${s.year}${JSON.stringify(s.plan) === JSON.stringify(bundled.plan) ? "" : ", figures " + JSON.stringify(s.plan.subMeasures)})`);
      check(kept[0] === null && kept[1] === value && kept[2] === null, `${what}: the value is set aside under azplan.autosave.damaged`);
    }
    await shot("4-damaged");

    await openByMenu(page, bigFile);
    await until(() => window.azplan.get().measures > 10000, null, 60000);
    s = await get();
    check(s.measures === 10110 && s.errors === 0 && s.plan.measures.partial === 10000, `the 10,000-measure plan opens (${s.measures} items)`);
    await search(page, "m4321q");
    await until(() => window.azplan.get().visible === 3, null, 20000);
    await clickWidget(page, "row:big/5.4.22", 20000);  // the match, under its target and priority
    await until(() => window.azplan.get().selected === "big/5.4.22", null, 10000);
    await key("1");
    await until(() => window.azplan.get().plan.measures.executed === 1 && window.azplan.get().dirty, null, 10000);
    await until(async () => ((await window.azplanGlue.storageRead("azplan.autosave")) || "").length > 1e7, null, 30000);
    await page.evaluate(() => window.azplanGlue.flush());
    // The page keeps no string of it (IndexedDB holds it as a Blob): the app reads storage
    // only while it starts.
    check(await page.evaluate(() => window.azplanGlue.storageGet("azplan.autosave") === null),
      "the 10k autosave is kept in IndexedDB only, not as a string in the page");
    const sizes = await page.evaluate(async () => {
      const v = await window.azplanGlue.storageRead("azplan.autosave");
      let local;
      try { localStorage.setItem("azplan.sizeprobe", v); local = "fits"; } catch (e) { local = e.name; }
      localStorage.removeItem("azplan.sizeprobe");
      return { chars: v.length, local };
  });
  console.log(`  autosave of the 10,000-measure plan: ${sizes.chars} characters; localStorage.setItem: ${sizes.local}`);
  check(sizes.local !== "fits", `the 10k autosave (${(sizes.chars / 1e6).toFixed(1)} M characters) does not fit in localStorage (${sizes.local}), IndexedDB holds it`);
  await shot("4-big-edited");
  await page.reload();
  await waitReady(page, 90000);
  s = await get();
  await shot("4-big-restored");
  check(s.measures === 10110 && s.plan.measures.executed === 1 && s.plan.measures.partial === 9999 && /bərpa|Restored/.test(s.notice),
    `after a reload the 10k plan is restored with the edit (executed ${s.plan.measures.executed}, notice "${s.notice}")`);
  // A write that no storage takes (IndexedDB and localStorage both over quota) is told
  // to the user, not only logged: a closed tab would lose that work.
  await page.evaluate(() => {
    const quota = () => { throw new DOMException("over quota (test)", "QuotaExceededError"); };
    window.__kept = [IDBObjectStore.prototype.put, Storage.prototype.setItem];
    IDBObjectStore.prototype.put = quota;
    Storage.prototype.setItem = quota;
  });
  // The restored view keeps the search (the notice bar has moved the rows down).
  await until(() => window.azplan.get().visible === 3, null, 20000);
  await clickWidget(page, "row:big/5.4.22", 20000);
  await until(() => window.azplan.get().selected === "big/5.4.22", null, 10000);
  await key("3");
  await until(() => window.azplan.get().plan.measures.notExecuted === 1, null, 10000);
  let failedNotice = "";
  try {
    await until(() => /yazılmadı/.test(window.azplan.get().notice), null, 30000);
  } finally {
    failedNotice = (await get()).notice;
    await page.evaluate(() => { [IDBObjectStore.prototype.put, Storage.prototype.setItem] = window.__kept; });
  }
  await shot("4-autosave-failed");
  check(/Avtomatik yaddaşa yazılmadı/.test(failedNotice) && /JSON/.test(failedNotice),
    `a failed autosave write is shown to the user: "${failedNotice}"`);
  await clearAutosave(page);
  await clickWidget(page, "notice:discardRestore");  // "Ləğv et və daxili planı aç" (discard, open the bundled plans)
  await until((n) => window.azplan.get().measures === n, bundled.measures);
  console.log(`  [${elapsed()}] autosave`);
  });

  // ---- 4. The view in the URL fragment ---------------------------------------------------
  await step("4. the view in the URL fragment", async () => {
    await search(page, "telekom");  // replaces what the last section searched
    // The year's "+": the right-hand square of the year field.
    const year = await page.evaluate(() => window.azplan.get().widgets.year.map((v) => v / (window.devicePixelRatio || 1)));
    await click(year[0] + year[2] - year[3] / 2, year[1] + year[3] / 2);
    await until(() => window.azplan.get().year === 2018);
    await clickWidget(page, "tab:gantt");   // Qant
    await until(() => window.azplan.get().tab === 1);
    await until(() => /tab=gantt/.test(location.hash) && /gz=/.test(location.hash));
    const zoomBefore = await page.evaluate(() => location.hash);
    await clickWidget(page, "zoomIn");   // Böyüt (zoom in) twice
    await clickWidget(page, "zoomIn");
    // Written once the view has been still for a quarter of a second.
    await until((z) => location.hash !== z && location.hash.slice(1) === window.azplan.get().view &&
      /y=2018/.test(location.hash) && /q=telekom/.test(location.hash), zoomBefore);
    const hash = await page.evaluate(() => location.hash);
    s = await get();
    await shot("1-gantt-view");
    check(hash.slice(1) === s.view, `the fragment is the view: ${hash}`);
    const axis = (h) => [Number((h.match(/gs=([-0-9.e]+)/) || [])[1]), Number((h.match(/gz=([0-9.e]+)/) || [])[1])];
    const [gs0, gz0] = axis(zoomBefore), [gs1, gz1] = axis(hash);
    // Zooming in around the middle keeps the view inside the fitted one (the time area is ~500 px wide).
    check(Math.abs(gz1 / gz0 - 2.25) < 1e-6 && gs1 > gs0 && gs1 + 500 / gz1 < gs0 + 500 / gz0,
      `two clicks on Böyüt reach the fragment and zoom around the middle (${gs0.toFixed(0)}+${(500 / gz0).toFixed(0)} → ${gs1.toFixed(0)}+${(500 / gz1).toFixed(0)} days)`);
    const page2 = await open(url + hash);
    let s2 = await page2.evaluate(() => window.azplan.get());
    check(s2.year === 2018 && s2.tab === 1 && s2.visible === s.visible && s2.view === s.view,
      `a new page with that link shows the same view (year ${s2.year}, tab ${s2.tab}, ${s2.visible} rows, ${s2.view === s.view ? "same" : "different: " + s2.view})`);
    await page2.screenshot({ path: path.join(out, "features-1-link-opened.png") });
    await page2.close();
    const crafted = "#y=2017&tab=dashboard&doc=roadmap-telecom-2016&ag=minecon&st=partial";
    const page3 = await open(url + crafted);
    const s3 = await page3.evaluate(() => window.azplan.get());
    check(s3.tab === 3 && s3.year === 2017 && ["doc=roadmap-telecom-2016", "ag=minecon", "st=partial"].every((p) => s3.view.includes(p)) &&
      s3.visible > 0 && s3.visible < bundled.visible, `a crafted link sets document, agency and status filters (${s3.visible} rows)`);
    await page3.close();
    console.log(`  [${elapsed()}] view link`);
  });

  // ---- 5. ?plan= -----------------------------------------------------------------------
  await step("5. ?plan=", async () => {
    const hosted = await open(url + "?plan=plans/small.json#y=2018&tab=timeline");
    await waitFor(hosted, () => window.azplan.get().measures < 50, null, 10000);
    await hosted.waitForTimeout(100);
    let h = await hosted.evaluate(() => window.azplan.get());
    check(h.measures === 11 && h.errors === 0 && h.notice === "" && h.year === 2018 && h.tab === 2,
      `?plan=plans/small.json opens the hosted plan with the fragment's view (${h.measures} items, year ${h.year}, tab ${h.tab})`);
    await hosted.close();
    // The app starts once the hosted plan is there: with a download that takes a second,
    // its first frame already draws the plan (no frame of the bundled plans drawn only to
    // be replaced, no start competing with the download). A download slower than the
    // glue's wait (3 s) does not hold the app: it starts, then opens the plan on arrival.
    for (const delay of [1000, 6000]) {
      const slow = await context.newPage();
      const p = watch(slow, [url, "data:", "blob:"]);
      slow.on("close", () => problems.push(...p));
      const t0 = Date.now();
      await slow.goto(url + "?plan=" + encodeURIComponent(`plans/small.json?delay=${delay}`));
      await waitReady(slow);
      const readyAfter = Date.now() - t0;
      await waitFor(slow, () => window.azplan.get().measures === 11, null, 15000);
      const items = await slow.evaluate(() => window.azplan.frameLog.map((f) => f.items));
      const hostedItems = items[items.length - 1];
      if (delay === 1000)
        check(items.slice(0, 3).every((n) => n === hostedItems),
          `?plan= taking 1 s: the first frames drawn show the hosted plan (items per frame ${items.slice(0, 3).join(", ")}; the plan has ${hostedItems})`);
      else
        check(readyAfter < delay && items[0] !== hostedItems,
          `?plan= taking 6 s: the app is drawn first (after ${readyAfter} ms, ${items[0]} items), then the plan (${hostedItems})`);
      await slow.close();
    }
    // ?year= without a fragment: the year asked for, not the one opening the plan picks.
    const yearly = await open(url + "?plan=plans/small.json&year=2017&tab=gantt");
    await waitFor(yearly, () => window.azplan.get().measures < 50, null, 10000);
    await yearly.waitForTimeout(100);
    h = await yearly.evaluate(() => window.azplan.get());
    check(h.measures === 11 && h.year === 2017, `?plan=…&year=2017 opens the hosted plan at 2017 (year ${h.year})`);
    await yearly.close();
    for (const bad of ["plans/broken.json", "plans/missing.json"]) {
      const p = await open(url + "?plan=" + bad, true);
      await waitFor(p, () => window.azplan.get().notice !== "", null, 10000);
      h = await p.evaluate(() => window.azplan.get());
      if (bad.includes("broken")) await p.screenshot({ path: path.join(out, "features-2-bad-plan.png") });
      check(h.notice.startsWith("Fayl açılmadı") && h.measures === bundled.measures && JSON.stringify(h.plan) === JSON.stringify(bundled.plan),
        `?plan=${bad}: notice "${h.notice}", the bundled plans stay open`);
      await p.close();
    }
    console.log(`  [${elapsed()}] ?plan=`);
  });

  // ---- 6. Offline ------------------------------------------------------------------------
  await step("6. offline", async () => {
    // The service worker registered when the first page loaded, and claimed it.
    const before = await get();
    await waitFor(page, () => !!(navigator.serviceWorker && navigator.serviceWorker.controller), null, 20000);
    check(true, "the service worker controls the page");
    await context.setOffline(true);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await page.reload();
    await waitReady(page, 30000);
    s = await get();
    await shot("5-offline");
    check(s.measures === bundled.measures && s.view === before.view && JSON.stringify(s.plan) === JSON.stringify(before.plan),
      `offline with the server stopped, the app reloads with the same view (${s.measures} items, ${s.view})`);
    await context.setOffline(false);
    await page.close();
    console.log(`  [${elapsed()}] offline`);
  });

  check(problems.length === 0, "no page errors, console errors or requests outside 127.0.0.1: " + problems.join("; "));
} finally {
  await cleanUp(context, server, tmp);
}
console.log(`web features test took ${elapsed()}`);
finish();
