// What the headless-browser drivers of tools/tests share (figures_stored.js, figures_live.js,
// live_training.js, explain_latex.js): their configuration, log line and deadline, headless Chromium
// started offline on a fresh profile, and the steps they take in JupyterLab.
//
// Every driver is started as `node DRIVER.js CONFIG_JSON` by its Python test; the config holds at least
// {"chromium": path, "playwright": dir of playwright-core, "base": the server's URL, "token": T,
//  "profile": a fresh user-data-dir, "timeout": seconds}.
'use strict';

// Offline without noise: without the background-networking flags Chromium floods the closed network.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars',
];

function readConfig() {
  return JSON.parse(process.argv[2]);
}

// log('a', 'b') writes "[name 1.2 s] a b" to stderr, the seconds counted from this call.
function logger(name) {
  const t0 = Date.now();
  return (...args) => process.stderr.write(`[${name} ${((Date.now() - t0) / 1000).toFixed(1)} s] ${args.join(' ')}\n`);
}

// left(): the milliseconds left of `seconds` from now, at least one second (a timeout for the next wait).
function timeLeft(seconds) {
  const deadline = Date.now() + seconds * 1000;
  return () => Math.max(1000, deadline - Date.now());
}

// Runs main; on failure logs the stack, lets onFailure add what it can, and exits with 2.
function run(main, log, onFailure = async () => {}) {
  main().catch(async (e) => {
    log('failed:', e && e.stack || e);
    await onFailure().catch(() => {});
    process.exit(2);
  });
}

// No network: every request but data:, blob:, the server's host (and file: when allowFiles) is aborted;
// the returned list collects the aborted URLs, for the test to assert that none was attempted.
async function goOffline(context, base, allowFiles = false) {
  const local = new URL(base);
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === local.host
        || (allowFiles && url.protocol === 'file:')) return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return blocked;
}

// Headless Chromium on the config's fresh profile, offline, with its first page; errors collects the
// page's uncaught errors (and, with consoleErrors, what it logs as an error).
async function launch(config, { viewport = { width: 1280, height: 900 }, allowFiles = false, consoleErrors = false } = {}) {
  const { chromium } = require(config.playwright);
  const context = await chromium.launchPersistentContext(config.profile, {
    executablePath: config.chromium, headless: true, args: FLAGS, viewport, serviceWorkers: 'block',
  });
  const blocked = await goOffline(context, config.base, allowFiles);
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e && e.message || e)));
  if (consoleErrors) page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  return { context, page, blocked, errors };
}

function tokenQuery(config) {
  return '?token=' + encodeURIComponent(config.token);
}

// Opens a notebook in JupyterLab in a fresh workspace (reset: or JupyterLab would reopen every notebook
// opened before) and waits until its cells are there.
async function openInLab(page, config, name, left) {
  await page.goto(config.base + '/lab/tree/' + name + tokenQuery(config) + '&reset', { timeout: left() });
  await page.waitForFunction((n) => {
    const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    return w && w.context && w.context.path === n && w.context.isReady && w.content.widgets.length > 0;
  }, name, { timeout: Math.min(left(), 90000), polling: 250 });
}

// Waits until JupyterLab's notebook is connected to its kernel, then asks the kernel for its info
// (JJava publishes no status until the first request: the kernel's status stays 'unknown' till then).
async function waitForLabKernel(page, left) {
  await page.waitForFunction(() => {
    const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
    return k && k.connectionStatus === 'connected' && w.content && w.content.model;
  }, null, { timeout: left(), polling: 250 });
  await page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.info);
}

// Scrolls every element of `selector` into view, one by one (JupyterLab renders no cell off screen).
async function scrollThrough(page, selector) {
  const n = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
  for (let i = 0; i < n; i++) {
    await page.evaluate(([s, k]) => { const e = document.querySelectorAll(s)[k]; if (e) e.scrollIntoView(); }, [selector, i]);
    await page.waitForTimeout(60);
  }
}

// Ends every session of the server: opening a notebook starts its kernel (one JVM at a time).
async function shutDownKernels(config) {
  const q = tokenQuery(config);
  const sessions = await (await fetch(config.base + '/api/sessions' + q)).json();
  for (const s of sessions) {
    await fetch(config.base + '/api/sessions/' + s.id + q, { method: 'DELETE' });
  }
}

module.exports = {
  FLAGS, readConfig, logger, timeLeft, run, goOffline, launch, tokenQuery, openInLab, waitForLabKernel,
  scrollThrough, shutDownKernels,
};
