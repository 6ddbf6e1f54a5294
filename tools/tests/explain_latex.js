// Driven by tools/tests/test_explain_latex.py: opens a stored notebook (executed, not run, untrusted)
// in a running JupyterLab and reports how its text/latex outputs (Explain.forward's) were typeset by
// JupyterLab's MathJax: per output, the MathJax containers, MathJax errors, the raw TeX left as text,
// the size, and the numbers in MathJax's assistive MathML. Saves an element screenshot of each.
//
// usage: node explain_latex.js CONFIG_JSON
//   {"chromium": path, "playwright": dir, "base": url, "token": T, "notebook": "01-rectangle.ipynb",
//    "shots": dir, "profile": fresh user-data-dir, "timeout": seconds}
'use strict';
const path = require('path');
const browser = require('./browser_common');

const config = browser.readConfig();
const log = browser.logger('explain_latex');

async function main() {
  const left = browser.timeLeft(config.timeout);
  const { context, page, blocked } = await browser.launch(config, { viewport: { width: 1400, height: 1000 } });
  await browser.openInLab(page, config, config.notebook, left);
  // JupyterLab renders cells only when they come into view: scroll each LaTeX output into view
  await browser.scrollThrough(page, '.jp-OutputArea-output');
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
  await browser.shutDownKernels(config);
  process.stdout.write(JSON.stringify({ outputs, trusted, blocked }) + '\n');
  await context.close();
}

browser.run(main, log);
