// Driven by tools/tests/test_figures_live.py (StoredFiguresTest): opens notebooks as stored (executed,
// not run, not trusted: a fresh Jupyter data folder) in a running JupyterLab or classic Notebook,
// scrolls through each as a reader would, and prints one JSON line per UI with, per notebook, what
// the page drew: Plotly figures with their trace groups (JupyterLab's plotly renderer), the static
// images (<img class="nnlab-static">, decoded), outputs shown as plain text, the requests that tried
// to leave 127.0.0.1 (all blocked) and page errors. Saves an element screenshot of every figure.
//
// usage: node figures_stored.js CONFIG_JSON
//   {"chromium": path, "playwright": dir, "base": url, "token": T, "ui": "lab"|"classic",
//    "notebooks": ["a.ipynb", ...], "shots": dir for screenshots, "profile": fresh user-data-dir,
//    "timeout": seconds}
'use strict';
const path = require('path');
const browser = require('./browser_common');

const config = browser.readConfig();
const log = browser.logger('figures_stored ' + config.ui);

async function openNotebook(page, name, left) {
  if (config.ui === 'html') {  // nbconvert's export: config.base is the folder's file:// URL
    await page.goto(config.base + '/' + name, { timeout: left() });
  } else if (config.ui === 'lab') {
    await browser.openInLab(page, config, name, left);
  } else {
    await page.goto(config.base + '/notebooks/' + name + browser.tokenQuery(config), { timeout: left() });
    await page.waitForFunction(() => window.Jupyter && window.Jupyter.notebook && window.Jupyter.notebook._fully_loaded,
      null, { timeout: Math.min(left(), 90000), polling: 250 });
  }
}

async function measure(page) {
  return page.evaluate((ui) => {
    const box = (e) => { const r = e.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
    const plotly = [...document.querySelectorAll('.jp-RenderedPlotly')].map((p) => ({
      mainSvgs: p.querySelectorAll('svg.main-svg').length,
      traceGroups: p.querySelectorAll('g.trace, g.heatmaplayer image, g.contourlayer g.contour').length,
      size: box(p),
    }));
    const images = [...document.querySelectorAll('img.nnlab-static')].map((img) => ({
      decoded: img.complete && img.naturalWidth > 0, size: box(img),
      figure: !!img.closest('.nnlab-figure'), picture: !!img.closest('.nnlab-picture'),
    }));
    // an output that ended up as text although it carried a figure: sanitised inline SVG runs together
    const textual = [...document.querySelectorAll(ui === 'lab' ? '.jp-RenderedText' : '.output_text')]
      .map((e) => e.innerText).filter((t) => /^Chart\(|^Picture\(|^NetworkDrawing\(/.test(t));
    return { plotly, images, textual };
  }, config.ui);
}

async function screenshots(page, name) {
  const selector = config.ui === 'lab' ? '.jp-RenderedPlotly, .nnlab-figure, .nnlab-picture' : '.nnlab-figure, .nnlab-picture';
  if (config.ui === 'html') return 0;  // the Jupyter UIs' screenshots are the ones to review
  const elements = await page.$$(selector);
  let k = 0;
  for (const e of elements) {
    const file = path.join(config.shots, `${config.ui}-${name.replace('.ipynb', '')}-${String(++k).padStart(2, '0')}.png`);
    await e.scrollIntoViewIfNeeded().catch(() => {});
    await e.screenshot({ path: file, timeout: 5000 }).catch((x) => log('no screenshot', file, x.message));
  }
  return k;
}

async function main() {
  const left = browser.timeLeft(config.timeout);
  const { context, page, blocked, errors } = await browser.launch(config, { allowFiles: config.ui === 'html' });
  const notebooks = {};
  for (const name of config.notebooks) {
    log('opening', name);
    await openNotebook(page, name, left);
    log('opened; reading through');
    await browser.scrollThrough(page, config.ui === 'classic' ? '.output_subarea' : '.jp-OutputArea-output');
    log('read through; waiting for the figures');
    const expected = config.expected[name];
    // the renderers draw asynchronously: wait (bounded) until the counts are reached
    await page.waitForFunction(([ui, e]) => {
      const drawn = [...document.querySelectorAll('.jp-RenderedPlotly')].filter((p) => p.querySelector('svg.main-svg')).length;
      const images = [...document.querySelectorAll('img.nnlab-static')].filter((i) => i.complete && i.naturalWidth > 0).length;
      return ui === 'lab' ? drawn >= e.charts && images >= e.labImages : images >= e.classicImages;  // html: as classic
    }, [config.ui, expected], { timeout: Math.min(left(), 30000), polling: 250 }).catch(() => log('not all drawn in time:', name));
    log('measuring');
    notebooks[name] = await measure(page);
    notebooks[name].trusted = config.ui === 'html' ? false : await page.evaluate((ui) => ui === 'lab'
      ? window.jupyterapp.shell.currentWidget.content.model.cells.get(0).trusted
      : window.Jupyter.notebook.trusted, config.ui);
    notebooks[name].screenshots = await screenshots(page, name);
    // opening a notebook starts its kernel: leave the page, then end the session (one JVM at a time)
    await page.goto('about:blank');
    if (config.ui !== 'html') await browser.shutDownKernels(config);
  }
  process.stdout.write(JSON.stringify({ notebooks, blocked, errors }) + '\n');
  await context.close();
}

browser.run(main, log);
