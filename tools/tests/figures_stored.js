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
const config = JSON.parse(process.argv[2]);
const { chromium } = require(config.playwright);
const path = require('path');

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars',
];

const T0 = Date.now();
function log(...args) { process.stderr.write('[figures_stored ' + config.ui + ' ' + ((Date.now() - T0) / 1000).toFixed(1) + ' s] ' + args.join(' ') + '\n'); }

async function openNotebook(page, name, left) {
  const q = '?token=' + encodeURIComponent(config.token);
  if (config.ui === 'html') {  // nbconvert's export: config.base is the folder's file:// URL
    await page.goto(config.base + '/' + name, { timeout: left() });
  } else if (config.ui === 'lab') {
    // reset: a fresh workspace each time, or JupyterLab would reopen (and redraw) every notebook opened before
    await page.goto(config.base + '/lab/tree/' + name + q + '&reset', { timeout: left() });
    await page.waitForFunction((n) => {
      const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
      return w && w.context && w.context.path === n && w.context.isReady && w.content.widgets.length > 0;
    }, name, { timeout: Math.min(left(), 90000), polling: 250 });
  } else {
    await page.goto(config.base + '/notebooks/' + name + q, { timeout: left() });
    await page.waitForFunction(() => window.Jupyter && window.Jupyter.notebook && window.Jupyter.notebook._fully_loaded,
      null, { timeout: Math.min(left(), 90000), polling: 250 });
  }
}

// Scrolls every output area into view (JupyterLab skips rendering cells off screen), one by one.
async function readThrough(page) {
  const selector = config.ui === 'classic' ? '.output_subarea' : '.jp-OutputArea-output';
  const n = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
  for (let i = 0; i < n; i++) {
    await page.evaluate(([s, k]) => { const e = document.querySelectorAll(s)[k]; if (e) e.scrollIntoView(); }, [selector, i]);
    await page.waitForTimeout(60);
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

async function shutDownKernels() {
  const q = '?token=' + encodeURIComponent(config.token);
  const sessions = await (await fetch(config.base + '/api/sessions' + q)).json();
  for (const s of sessions) {
    await fetch(config.base + '/api/sessions/' + s.id + q, { method: 'DELETE' });
  }
}

async function main() {
  const deadline = Date.now() + config.timeout * 1000;
  const left = () => Math.max(1000, deadline - Date.now());
  const context = await chromium.launchPersistentContext(config.profile, {
    executablePath: config.chromium, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  const blocked = [];
  const errors = [];
  const local = new URL(config.base);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === local.host
        || (config.ui === 'html' && url.protocol === 'file:')) return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e && e.message || e)));
  const notebooks = {};
  for (const name of config.notebooks) {
    log('opening', name);
    await openNotebook(page, name, left);
    log('opened; reading through');
    await readThrough(page);
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
    if (config.ui !== 'html') await shutDownKernels();
  }
  process.stdout.write(JSON.stringify({ notebooks, blocked, errors }) + '\n');
  await context.close();
}

main().catch((e) => { log('failed:', e && e.stack || e); process.exit(2); });
