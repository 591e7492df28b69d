// The HTML report printed as a user prints it to sign: headless Chromium's print to PDF
// (A4 landscape from the report's own @page), then poppler's tools read the PDF back.
// Checks: the page count the footer states is the PDF's; every page carries the report's
// own header (title, date of preparation) and "Səhifə n / N"; no summary box is split
// across pages and no heading or summary is left at a page's foot without its table
// (found by marks placed at each block's start and end and at its table's first row,
// then looked up page by page); every font is embedded.
// Usage: node report_print.mjs <azplan-cli> <work-dir>
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, check, finish } from "./lib.mjs";

const [cli, work] = process.argv.slice(2).map((p) => path.resolve(p));
const have = (p) => { try { execFileSync("sh", ["-c", `command -v ${p}`]); return true; } catch { return false; } };
for (const p of ["pdffonts", "pdfinfo", "pdftotext"]) if (!have(p)) { console.log(`skipped: ${p} missing (poppler-utils)`); process.exit(77); }
if (!have("chromium") && !process.env.CHROMIUM) { console.log("skipped: no chromium"); process.exit(77); }
fs.mkdirSync(work, { recursive: true });
const html = path.join(work, "report.html"), pdf = path.join(work, "report.pdf");
execFileSync(cli, ["export", "--bundled", "--format", "html", "--year", "2017", "--date", "2026-12-01", "-o", html]);

const context = await launch();
try {
  const page = await context.newPage();
  await page.goto("file://" + html);
  // Marks: absolutely positioned, so they take no room and land where their parent's
  // content is laid out (the page of the block's start, its end, its table's first row).
  const blocks = await page.evaluate(() => {
    const mark = (parent, text, first) => {
      const s = document.createElement("span");
      s.textContent = text;
      s.style.cssText = "position:absolute;font-size:5px;color:#fff;line-height:1";
      first ? parent.prepend(s) : parent.append(s);
    };
    const list = [];
    const keepWithNext = [...document.querySelectorAll(".lead-in, h2, h3, h4")].filter((e) => !e.closest(".lead-in") || e.matches(".lead-in"));
    keepWithNext.forEach((e, n) => {
      // A caption's table is its parent; anything else is followed by what it heads.
      const next = e.matches("caption") ? e.parentElement : e.nextElementSibling;
      if (!next) return;
      const firstCell = next.matches("table") ? next.querySelector("tbody td") : next;
      if (!firstCell) return;
      mark(e, `QQS${n}QQ`, true);
      mark(e, `QQE${n}QQ`, false);
      mark(firstCell, `QQT${n}QQ`, true);
      list.push({ n, kind: e.matches(".lead-in") ? (e.querySelector("table.summary") ? "summary" : "heading") : e.tagName.toLowerCase(),
        text: (e.querySelector("h3,h4") || e).textContent.slice(0, 60) });
    });
    return list;
  });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())[1]);
  const text = [];
  for (let p = 1; p <= pages; p++) text.push(execFileSync("pdftotext", ["-f", String(p), "-l", String(p), "-layout", pdf, "-"]).toString());
  const pageOf = (m) => text.findIndex((t) => t.includes(m));
  check(pages >= 20 && pages <= 80, `the report prints on ${pages} A4 landscape pages`);
  const footers = text.map((t, i) => t.includes(`Səhifə ${i + 1} / ${pages}`));
  check(footers.every(Boolean), `every page's footer reads "Səhifə n / ${pages}"` + (footers.every(Boolean) ? "" : ` (missing on ${footers.map((f, i) => f ? 0 : i + 1).filter(Boolean).slice(0, 5)})`));
  const headers = text.filter((t) => t.includes("Hazırlanma tarixi: 1 dekabr 2026-cı il") && t.includes("monitorinq")).length;
  check(headers === pages, `every page's header has the title and "Hazırlanma tarixi: 1 dekabr 2026-cı il" (${headers} of ${pages})`);
  check(text.join("\n").includes("Təsdiq edilmişdir: 20 sentyabr 2016-cı il"), "approval dates in the official form: 20 sentyabr 2016-cı il");
  const summaries = blocks.filter((b) => b.kind === "summary");
  const split = summaries.filter((b) => pageOf(`QQS${b.n}QQ`) !== pageOf(`QQE${b.n}QQ`));
  const found = summaries.filter((b) => pageOf(`QQS${b.n}QQ`) >= 0 && pageOf(`QQE${b.n}QQ`) >= 0).length;
  check(summaries.length >= 15 && found === summaries.length, `all ${summaries.length} summary boxes found in the PDF (${found})`);
  check(split.length === 0, `no summary box split across pages` + (split.length ? `: ${split.map((b) => b.text).join(" | ")}` : ""));
  const orphans = blocks.filter((b) => pageOf(`QQE${b.n}QQ`) >= 0 && pageOf(`QQE${b.n}QQ`) !== pageOf(`QQT${b.n}QQ`));
  check(orphans.length === 0, `no heading or summary (${blocks.length}) left on a page without the start of its table` +
    (orphans.length ? `: ${orphans.map((b) => `${b.kind} "${b.text}" p${pageOf(`QQE${b.n}QQ`) + 1}→p${pageOf(`QQT${b.n}QQ`) + 1}`).join(" | ")}` : ""));
  const fonts = execFileSync("pdffonts", [pdf]).toString().split("\n").slice(2).filter((l) => l.trim());
  const notEmbedded = fonts.filter((l) => { const c = l.trim().split(/\s+/); return c[c.length - 5] !== "yes"; });
  check(fonts.length > 0 && notEmbedded.length === 0, `all ${fonts.length} fonts embedded` + (notEmbedded.length ? `; not: ${notEmbedded.join(" | ")}` : ""));
} finally {
  await context.close();
}
finish();
