// Opens the page in a given Chromium through puppeteer-core (DevTools protocol), loads the
// built-in example and prints what a reviewer would see as one JSON line:
//   { userAgent, boot, summary, findings: [{rule, severity, table, cell}], share, problems }
// `problems` holds uncaught page errors, console errors and Content-Security-Policy violations.
//
//   node seed_in_chromium.js CHROMIUM URL PROFILE_DIR [LIB_DIR]
//
// With BUDGET_CHECK_UPLOAD=FILE it then tours the features that lean on newer Web APIs or on
// the spreadsheet reader: the cell tip (placed through the CSSOM), a rule's modal <dialog>, the
// language switch and uploading FILE; `tour` reports what each showed. With BUDGET_CHECK_PDF=PDF
// too, the box is then emptied and PDF chosen (read by the on-demand reader module in a worker):
// `tour.pdf` is the summary line after it.
//
// BUDGET_CHECK_BROWSER=no-wasm starts the browser without WebAssembly, =no-script with scripts
// off, =stalled never answers the request for the .wasm (a hung server or proxy); then only what
// the page shows instead is reported (`boot`, `bootMs`, and with scripts off `visible`).
//
// Used by tests/e2e_old_chromium.rs for the Chromium 86 that chrome-aws-lambda ships (no
// chromedriver exists for it) and, for the same scenario, Debian's Chromium. puppeteer-core comes
// from NODE_PATH (scripts/setup.sh installs it). Exits non-zero only when it could not drive the
// browser; the test judges the JSON.
'use strict';
const puppeteer = require('puppeteer-core');

const [chromium, url, profile, libDir] = process.argv.slice(2);
const TIMEOUT = 60000;
const variant = process.env.BUDGET_CHECK_BROWSER || '';

async function main() {
  const env = Object.assign({}, process.env);
  if (libDir) {
    env.LD_LIBRARY_PATH = libDir + (env.LD_LIBRARY_PATH ? ':' + env.LD_LIBRARY_PATH : '');
  }
  const browser = await puppeteer.launch({
    executablePath: chromium,
    env,
    headless: true,
    userDataDir: profile,
    timeout: TIMEOUT,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--window-size=1280,800',
    ],
    defaultViewport: { width: 1280, height: 800 },
  });
  const out = { problems: [] };
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => out.problems.push('page error: ' + String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') {
        out.problems.push('console: ' + m.text());
      }
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' (' + e.disposition + ', ' + e.sourceFile + ':' + e.lineNumber + ')');
      });
    });
    if (variant === 'no-script') {
      await page.setJavaScriptEnabled(false);
    }
    if (variant === 'stalled') {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        // The .wasm request is left unanswered; everything else goes through.
        if (!request.url().endsWith('.wasm')) {
          request.continue();
        }
      });
    }
    if (variant === 'no-wasm') {
      // As in a browser without WebAssembly (or with it switched off by policy).
      await page.evaluateOnNewDocument(() => {
        delete window.WebAssembly;
      });
    }
    const opened = Date.now();
    await page.goto(url, { waitUntil: variant === 'stalled' ? 'domcontentloaded' : 'load', timeout: TIMEOUT });
    out.userAgent = await browser.userAgent();
    if (variant === 'no-script') {
      // What is visible: the <noscript> message, not the loading line.
      out.boot = 'no-script';
      out.visible = await page.evaluate(() => document.body.innerText);
    } else {
      await seed(page, out, opened);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

async function seed(page, out, opened) {
  // Either the page starts, or the loader says why not.
  await page.waitForFunction(
    () => document.querySelector('#load-example') || document.querySelector('#boot-status[data-state]'),
    { timeout: TIMEOUT, polling: 50 },
  );
  out.bootMs = Date.now() - opened;
  out.boot = await page.evaluate(() => {
    const status = document.querySelector('#boot-status[data-state]');
    return status ? status.getAttribute('data-state') + ': ' + status.textContent : 'started';
  });
  if (out.boot === 'started') {
    await page.click('#load-example');
    // The example is fetched: the empty box's summary (识别 0 张表) shows until it arrives.
    await page.waitForFunction(
      () => /识别 [1-9]/.test((document.querySelector('#summary') || {}).textContent),
      { timeout: TIMEOUT, polling: 50 },
    );
    out.summary = await page.evaluate(() => document.querySelector('#summary').textContent);
    out.findings = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#findings li.finding'), (li) => ({
        rule: li.dataset.rule || '',
        severity: li.dataset.severity || '',
        table: li.dataset.table || '',
        cell: li.dataset.cell || '',
      })),
    );
    await page.click('#share-link');
    await page.waitForFunction(() => document.querySelector('#share-status[data-state]'), {
      timeout: TIMEOUT,
      polling: 50,
    });
    out.share = await page.evaluate(() => {
      const status = document.querySelector('#share-status');
      const link = document.querySelector('#share-url');
      return { state: status.getAttribute('data-state'), text: status.textContent, url: link ? link.value : null };
    });
    if (process.env.BUDGET_CHECK_UPLOAD) {
      out.tour = await tour(page, process.env.BUDGET_CHECK_UPLOAD);
    }
  }
}

