// report_dom.js -- opens a report.html in headless Chromium through the
// DevTools protocol over a pipe (--remote-debugging-pipe: no WebSocket, no
// port), waits for the load event, exercises the page's controls and
// prints what the DOM holds as one JSON object, with every console error
// and uncaught exception seen. Exit 0 when it could look, 1 otherwise.
// usage: node report_dom.js CHROMIUM FILE.html
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [chrome, file] = process.argv.slice(2);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-chrome-'));
const child = spawn(chrome, ['--headless', '--no-sandbox', '--disable-gpu',
  '--no-first-run', '--disable-extensions', '--remote-debugging-pipe',
  '--user-data-dir=' + profile, 'about:blank'],
  { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const toChrome = child.stdio[3], fromChrome = child.stdio[4];
let next = 0, buf = '';
const pending = new Map(), errors = [];
let loaded = null;

function send(method, params, sessionId) {
  return new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
    toChrome.write(JSON.stringify({ id, method, params: params || {},
      sessionId }) + '\0');
  });
}

function onEvent(m) {
  if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error')
    errors.push('console: ' + m.params.args.map(a => a.value).join(' '));
  else if (m.method === 'Runtime.exceptionThrown')
    errors.push('exception: ' + m.params.exceptionDetails.text + ' ' +
      ((m.params.exceptionDetails.exception || {}).description || ''));
  else if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error')
    errors.push('log: ' + m.params.entry.text);
  else if (m.method === 'Page.loadEventFired' && loaded)
    loaded();
}

fromChrome.on('data', d => {
  buf += d.toString('utf8');
  let k;
  while ((k = buf.indexOf('\0')) >= 0) {
    const m = JSON.parse(buf.slice(0, k));
    buf = buf.slice(k + 1);
    if (m.id && pending.has(m.id)) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p.reject(new Error(JSON.stringify(m.error)));
      else p.resolve(m.result);
    } else {
      onEvent(m);
    }
  }
});

// What the test checks, computed in the page after load.
const probe = `(() => {
  const q = s => document.querySelectorAll(s);
  const figs = [...q('#chart g.fig')];
  const r = {
    figs: figs.length,
    bars: q('#chart g.fig g.bar').length,
    emptyBars: figs.filter(g => !g.querySelector('g.bar rect, g.bar path')).length,
    tableRows: q('#chart-table tbody tr').length,
    restRows: q('#rest tbody tr').length,
    months: q('#tl-table tbody tr').length,
    points: q('#tl-all g.month').length,
    proPoints: q('#tl-all circle.pt-pro').length,
    conPoints: q('#tl-all rect.pt-con').length,
    svgTitles: [...q('svg')].filter(s => !s.querySelector('title')).length,
    svgs: q('svg').length,
    resources: performance.getEntriesByType('resource').map(e => e.name),
    external: [...q('[src],link[href]:not([href^="data:"])')].length,
    figureSections: q('#people article').length,
  };
  const first = () => [...q('#chart g.fig')].sort((a, b) =>
    a.transform.baseVal[0].matrix.f - b.transform.baseVal[0].matrix.f)[0];
  const byName = document.querySelector('button[data-sort=name]');
  byName.click();
  r.firstByName = figs.length ? first().dataset.name : null;
  r.namesSorted = figs.length ? figs.map(g => g.dataset.name).sort((a, b) =>
    a.localeCompare(b))[0] : null;
  r.pressed = byName.getAttribute('aria-pressed');
  document.querySelector('button[data-sort=articles]').click();
  const sel = document.getElementById('tl-pick');
  if (sel && sel.options.length > 1) {
    sel.value = sel.options[1].value;
    sel.dispatchEvent(new Event('change'));
    r.pickedShown = [...q('#tl g.series')].filter(g =>
      g.style.display !== 'none').map(g => g.dataset.fig);
  }
  return JSON.stringify(r);
})()`;

const timer = setTimeout(() => { console.error('timed out'); finish(1); },
  60000);

function finish(code) {
  clearTimeout(timer);
  const done = () => {
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    } catch (e) { /* a temporary directory left behind */ }
    process.exit(code);
  };
  if (child.exitCode !== null) return done();
  child.once('exit', done);
  try { child.kill('SIGKILL'); } catch (e) { done(); }
}

(async () => {
  const { targetId } = await send('Target.createTarget',
    { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget',
    { targetId, flatten: true });
  await send('Runtime.enable', {}, sessionId);
  await send('Log.enable', {}, sessionId);
  await send('Page.enable', {}, sessionId);
  const load = new Promise(res => { loaded = res; });
  await send('Page.navigate',
    { url: 'file://' + path.resolve(file) }, sessionId);
  await load;
  const res = await send('Runtime.evaluate',
    { expression: probe, returnByValue: true }, sessionId);
  if (res.exceptionDetails)
    errors.push('probe: ' + JSON.stringify(res.exceptionDetails));
  const out = res.result && res.result.value ?
    JSON.parse(res.result.value) : {};
  out.errors = errors;
  console.log(JSON.stringify(out));
  await send('Browser.close').catch(() => {});
  finish(0);
})().catch(e => { console.error(String(e)); finish(1); });
