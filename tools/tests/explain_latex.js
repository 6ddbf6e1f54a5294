// Driven by tools/tests/test_explain_latex.py: opens a stored notebook (executed, not run, untrusted)
// in a running JupyterLab and reports how its text/latex outputs (Explain.forward's) were typeset by
// JupyterLab's MathJax: per output, the MathJax containers, MathJax errors, the raw TeX left as text,
// the size, and the numbers in MathJax's assistive MathML. Saves an element screenshot of each.
//
// usage: node explain_latex.js CONFIG_JSON
//   {"chromium": path, "playwright": dir, "base": url, "token": T, "notebook": "01-rectangle.ipynb",
//    "shots": dir, "profile": fresh user-data-dir, "timeout": seconds}
'use strict';
const config = JSON.parse(process.argv[2]);
const { chromium } = require(config.playwright);
const path = require('path');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--hide-scrollbars'];

async function main() {
  const deadline = Date.now() + config.timeout * 1000;
  const left = () => Math.max(1000, deadline - Date.now());
  const context = await chromium.launchPersistentContext(config.profile, {
    executablePath: config.chromium, headless: true, args: FLAGS, viewport: { width: 1400, height: 1000 },
  });
  const blocked = [];
  const local = new URL(config.base);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === local.host) return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = context.pages()[0] || await context.newPage();
  const q = '?token=' + encodeURIComponent(config.token);
  await page.goto(config.base + '/lab/tree/' + config.notebook + q + '&reset', { timeout: left() });
  await page.waitForFunction((n) => {
    const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    return w && w.context && w.context.path === n && w.context.isReady && w.content.widgets.length > 0;
  }, config.notebook, { timeout: Math.min(left(), 90000), polling: 250 });
  // JupyterLab renders cells only when they come into view: scroll each LaTeX output into view
  const n = await page.evaluate(() => document.querySelectorAll('.jp-OutputArea-output').length);
  for (let i = 0; i < n; i++) {
    await page.evaluate((k) => { const e = document.querySelectorAll('.jp-OutputArea-output')[k]; if (e) e.scrollIntoView(); }, i);
    await page.waitForTimeout(40);
  }
  await page.waitForFunction(() => {
    const outs = [...document.querySelectorAll('.jp-RenderedLatex')];
    return outs.length > 0 && outs.every((o) => o.querySelector('mjx-container'));
  }, null, { timeout: Math.min(left(), 60000), polling: 250 }).catch(() => {});
  const outputs = await page.evaluate(() => [...document.querySelectorAll('.jp-RenderedLatex')].map((o) => {
    const r = o.getBoundingClientRect();
    const mml = o.querySelector('mjx-assistive-mml');
    return {
      containers: o.querySelectorAll('mjx-container').length,
      errors: o.querySelectorAll('mjx-merror').length,
      rawTex: /\\begin\{aligned\}|\\frac|\\sum/.test(o.innerText),
      size: [Math.round(r.width), Math.round(r.height)],
      numbers: mml ? [...mml.querySelectorAll('mn')].map((e) => e.textContent) : null,
    };
  }));
  const elements = await page.$$('.jp-RenderedLatex');
  let k = 0;
  for (const e of elements) {
    await e.scrollIntoViewIfNeeded().catch(() => {});
    await e.screenshot({ path: path.join(config.shots, `latex-${++k}.png`), timeout: 5000 }).catch(() => {});
  }
  const trusted = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.model.cells.get(0).trusted);
  await page.goto('about:blank');
  const sessions = await (await fetch(config.base + '/api/sessions' + q)).json();
  for (const s of sessions) await fetch(config.base + '/api/sessions/' + s.id + q, { method: 'DELETE' });
  process.stdout.write(JSON.stringify({ outputs, trusted, blocked }) + '\n');
  await context.close();
}

main().catch((e) => { process.stderr.write('explain_latex failed: ' + (e && e.stack || e) + '\n'); process.exit(2); });
