// Driven by tools/tests/test_live_training.py (LiveTrainingBrowserTest): JupyterLab in headless Chromium,
// offline (every request not to the Jupyter server is aborted and remembered).
//
// mode "live": opens the notebook, runs all cells through the kernel and, while the training runs, samples
// the live view's image (.nnlab-live img) every 200 ms: how many different pictures were seen. When the
// cells are done: the replay (Plotly's figure with frames and a slider) is drawn; dragging the slider to
// its start changes the caption and the decision surface. Then saves the notebook (File > Save).
// mode "stored": opens the saved notebook on a server that has no kernel to start, dismisses the kernel
// dialog ("No Kernel"), and checks the same replay and slider; the server's kernel list stays empty.
//
// usage: node live_training.js CONFIG_JSON
//   {"chromium", "playwright", "base", "token", "mode": "live"|"stored", "notebook", "screenshot",
//    "profile", "timeout"}
'use strict';
const browser = require('./browser_common');

const config = browser.readConfig();
const log = browser.logger('live_training ' + config.mode);

async function runAllAndWatch(page, left) {
  log('waiting for the kernel');
  await browser.waitForLabKernel(page, left);
  log('running all cells');
  // not awaited: the command's promise settles only when every cell has run
  await page.evaluate(() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); });
  const pictures = new Set();
  let samples = 0;
  while (left() > 1000) {
    const state = await page.evaluate(() => {
      const w = window.jupyterapp.shell.currentWidget;
      const cells = w.content.model.cells;
      let done = true;
      for (let i = 0; i < cells.length; i++) {
        const c = cells.get(i);
        if (c.type === 'code' && !(c.executionCount > 0)) done = false;
      }
      const img = document.querySelector('.nnlab-live img.nnlab-static');
      return { done: done && w.sessionContext.session.kernel.status !== 'busy',
        picture: img && img.complete && img.naturalWidth > 0 ? img.src.length + ':' + img.src.slice(-80) : null };
    });
    if (state.picture) {
      pictures.add(state.picture);
      samples++;
    }
    if (state.done) break;
    await page.waitForTimeout(200);
  }
  log('cells ran;', pictures.size, 'different live pictures in', samples, 'samples');
  return { livePictures: pictures.size, liveSamples: samples };
}

// The replay: drawn by the plotly renderer with its frames and slider; the slider moved to its start by a
// click on the left end of its rail (as a reader would) changes the caption and the decision surface.
async function checkReplay(page, left) {
  // a notebook saved in JupyterLab holds the renderer's PNG of the figure, shown until the pointer enters it
  await page.waitForSelector('.jp-RenderedPlotly', { timeout: Math.min(left(), 60000) });
  await page.hover('.jp-RenderedPlotly');
  await page.waitForFunction(() => {
    const p = document.querySelector('.jp-RenderedPlotly');
    return p && p.querySelector('svg.main-svg') && p.querySelector('.slider-container');
  }, null, { timeout: Math.min(left(), 60000), polling: 250 });
  const plot = await page.$('.jp-RenderedPlotly');
  await plot.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const read = () => page.evaluate(() => {
    const p = document.querySelector('.jp-RenderedPlotly');
    const caption = [...p.querySelectorAll('g.annotation text')].map((t) => t.textContent).find((t) => t.startsWith('Network')) || '';
    const heatmap = p.querySelector('g.heatmaplayer image');
    return { frames: p._transitionData && p._transitionData._frames ? p._transitionData._frames.length : 0,
      sliderSteps: p.layout && p.layout.sliders ? p.layout.sliders[0].steps.length : 0,
      caption, heatmap: heatmap ? heatmap.getAttribute('href').length + ':' + heatmap.getAttribute('href').slice(-80) : null,
      edges: p.querySelectorAll('g.scatterlayer g.trace').length,
      size: [Math.round(p.getBoundingClientRect().width), Math.round(p.getBoundingClientRect().height)],
      area: (() => { const o = p.closest('.jp-OutputArea'); const r = o.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height), o.parentElement.className]; })() };
  });
  const before = await read();
  const rail = await page.$('.jp-RenderedPlotly .slider-container .slider-rail-touch-rect');
  const box = await rail.boundingBox();
  await page.mouse.click(box.x + 3, box.y + box.height / 2);
  await page.waitForFunction(() => {
    const p = document.querySelector('.jp-RenderedPlotly');
    return [...p.querySelectorAll('g.annotation text')].some((t) => t.textContent.startsWith('Network') && t.textContent.includes(', start'));
  }, null, { timeout: 10000, polling: 200 }).catch(() => log('the caption did not change to the start'));
  await page.waitForTimeout(500);
  const after = await read();
  await plot.screenshot({ path: config.screenshot.replace(/\.png$/, '-replay.png') }).catch((x) => log('no element screenshot', x.message));
  after.rect = await page.evaluate(() => { const r = document.querySelector('.jp-RenderedPlotly').getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; });
  await page.screenshot({ path: config.screenshot });
  return { before, after };
}

async function save(page) {
  await page.evaluate(() => window.jupyterapp.commands.execute('docmanager:save'));
  await page.waitForFunction(() => !window.jupyterapp.shell.currentWidget.context.model.dirty,
    null, { timeout: 30000, polling: 250 });
}

async function main() {
  const left = browser.timeLeft(config.timeout);
  const { context, page, blocked, errors } = await browser.launch(config, { viewport: { width: 1280, height: 1000 } });
  const result = { mode: config.mode };
  await browser.openInLab(page, config, config.notebook, left);
  if (config.mode === 'live') {
    Object.assign(result, await runAllAndWatch(page, left));
    result.replay = await checkReplay(page, left);
    await save(page);
    result.saved = true;
  } else {
    // no kernel can start: JupyterLab asks which one; the reader answers "No Kernel"
    await page.waitForSelector('.jp-Dialog', { timeout: 15000 }).then(async () => {
      await page.keyboard.press('Escape');
      await page.waitForSelector('.jp-Dialog', { state: 'detached', timeout: 5000 }).catch(() => {});
    }).catch(() => log('no kernel dialog'));
    result.replay = await checkReplay(page, left);
    result.kernels = await (await fetch(config.base + '/api/kernels' + browser.tokenQuery(config))).json();
  }
  result.blocked = blocked;
  result.errors = errors;
  process.stdout.write(JSON.stringify(result) + '\n');
  await context.close();
}

browser.run(main, log);