async function tour(page, upload) {
  const wait = (f, arg) => page.waitForFunction(f, { timeout: TIMEOUT, polling: 50 }, arg);
  const seen = {};
  await page.hover('#cell-1-11-2');
  await wait(() => !document.querySelector('#cell-tip').hidden);
  seen.tip = await page.evaluate(() => {
    const tip = document.querySelector('#cell-tip');
    return {
      rule: tip.querySelector('.tip-finding').dataset.rule,
      printed: tip.querySelector('dd.printed').textContent,
      placed: !!tip.style.left && !!tip.style.top,
    };
  });
  await page.hover('h1');

  await page.click("#findings li.finding[data-index='0'] button.explain");
  await wait(() => {
    const d = document.querySelector('#rule-dialog');
    return d && d.open;
  });
  await page.keyboard.press('Escape');
  await wait(() => !document.querySelector('#rule-dialog'));
  seen.dialog = 'opened and closed';

  await page.click('#lang-toggle');
  await wait(() => document.documentElement.lang === 'en');
  seen.english = await page.evaluate(() => document.querySelector('#summary').textContent);
  await page.click('#lang-toggle');
  await wait(() => document.documentElement.lang === 'zh-CN');

  const input = await page.$('#upload');
  await input.uploadFile(upload);
  const name = upload.split('/').pop();
  await wait((n) => {
    const status = document.querySelector('#upload-status');
    return status.dataset.reading === 'false' && status.textContent.indexOf(n) >= 0;
  }, name);
  seen.upload = await page.evaluate(() => document.querySelector('#upload-status').textContent);
  if (process.env.BUDGET_CHECK_PDF) {
    seen.pdf = await pdf(page, process.env.BUDGET_CHECK_PDF, wait);
  }
  return seen;
}

async function pdf(page, file, wait) {
  await page.evaluate(() => {
    const input = document.querySelector('#input');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await wait(() => document.querySelector('#summary').textContent.indexOf('识别 0 张表') === 0);
  const input = await page.$('#upload');
  await input.uploadFile(file);
  await wait(() => {
    const status = document.querySelector('#upload-status');
    return status.dataset.reading === 'false' && status.dataset.read + status.dataset.failed !== '00';
  });
  await wait(() => document.querySelector('#summary').textContent.indexOf('识别 0 张表') !== 0);
  return page.evaluate(() => document.querySelector('#summary').textContent);
}

// The test waits for this process; never let a hung browser keep it.
const guard = setTimeout(() => {
  process.stderr.write('seed_in_chromium.js: gave up after 3 minutes\n');
  process.exit(3);
}, 180000);
main().then(
  () => clearTimeout(guard),
  (e) => {
    process.stderr.write('seed_in_chromium.js: ' + (e && e.stack ? e.stack : String(e)) + '\n');
    process.exit(2);
  },
);
