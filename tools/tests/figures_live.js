// Driven by tools/tests/test_figures_live.py: opens a notebook in a running Jupyter (JupyterLab or
// the classic notebook), runs all its cells live through the kernel, waits, and prints one JSON line
// with what the page shows: the Plotly figures JupyterLab's plotly renderer drew (their traces), the
// static images (charts in the classic notebook, pictures everywhere), the requests that tried to leave
// 127.0.0.1 (all blocked) and the page's errors. Takes a screenshot.
//
// usage: node figures_live.js CONFIG_JSON
//   {"chromium": path, "playwright": dir of playwright-core, "base": "http://127.0.0.1:PORT",
//    "token": T, "ui": "lab"|"classic", "notebook": "name.ipynb", "screenshot": path.png,
//    "profile": fresh user-data-dir, "timeout": seconds}
'use strict';
const browser = require('./browser_common');

const config = browser.readConfig();
const log = browser.logger('figures_live ' + config.ui);

async function main() {
  const left = browser.timeLeft(config.timeout);
  const { context, page, blocked, errors } = await browser.launch(config, { consoleErrors: true });
  pageForDebug = page;

  const q = browser.tokenQuery(config);
  if (config.ui === 'lab') {
    await page.goto(config.base + '/lab/tree/' + config.notebook + q, { timeout: left() });
    log('waiting for the kernel');
    await browser.waitForLabKernel(page, left);
    log('running all cells');
    await page.evaluate(() => window.jupyterapp.commands.execute('notebook:run-all-cells'));
    await page.waitForFunction(() => {
      const w = window.jupyterapp.shell.currentWidget;
      const cells = w.content.model.cells;
      for (let i = 0; i < cells.length; i++) {
        const c = cells.get(i);
        if (c.type === 'code' && !(c.executionCount > 0)) return false;
      }
      return w.sessionContext.session.kernel.status !== 'busy';
    }, null, { timeout: left(), polling: 500 });
  } else {
    await page.goto(config.base + '/notebooks/' + config.notebook + q, { timeout: left() });
    log('waiting for the kernel');
    await page.waitForFunction(() => {
      const nb = window.Jupyter && window.Jupyter.notebook;
      return nb && nb.kernel && nb.kernel.is_connected();
    }, null, { timeout: left(), polling: 250 });
    log('running all cells');
    await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
    await page.waitForFunction(() => {
      const cells = window.Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
      return cells.every((c) => typeof c.input_prompt_number === 'number')
        && !document.body.classList.contains('notebook_running')
        && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
    }, null, { timeout: left(), polling: 500 });
  }
  log('cells ran; waiting for the figures to draw');
  // JupyterLab draws the charts with the plotly package's renderer (application/vnd.plotly.v1+json), the
  // classic Notebook shows their static image; both show pictures as images. Wait (bounded) for them.
  await page.waitForFunction((ui) => {
    const plots = [...document.querySelectorAll('.jp-RenderedPlotly')];
    const images = [...document.querySelectorAll('img.nnlab-static')];
    return (ui !== 'lab' || (plots.length > 0 && plots.every((p) => p.querySelector('svg.main-svg'))))
      && images.length > 0 && images.every((i) => i.complete);
  }, config.ui, { timeout: Math.min(left(), 30000), polling: 250 }).catch(() => log('not every figure drew in time'));

  const result = await page.evaluate(() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
    const image = (img) => ({ decoded: img.complete && img.naturalWidth > 0, size: box(img),
      inProgress: !!img.closest('.nnlab-progress') });
    return {
      plotly: [...document.querySelectorAll('.jp-RenderedPlotly')].map((p) => ({
        mainSvgs: p.querySelectorAll('svg.main-svg').length,
        traceGroups: p.querySelectorAll('g.trace').length,
        plotData: p.data ? p.data.length : null,
        size: (() => { const s = p.querySelector('svg.main-svg'); return s ? box(s) : null; })(),
      })),
      figureImages: [...document.querySelectorAll('.nnlab-figure img.nnlab-static')].map(image),
      pictures: [...document.querySelectorAll('.nnlab-picture img.nnlab-static')].map(image),
      cdnScripts: [...document.querySelectorAll('script[src]')].map((s) => s.src)
        .filter((s) => !s.startsWith(location.origin)),
    };
  });
  result.blocked = blocked;
  result.errors = errors;

  // one screenshot of the whole notebook: make the window as tall as the notebook's content
  const height = await page.evaluate((ui) => {
    const scroller = ui === 'lab'
      ? document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')
      : document.querySelector('#site');
    return scroller ? scroller.scrollHeight + 200 : document.body.scrollHeight;
  }, config.ui);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(900, height), 12000) });
  await page.waitForTimeout(1500);  // Plotly relayouts on resize
  await page.screenshot({ path: config.screenshot });
  process.stdout.write(JSON.stringify(result) + '\n');
  await context.close();
}

let pageForDebug = null;

// On failure: what the page was doing, for the test's message, and a screenshot.
browser.run(main, log, async () => {
  if (pageForDebug) {
    const state = await pageForDebug.evaluate(() => {
      const app = window.jupyterapp; const w = app && app.shell.currentWidget;
      const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
      const nb = window.Jupyter && window.Jupyter.notebook;
      return { url: location.href, title: document.title, jupyterapp: !!app, widget: w ? w.constructor.name + ' ' + w.id : null,
        kernel: k ? k.status : null, classicKernel: nb && nb.kernel ? String(nb.kernel.is_connected()) : null,
        text: document.body.innerText.slice(0, 600) };
    }).catch((x) => String(x));
    log('page state:', JSON.stringify(state));
    await pageForDebug.screenshot({ path: config.screenshot.replace(/\.png$/, '-failed.png') }).catch(() => {});
  }
});
