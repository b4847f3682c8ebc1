// A benchmark, not a test: how heavy the site is and how fast its pages draw their data, in Chromium against a
// running platform. Cold = a new browser profile per load (nothing cached); warm = reloads in one profile.
//   ANB_SITE_URL=http://localhost:8080 [ANB_CLIP=clip.mp4] [LOADS=15] [LATENCY_MS=0] node page-load-benchmark.mjs
// LATENCY_MS adds that round-trip time to every request (Chromium's network emulation), as a phone network would.
// With ANB_CLIP, a gallery of fewer than 12 videos is first filled to 12 through the API (and waits for the worker).
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const SITE = process.env.ANB_SITE_URL ?? 'http://localhost:8080';
const LOADS = Number(process.env.LOADS ?? 15);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 0);
const GALLERY_SIZE = 12;

const pages = [
  { path: '/', ready: '.card, .state:not(:empty)', name: 'gallery' },
  { path: '/ranking', ready: 'table.ranking:not([hidden]), .state:not(:empty)', name: 'ranking' },
];

async function call(path, options = {}) {
  const response = await fetch(SITE + path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${body.message}`);
  return body;
}

async function seedGallery() {
  const published = await call(`/api/public/videos?page_size=${GALLERY_SIZE}`);
  if (published.length >= GALLERY_SIZE || !process.env.ANB_CLIP) return published.length;
  const clip = new Blob([await readFile(process.env.ANB_CLIP)], { type: 'video/mp4' });
  const json = { 'Content-Type': 'application/json' };
  const cities = ['Cali', 'Bogotá', 'Medellín', 'Barranquilla'];
  const ids = [];
  for (let i = published.length; i < GALLERY_SIZE; i++) {
    const email = `bench.${Date.now()}.${i}@example.com`;
    await call('/api/auth/signup', { method: 'POST', headers: json, body: JSON.stringify({ first_name: `Jugador${i}`,
      last_name: 'Benchmark', email, password1: 'benchmark-2026', password2: 'benchmark-2026', city: cities[i % 4],
      country: 'Colombia' }) });
    const { access_token: token } = await call('/api/auth/login', { method: 'POST', headers: json,
      body: JSON.stringify({ email, password: 'benchmark-2026' }) });
    const form = new FormData();
    form.append('title', `Jugada ${i + 1}`);
    form.append('video_file', clip, 'clip.mp4');
    ids.push(await call('/api/videos/upload', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form }));
  }
  process.stdout.write(`seeding: waiting for the worker to process ${ids.length} videos`);
  while ((await call(`/api/public/videos?page_size=${GALLERY_SIZE}`)).length < GALLERY_SIZE) {
    process.stdout.write('.');
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  console.log();
  return GALLERY_SIZE;
}

async function newPage(context) {
  const page = await context.newPage();
  if (LATENCY_MS) {
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.emulateNetworkConditions',
      { offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 });
  }
  return page;
}

/** One page load: ms until the page shows its data, and what crossed the network. */
async function load(page, path, ready) {
  const started = Date.now();
  await page.goto(SITE + path);
  await page.locator(ready).first().waitFor();
  const drawn = Date.now() - started;
  const network = await page.evaluate(() => {
    const entries = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
    const site = entries.filter((e) => e.name.startsWith(location.origin) && !e.name.includes('/api/'));
    return {
      siteRequests: site.length,
      siteBytes: site.reduce((sum, e) => sum + e.transferSize, 0),
      // Cross-origin entries (posters from S3) report 0 without Timing-Allow-Origin: this is site + API.
      allBytes: entries.reduce((sum, e) => sum + e.transferSize, 0),
    };
  });
  return { drawn, ...network };
}

function summary(runs, key) {
  const values = runs.map((run) => run[key]).sort((a, b) => a - b);
  const at = (q) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
  return `median ${at(0.5)}, p95 ${at(0.95)}`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync'],
});
try {
  const videos = await seedGallery();
  console.log(`site ${SITE}, gallery page with ${videos} videos, ${LOADS} loads each, added latency ${LATENCY_MS} ms, `
    + `Chromium ${browser.version()}`);
  for (const { path, ready, name } of pages) {
    const cold = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      cold.push(await load(await newPage(context), path, ready));
      await context.close();
    }
    const context = await browser.newContext();
    const page = await newPage(context);
    await load(page, path, ready);
    const warm = [];
    for (let i = 0; i < LOADS; i++) warm.push(await load(page, path, ready));
    await context.close();
    console.log(`${name} cold: drawn in ms ${summary(cold, 'drawn')}; site files ${cold[0].siteRequests} requests, `
      + `${cold[0].siteBytes} bytes; with the API's answers ${summary(cold, 'allBytes')} bytes`);
    console.log(`${name} warm: drawn in ms ${summary(warm, 'drawn')}; site files ${summary(warm, 'siteBytes')} bytes`);
  }
} finally {
  await browser.close();
}
