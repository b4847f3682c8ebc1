// The showcase in a real browser: Debian's Chromium driven by playwright-core against the local platform that
// BrowserEndToEndTest (local module) started. One story, in order: a player signs up, logs in, uploads, watches
// the status change by itself; a fan votes; the ranking shows it. Screenshots go to $ANB_SCREENSHOTS.
import assert from 'node:assert/strict';
import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { after, afterEach, before, describe, test } from 'node:test';
import { ImapFlow } from 'imapflow';
import { chromium } from 'playwright-core';

const SITE = required('ANB_SITE_URL');
const CLIP = required('ANB_CLIP');
const SHORT_CLIP = required('ANB_SHORT_CLIP');
const LONG_CLIP = required('ANB_LONG_CLIP');
const SCREENSHOTS = required('ANB_SCREENSHOTS');
const IMAP_PORT = Number(required('ANB_IMAP_PORT'));
const PROCESSING_TIMEOUT_MS = 4 * 60 * 1000;

const run = Date.now().toString(36);
const city = 'Cali'; // the platform is new for every run: no other player is there
const player = { first: 'Sofía', last: 'Restrepo', email: `sofia.${run}@example.com`, password: 'canasta-2026' };
const fan = { first: 'Mateo', last: 'Gómez', email: `mateo.${run}@example.com`, password: 'triple-2026' };
const title = 'Crossover y bandeja';
const organizer = { email: required('ANB_ORGANIZER_EMAIL'), password: required('ANB_ORGANIZER_PASSWORD') };
const reporter = { first: 'Valentina', last: 'Ríos', email: `valentina.${run}@example.com`, password: 'rebote-2026' };

let browser;
let playerPage;
const problems = []; // uncaught page errors and Content-Security-Policy violations, checked after every test

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through BrowserEndToEndTest`);
  return value;
}

async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'es-CO', baseURL: SITE });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`uncaught error in the page: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  return page;
}

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now: the violations, one line each. */
async function accessibilityViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document,
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function signUp(page, person, { mistypedFirst = false } = {}) {
  await page.goto('/registro');
  if (mistypedFirst) {
    await page.getByLabel('Contraseña', { exact: true }).fill(person.password);
    await page.getByLabel('Repite la contraseña').fill(`${person.password}x`);
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('alert').getByText('Datos de registro inválidos.').waitFor();
    const repeat = page.getByLabel('Repite la contraseña');
    assert.equal(await repeat.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('[data-field-error="password2"]').textContent(), 'Las contraseñas no coinciden.');
    assert.equal(await page.locator('[data-field-error="city"]').textContent() !== '', true, 'every field at fault');
  }
  await fillSignUp(page, person);
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await page.getByText('Usuario creado exitosamente.').waitFor();
  // A new account is logged in at once.
  await page.getByRole('button', { name: 'Salir' }).waitFor();
}

async function fillSignUp(page, person) {
  await page.getByLabel('Nombre', { exact: true }).fill(person.first);
  await page.getByLabel('Apellido').fill(person.last);
  await page.getByLabel('Correo electrónico').fill(person.email);
  await page.getByLabel('Contraseña', { exact: true }).fill(person.password);
  await page.getByLabel('Repite la contraseña').fill(person.password);
  await page.getByLabel('Ciudad').fill(city);
  await page.getByLabel('País').fill('Colombia');
}

async function logIn(page, person) {
  await page.getByRole('heading', { name: 'Ingresar' }).waitFor();
  await page.getByLabel('Correo electrónico').fill(person.email);
  await page.getByLabel('Contraseña').fill(person.password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByText('Sesión iniciada.').waitFor();
}

/** The mails in a local-mode mailbox (GreenMail's IMAP: the address is login and password), bodies decoded. */
async function mailsTo(address) {
  const client = new ImapFlow({ host: '127.0.0.1', port: IMAP_PORT, secure: false, logger: false,
    auth: { user: address, pass: address } });
  await client.connect();
  const mails = [];
  const lock = await client.getMailboxLock('INBOX');
  try {
    for await (const message of client.fetch('1:*', { envelope: true, source: true })) {
      mails.push({ subject: message.envelope.subject, body: decodeBody(message.source.toString()) });
    }
  } finally {
    lock.release();
    await client.logout();
  }
  return mails;
}

function decodeBody(source) {
  const [headers, ...rest] = source.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g,
      (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return body;
}

/** The mails about {@code subject} that reached {@code address} so far. */
async function mailsAbout(address, subject) {
  return (await mailsTo(address).catch(() => [])).filter((m) => m.subject.includes(subject));
}

/**
 * The link to {@code path} in the newest mail about {@code subject}, waiting (up to 15 s) until there are at least
 * {@code count} such mails: a resent link must be a new mail, not the one already there.
 */
async function mailedLink(address, subject, path, count = 1) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = await mailsAbout(address, subject);
    const link = mails.length < count ? null
      : mails.at(-1)?.body.match(new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`));
    if (link) return link[0];
    if (Date.now() > deadline) throw new Error(`no mail about "${subject}" reached ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The API as the organizer, for settings the story needs but does not click through. */
async function asOrganizer(method, path, body) {
  const login = await fetch(`${SITE}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(organizer) }).then((r) => r.json());
  const answer = await fetch(`${SITE}${path}`, { method, body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${login.access_token}` } });
  assert.equal(answer.status, 200, `${method} ${path}`);
}

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--lang=es', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

afterEach(() => {
  assert.deepEqual(problems.splice(0), [], 'the page ran without errors or policy violations');
});

describe('the showcase in a browser', () => {
  test('a player signs up, corrected by the API field by field, and is logged in at once', async () => {
    playerPage = await newPage();
    await signUp(playerPage, player, { mistypedFirst: true });
    await playerPage.getByRole('heading', { name: 'Mis videos' }).waitFor();
    assert.equal(await playerPage.getByRole('button', { name: 'Salir' }).isVisible(), true);
  });

  test('the upload sends the file straight to storage and its progress bar reaches 100 %', async () => {
    const page = playerPage;
    // Records every value the bar shows, so the test sees the bar move rather than only its last state.
    await page.evaluate(() => {
      window.progressSeen = [];
      const bar = document.getElementById('upload-progress');
      new MutationObserver(() => window.progressSeen.push(Number(bar.getAttribute('value'))))
        .observe(bar, { attributes: true, attributeFilter: ['value'] });
    });
    // Throttled to 8 MB/s as a real connection would be, so the bar has something to show between 0 and 100.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Network.emulateNetworkConditions',
      { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 8 * 1024 * 1024 });
    const storagePost = page.waitForRequest((request) => request.method() === 'POST' && !request.url().startsWith(SITE));
    await page.getByLabel('Título').fill(title);
    await page.getByLabel('Archivo de video').setInputFiles(CLIP);
    await page.getByRole('button', { name: 'Subir video' }).click();
    const upload = await storagePost;
    assert.notEqual(new URL(upload.url()).origin, new URL(SITE).origin, 'the bytes go to S3, not through the API');
    await page.getByText('Video subido correctamente. Procesamiento en curso.').waitFor();
    const seen = await page.evaluate(() => window.progressSeen);
    assert.equal(seen.at(-1), 100, `progress values seen: ${seen}`);
    assert.ok(seen.some((percent) => percent > 0 && percent < 100), `the bar moved in between: ${seen}`);
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b), 'the bar only moves forward');
    assert.equal(await page.locator('#upload-progress-text').textContent(), '100 %');
  });

  test('the status turns processed without reloading the page', async () => {
    const page = playerPage;
    await page.evaluate(() => { window.sameDocument = true; });
    const item = page.locator('.my-video', { hasText: title });
    await item.locator('[data-status]').waitFor();
    assert.match(await item.locator('[data-status]').getAttribute('data-status'), /uploaded|processing|processed/);
    await item.locator('[data-status="processed"]').waitFor({ timeout: PROCESSING_TIMEOUT_MS });
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'no reload happened');
    assert.equal(await item.getByText('Publicado').isVisible(), true);
    assert.equal(await item.locator('video').count(), 1, 'the processed video can be played in place');
    assert.ok(await item.locator('video').getAttribute('poster'), 'with its poster');
    await page.screenshot({ path: `${SCREENSHOTS}/mis-videos.png`, fullPage: true });
  });

  test('a second user votes from the gallery', async () => {
    const page = await newPage();
    await signUp(page, fan);
    await page.getByRole('link', { name: 'Galería' }).click();
    await page.getByLabel('Ciudad').fill(city);
    await page.getByRole('button', { name: 'Filtrar' }).click();
    const card = page.locator('.card', { hasText: title });
    await card.waitFor();
    assert.equal(await card.locator('video').getAttribute('poster') !== null, true, 'the card shows the poster');
    await card.getByRole('button', { name: `Votar por «${title}»` }).click();
    await page.getByText('Voto registrado exitosamente.').waitFor();
    assert.equal(await card.locator('.votes').textContent(), '1 voto');
    assert.equal(await card.getByRole('button', { name: `Votar por «${title}»` }).isDisabled(), true);

    await page.reload();
    const again = page.locator('.card', { hasText: title }).getByRole('button', { name: `Votar por «${title}»` });
    await again.waitFor();
    assert.equal(await again.isDisabled(), true, 'after a reload the gallery still knows this fan voted');
    assert.equal(await again.textContent(), '✓ Votado');
    await page.goto('/');
    await page.locator('.card').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/galeria.png`, fullPage: true });
    await page.context().close();
  });

  test('the ranking of the city shows the vote', async () => {
    const page = await newPage();
    await page.goto(`/ranking?city=${encodeURIComponent(city)}`);
    const row = page.getByRole('row', { name: new RegExp(`${player.first} ${player.last}`) });
    await row.waitFor();
    const cells = await row.locator('td, th').allTextContents();
    assert.deepEqual(cells, ['1.', `${player.first} ${player.last}`, city, '1']);
    await page.goto('/ranking');
    await page.getByRole('table').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/ranking.png`, fullPage: true });
    await page.context().close();
  });

  test('a player publishes a video held back from voting, and deletes one still in the queue', async () => {
    const page = playerPage;
    const upload = async (videoTitle) => {
      await page.getByLabel('Título').fill(videoTitle);
      await page.getByLabel('Archivo de video').setInputFiles(CLIP);
      await page.getByLabel('Publicarlo para votación cuando esté procesado').uncheck();
      await page.getByRole('button', { name: 'Subir video' }).click();
      await page.getByText('Video subido correctamente. Procesamiento en curso.').waitFor();
      return page.locator('.my-video', { hasText: videoTitle });
    };
    const held = await upload('Tiro libre');
    await held.locator('[data-status="processed"]').waitFor({ timeout: PROCESSING_TIMEOUT_MS });
    assert.equal(await held.getByText('Publicado').count(), 0, 'held back from voting');
    await held.getByRole('button', { name: 'Publicar «Tiro libre»' }).click();
    await page.getByText('Video publicado para votación.').waitFor();
    await held.getByText('Publicado').waitFor();
    // The SPEC's delete rule (issue 22): a published video may be withdrawn until its first vote, not published again.
    assert.deepEqual(await held.getByRole('button').allTextContents(), ['Eliminar'],
      'a published video without votes can be withdrawn, not published again');

    const unwanted = await upload('Toma equivocada');
    let asked = null;
    page.once('dialog', (dialog) => { asked = dialog.message(); return dialog.accept(); });
    await unwanted.getByRole('button', { name: 'Eliminar «Toma equivocada»' }).click();
    await page.getByText('El video ha sido eliminado exitosamente.').waitFor();
    await unwanted.waitFor({ state: 'detached' });
    assert.match(asked ?? '', /¿Eliminar «Toma equivocada»\?/, 'a deletion is confirmed first');
  });

  test('a file that is only dressed as an MP4 ends failed, its reason shown without reloading', async () => {
    const page = playerPage;
    // An MP4 signature and nothing playable: the API accepts it (it checks the signature), the worker's probe does not.
    const fake = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(200_000)]);
    await page.getByLabel('Título').fill('Archivo dañado');
    await page.getByLabel('Archivo de video').setInputFiles({ name: 'danado.mp4', mimeType: 'video/mp4', buffer: fake });
    await page.getByRole('button', { name: 'Subir video' }).click();
    await page.getByText('Video subido correctamente. Procesamiento en curso.').waitFor();
    const item = page.locator('.my-video', { hasText: 'Archivo dañado' });
    await item.locator('[data-status="failed"]').waitFor({ timeout: PROCESSING_TIMEOUT_MS });
    assert.notEqual((await item.locator('.failure').textContent()).trim(), '', 'the reason is shown to its owner');
    assert.equal(await item.getByRole('button', { name: 'Eliminar «Archivo dañado»' }).isVisible(), true);
  });

  test('a wrong password shows the API message, entered with the keyboard only', async () => {
    const page = await newPage();
    await page.goto('/ingresar');
    for (let i = 0; i < 20 && await page.evaluate(() => document.activeElement?.id) !== 'field-email'; i++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-email', 'Tab reaches the form');
    await page.keyboard.type(player.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-my-password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.getByText('Correo o contraseña incorrectos.').waitFor();
    assert.equal(new URL(page.url()).pathname, '/ingresar');
    await page.context().close();
  });

  test('a crafted ?next= cannot send a player off the site after login; after logging out, "Mis videos" asks to log in', async () => {
    const page = await newPage();
    await page.goto('/ingresar?next=//evil.example/phish');
    await logIn(page, player);
    await page.getByRole('heading', { name: 'Mis videos' }).waitFor();
    assert.equal(new URL(page.url()).origin, new URL(SITE).origin);

    await page.getByRole('button', { name: 'Salir' }).click();
    await page.getByText('Sesión cerrada.').waitFor();
    await page.getByRole('link', { name: 'Mis videos' }).click();
    await page.getByText('Inicia sesión para ver y subir tus videos.').waitFor();
    assert.equal(new URL(page.url()).pathname, '/ingresar', 'a logged-out player is sent to log in');
    await page.context().close();
  });

  test('a guest on a phone opens a shared video, signs up in place and the vote counts on that video', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto('/?q=tiro%20libre');
    const shared = await page.locator('.card-title a', { hasText: 'Tiro libre' }).getAttribute('href');
    await page.goto(shared); // as from a link in a chat
    await page.getByRole('heading', { name: 'Tiro libre' }).waitFor();
    await page.getByRole('button', { name: 'Votar por «Tiro libre»' }).click();
    const sheet = page.getByRole('dialog', { name: 'Crea tu cuenta para votar' });
    await sheet.waitFor();
    assert.equal(await sheet.getByLabel('País').inputValue(), 'Colombia', 'the country comes filled in');
    assert.deepEqual(await accessibilityViolations(page), [], 'the sheet at phone size');
    const guest = { first: 'Lucía', last: 'Mejía', email: `lucia.${run}@example.com`, password: 'bloqueo-2026' };
    await sheet.getByLabel('Nombre', { exact: true }).fill(guest.first);
    await sheet.getByLabel('Apellido').fill(guest.last);
    await sheet.getByLabel('Correo electrónico').fill(guest.email);
    await sheet.getByLabel('Contraseña', { exact: true }).fill(guest.password);
    await sheet.getByLabel('Repite la contraseña').fill(guest.password);
    await sheet.getByLabel('Ciudad').fill('Bogotá');
    await sheet.getByRole('button', { name: 'Crear cuenta y votar' }).click();
    const said = page.locator('.vote-status');
    await said.getByText('Voto registrado exitosamente.').waitFor();
    assert.equal(new URL(page.url()).pathname, shared, 'still on the video the fan came for');
    assert.equal(await page.locator('.votes').textContent(), '1 voto');
    assert.equal(await page.getByRole('button', { name: 'Votar por «Tiro libre»' }).textContent(), '✓ Votado');
    await page.getByRole('link', { name: 'Mi cuenta' }).waitFor(); // the header knows the session
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header.height <= 64, `the header is one row on a phone (${header.height} px)`);
    await page.screenshot({ path: `${SCREENSHOTS}/voto-invitado.png` });
    await page.context().close();
  });

  test('a fan who already voted logs in from the sheet on a desktop and is told so under the button', async () => {
    const page = await newPage({ width: 1366, height: 768 });
    await page.goto(`/?city=${encodeURIComponent(city)}&sort=newest`);
    const card = page.locator('.card', { hasText: title });
    await card.getByRole('button', { name: `Votar por «${title}»` }).click();
    const sheet = page.getByRole('dialog', { name: 'Crea tu cuenta para votar' });
    await sheet.getByRole('button', { name: 'Ingresa' }).click();
    await sheet.getByLabel('Correo electrónico').fill(fan.email);
    await sheet.getByLabel('Contraseña').fill(fan.password);
    await sheet.getByRole('button', { name: 'Ingresar y votar' }).click();
    await card.locator('.vote-status').getByText('Ya has votado por este video.').waitFor();
    assert.equal(await card.getByRole('button', { name: `Votar por «${title}»` }).isDisabled(), true);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search,
      `/?city=${encodeURIComponent(city)}&sort=newest`, 'the fan stays where they were');
    await page.context().close();
  });

  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    test(`axe finds no WCAG 2.1 A or AA violation on any page, logged out or in, at ${viewport.width} px`, async () => {
      const page = await newPage(viewport);
      for (const path of ['/', '/ranking', '/registro', '/ingresar', '/no-existe', '/?city=Ninguna']) {
        await page.goto(path);
        await page.locator('h1').waitFor();
        await page.waitForFunction(() => !document.querySelector('.state')?.textContent.startsWith('Cargando'));
        assert.deepEqual(await accessibilityViolations(page), [], `${path} at ${viewport.width} px`);
      }
      await page.goto('/ingresar');
      await logIn(page, player);
      await page.locator('.my-video').first().waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], `/mis-videos at ${viewport.width} px`);
      await page.goto('/ranking');
      await page.locator('tr.me').waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], `/ranking logged in at ${viewport.width} px`);
      await page.locator('tr.me a').click();
      await page.locator('.card').first().waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], `the player page at ${viewport.width} px`);
      await page.locator('.card-title a').first().click();
      await page.locator('.video-page').waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], `the video page at ${viewport.width} px`);
      await page.goto('/mi-cuenta');
      await page.locator('h1').waitFor();
      await page.waitForFunction(() => !document.querySelector('.state')?.textContent.startsWith('Cargando'));
      assert.deepEqual(await accessibilityViolations(page), [], `/mi-cuenta at ${viewport.width} px`);
      if (viewport.width < 640) {
        await page.goto(`/?city=${encodeURIComponent(city)}`);
        await page.locator('.card').first().waitFor();
        await page.screenshot({ path: `${SCREENSHOTS}/telefono-galeria.png` });
        await page.goto('/mis-videos');
        const published = page.locator('.my-video', { hasText: title });
        await published.locator('[data-standing]').waitFor();
        await published.evaluate((item) => item.scrollIntoView({ block: 'end' }));
        await page.screenshot({ path: `${SCREENSHOTS}/telefono-mis-videos.png` });
      }
      await page.context().close();
    });
  }

  test('an empty list invites the first player and shows no paging; a password can be shown', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto('/?city=Ninguna');
    await page.getByText('Aún no hay videos publicados de Ninguna.').waitFor();
    await page.getByRole('link', { name: '¿Juegas? Sube el primer video.' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Paginación' }).count(), 0, 'no paging for one page');
    await page.goto('/ingresar');
    const password = page.getByLabel('Contraseña');
    await password.fill('secreta-123');
    await page.getByRole('button', { name: 'Mostrar' }).click();
    assert.equal(await password.getAttribute('type'), 'text');
    assert.equal(await page.getByRole('button', { name: 'Ocultar' }).getAttribute('aria-pressed'), 'true');
    await page.context().close();
  });

  test('every control has a label and a phone-width screen does not scroll sideways', async () => {
    const page = await newPage({ width: 360, height: 740 });
    for (const path of ['/', '/ranking', '/registro', '/ingresar']) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, button, select, textarea')]
        .filter((control) => !control.hidden && !(control.labels?.length || control.getAttribute('aria-label')
          || control.textContent.trim()))
        .map((control) => control.outerHTML));
      assert.deepEqual(unlabelled, [], `controls without a name on ${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a phone screen`);
    }
    await page.context().close();
  });
});

describe('pages fans share and find', () => {
  test('a fan finds the player without accents, opens their page and the video page, and shares the link', async () => {
    const page = await newPage();
    // Chromium on a desktop has no share sheet: this one records what the page would hand to the phone's.
    await page.addInitScript(() => {
      navigator.share = async (data) => { window.sharedWith = data; };
    });
    await page.goto('/');
    await page.getByLabel('Buscar').fill('sofia restrepo');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    const card = page.locator('.card', { hasText: title });
    await card.waitFor();
    assert.match(page.url(), /q=sofia\+restrepo|q=sofia%20restrepo/);
    const names = await page.locator('.card .meta a').allTextContents();
    assert.ok(names.length > 0 && names.every((name) => name === `${player.first} ${player.last}`), 'only her videos match');

    await card.getByRole('link', { name: `${player.first} ${player.last}` }).click();
    await page.getByRole('heading', { name: `${player.first} ${player.last}` }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/jugador\/[0-9a-f-]{36}$/);
    await page.getByText(`Puesto 1 en ${city}`).waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'the player page');

    await page.locator('.card-title a', { hasText: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    const videoPath = new URL(page.url()).pathname;
    assert.match(videoPath, /^\/v\/[0-9a-f-]{36}$/);
    await page.getByText(`Puesto 1 en ${city}`).waitFor();
    await page.getByRole('button', { name: `Compartir «${title}»` }).click();
    const shared = await page.evaluate(() => window.sharedWith);
    assert.equal(shared.url, `${SITE}${videoPath}`);
    assert.equal(shared.title, title);
    assert.deepEqual(await accessibilityViolations(page), [], 'the video page');
    await page.screenshot({ path: `${SCREENSHOTS}/video-page.png`, fullPage: true });

    // Opened straight from the link (as from a chat), the page draws itself the same way.
    const fromLink = await newPage({ width: 390, height: 844 });
    await fromLink.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await fromLink.goto(videoPath);
    await fromLink.getByRole('heading', { name: title }).waitFor();
    if (await fromLink.evaluate(() => 'share' in navigator)) {
      await fromLink.evaluate(() => { delete Navigator.prototype.share; });
    }
    await fromLink.getByRole('button', { name: `Compartir «${title}»` }).click();
    await fromLink.getByText('Enlace copiado.', { exact: false }).waitFor();
    assert.equal(await fromLink.evaluate(() => navigator.clipboard.readText()), `${SITE}${videoPath}`);
    const overflow = await fromLink.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the video page is ${overflow}px wider than a phone screen`);
    await fromLink.screenshot({ path: `${SCREENSHOTS}/video-page-phone.png` });
    await fromLink.context().close();
    await page.context().close();
  });

  test('the link preview a chat would show comes from the first HTML alone', async () => {
    const page = await newPage({ width: 520, height: 420 });
    await page.goto('/');
    await page.getByLabel('Buscar').fill(title);
    await page.getByRole('button', { name: 'Filtrar' }).click();
    const href = await page.locator('.card-title a', { hasText: title }).getAttribute('href');
    const raw = await (await fetch(`${SITE}${href}`)).text(); // what a crawler gets: no JavaScript runs
    await page.context().close();
    // A chat's card, drawn from the tags only (values set as text, never as markup), on a blank page of its own.
    const chat = await browser.newContext({ viewport: { width: 520, height: 420 }, locale: 'es-CO' });
    const card = await chat.newPage();
    await card.setContent('<!doctype html><html lang="es"><body style="font-family: sans-serif; background: #e5ddd5; padding: 24px"></body></html>');
    await card.evaluate((html) => {
      const tags = new DOMParser().parseFromString(html, 'text/html');
      const meta = (name) => tags.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.content ?? '';
      const box = document.createElement('div');
      box.style.cssText = 'max-width: 420px; background: #fff; border-radius: 10px; overflow: hidden; box-shadow: 0 1px 2px #0003';
      const image = document.createElement('img');
      image.src = meta('og:image');
      image.alt = meta('og:image:alt');
      image.style.cssText = 'width: 100%; aspect-ratio: 1200 / 630; object-fit: cover; display: block';
      const text = document.createElement('div');
      text.style.cssText = 'padding: 10px 12px';
      for (const [value, style] of [[meta('og:title'), 'font-weight: 700'], [meta('og:description'), 'color: #555; font-size: 14px'],
        [new URL(meta('og:url')).host, 'color: #888; font-size: 13px']]) {
        const line = document.createElement('div');
        line.textContent = value;
        line.style.cssText = style;
        text.append(line);
      }
      box.append(image, text);
      document.body.append(box);
    }, raw);
    await card.locator('img').evaluate((image) => image.decode());
    assert.equal(await card.locator('img').evaluate((image) => image.naturalWidth), 1280, 'the poster, sized for previews');
    await card.getByText(title).waitFor();
    await card.getByText(`${player.first} ${player.last} (${city})`, { exact: false }).waitFor();
    await card.screenshot({ path: `${SCREENSHOTS}/link-preview.png` });
    await chat.close();
  });

  test('the order selector changes the order, and a shuffled gallery pages without repeats', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.locator('.card').first().waitFor();
    assert.equal(await page.getByLabel('Orden').inputValue(), 'shuffle', 'by default each fan sees a shuffled gallery');
    await page.getByLabel('Orden').selectOption('votes');
    await page.waitForURL(/sort=votes/);
    await page.locator('.card').first().waitFor();
    const votes = await page.locator('.card .votes').evaluateAll((counts) => counts.map((c) => Number(c.dataset.votes)));
    assert.deepEqual(votes, [...votes].sort((a, b) => b - a), 'most votes first');
    await page.getByLabel('Orden').selectOption('shuffle');
    await page.waitForURL((url) => !url.search.includes('sort='));
    await page.locator('.card').first().waitFor();
    const first = await page.locator('.card').evaluateAll((cards) => cards.map((c) => c.dataset.videoId));
    await page.reload();
    await page.locator('.card').first().waitFor();
    assert.deepEqual(await page.locator('.card').evaluateAll((cards) => cards.map((c) => c.dataset.videoId)), first,
      'the same fan keeps the same order while paging and reloading');
    await page.context().close();
  });
});

describe('players on their phones: choosing the 30 s and seeing where they stand', () => {
  test('a 5 s clip is refused before a byte is sent; in a 50 s one the player picks where the 30 s start', async () => {
    const page = await newPage({ width: 390, height: 844 });
    const phonePlayer = { first: 'Camila', last: 'Ortiz', email: `camila.${run}@example.com`, password: 'tapon-2026' };
    await signUp(page, phonePlayer);
    await page.goto('/mis-videos');
    const sent = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sent.push(request.url()); // the upload grant, or the file to storage
    });
    await page.getByLabel('Título').fill('Muy corto');
    await page.locator('#video-file').setInputFiles(SHORT_CLIP);
    await page.getByText('Tu video dura 5 s; debe durar entre 20 y 60 s.').waitFor();
    await page.getByRole('button', { name: 'Subir video' }).click();
    await page.getByRole('alert').getByText('debe durar entre 20 y 60 s', { exact: false }).waitFor();
    assert.deepEqual(sent, [], 'nothing was sent for a clip the rules refuse');
    assert.equal(await page.locator('#upload-progress').isVisible(), false, 'no progress bar before any upload');

    await page.getByLabel('Título').fill('Mi mejor jugada');
    await page.locator('#video-file').setInputFiles(LONG_CLIP);
    const slider = page.getByLabel('Inicio de los 30 s');
    await slider.waitFor();
    assert.equal(await slider.getAttribute('max'), '30', '50 s leave room to start up to second 30');
    await page.getByText('La transmisión usa 30 s de tu video, sin sonido.', { exact: false }).waitFor();
    await slider.fill('18');
    await page.getByText('Se usará del segundo 18 al 48.').waitFor();
    await page.getByRole('button', { name: 'Subir video' }).click();
    await page.getByText('Video subido correctamente', { exact: false }).waitFor();
    assert.equal(await page.locator('#upload-progress').isVisible(), false, 'the bar goes away with the form reset');
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('anb.session') ?? '{}').token);
    const mine = await (await fetch(`${SITE}/api/videos`, { headers: { Authorization: `Bearer ${token}` } })).json();
    assert.equal(mine.at(-1).title, 'Mi mejor jugada');
    assert.equal(mine.at(-1).start_seconds, 18, 'the chosen start reaches the API');
    // Processed from second 18: BrowserEndToEndTest then compares a frame of the broadcast with the source's.
    await page.locator('.my-video', { hasText: 'Mi mejor jugada' }).locator('[data-status="processed"]')
      .waitFor({ timeout: PROCESSING_TIMEOUT_MS });
    assert.deepEqual(await accessibilityViolations(page), [], '/mis-videos with a file chosen, at phone size');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `Mis videos is ${overflow}px wider than a phone screen`);

    // A file that is no video: the API's own reason, and no earlier success left standing above it.
    const notVideo = `${SCREENSHOTS}/no-es-video.mp4`;
    await writeFile(notVideo, 'esto no es un video '.repeat(50));
    await page.getByLabel('Título').fill('Un documento');
    await page.locator('#video-file').setInputFiles(notVideo);
    await page.getByRole('button', { name: 'Subir video' }).click();
    await page.getByRole('alert').getByText('El archivo debe ser un video MP4.').waitFor();
    assert.equal(await page.getByText('Video subido correctamente', { exact: false }).count(), 0,
      'the last success does not stand above the failure');
    await page.context().close();
  });

  test('the ranking on a phone breaks no word, marks the player as "tú" and each row opens the player', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto('/ingresar');
    await logIn(page, player);
    await page.goto(`/ranking?city=${encodeURIComponent(city)}`);
    const mine = page.locator('tr.me');
    await mine.waitFor();
    assert.match(await mine.textContent(), /Sofía Restrepo \(tú\)/);
    // A word split over two lines has two boxes: measure every word of every cell.
    const broken = await page.evaluate(() => {
      const split = [];
      for (const cell of document.querySelectorAll('.ranking th, .ranking td, .ranking caption')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.textContent.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) split.push(match[0]);
          }
        }
      }
      return split;
    });
    assert.deepEqual(broken, [], 'words broken across lines in the ranking');
    await mine.getByRole('link', { name: 'Sofía Restrepo' }).click();
    await page.getByRole('heading', { name: 'Sofía Restrepo' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'the player page at phone size');
    await page.context().close();
  });

  test('Mis videos says how many votes a published video has and where its player stands', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto('/ingresar');
    await logIn(page, player);
    await page.goto('/mis-videos');
    const item = page.locator('.my-video', { hasText: title });
    const line = item.locator('[data-standing]');
    await line.waitFor();
    assert.match(await line.textContent(), /^1 voto · puesto 1 en tu ciudad · \d+ en el general$/);
    await page.context().close();
  });
});

describe('the page when things go wrong: hostile text, huge files, the API away, a dead session, double clicks', () => {
  const MARKUP_TITLE = '<script>window.injected = "title"</script><img src=x onerror="window.injected = \'title\'">Jugada';
  const marked = { first: '<img src=x onerror="window.injected = \'name\'">', last: '<b>Díaz</b>',
    email: `markup.${run}@example.com`, password: 'marcaje-2026' };

  /** A new page logged in as {@code person}, on Mis videos. */
  async function loggedIn(person) {
    const page = await newPage();
    await page.goto('/ingresar?next=/mis-videos');
    await logIn(page, person);
    await page.getByRole('heading', { name: 'Mis videos' }).waitFor();
    return page;
  }

  /** Counts the requests {@code page} sends that {@code matches} selects. */
  function countRequests(page, matches) {
    const seen = { count: 0 };
    page.on('request', (request) => { if (matches(request)) seen.count++; });
    return seen;
  }

  const isGrant = (request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/videos/uploads';
  const isStoragePost = (request) => request.method() === 'POST' && !request.url().startsWith(SITE);

  test('markup in a name or a title is shown as text and runs nothing; Subir video is disabled while it sends (a double click sends once)',
    async () => {
      const page = await newPage();
      await signUp(page, marked);
      const grants = countRequests(page, isGrant);
      await page.getByLabel('Título').fill(MARKUP_TITLE);
      await page.getByLabel('Archivo de video').setInputFiles(CLIP);
      await page.getByLabel('Inicio de los 30 s').waitFor(); // the file is read: the first click goes straight to the upload
      await page.getByLabel('Publicarlo para votación cuando esté procesado').uncheck(); // kept out of the gallery
      // The upload is held at storage's door, so the button is seen while its request is in flight.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route((url) => url.origin !== new URL(SITE).origin, async (route) => {
        if (isStoragePost(route.request())) await held;
        await route.continue();
      });
      const storagePost = page.waitForRequest(isStoragePost);
      await page.getByRole('button', { name: 'Subir video' }).dblclick();
      await storagePost;
      assert.equal(await page.getByRole('button', { name: 'Subiendo…' }).isDisabled(), true, 'disabled while in flight');
      release();
      await page.getByText('Video subido correctamente. Procesamiento en curso.').waitFor();
      await page.unrouteAll();
      const item = page.locator('.my-video', { hasText: 'Jugada' });
      assert.equal(await item.locator('h3').textContent(), MARKUP_TITLE, 'the title reads as typed');
      assert.equal(grants.count, 1, 'the second click of the double click sent nothing');
      assert.equal(await page.locator('.my-video').count(), 1, 'one video, not two');

      const staff = await newPage();
      await staff.goto('/ingresar');
      await logIn(staff, organizer);
      await staff.goto(`/equipo/personas?q=${encodeURIComponent(marked.email)}`);
      const row = staff.locator('.people li', { hasText: marked.email });
      assert.equal(await row.locator('strong').textContent(), `${marked.first} ${marked.last}`, 'the name reads as typed');
      for (const seen of [page, staff]) {
        assert.equal(await seen.locator('main img[src="x"], main script, main b').count(), 0, 'no element came of it');
        assert.equal(await seen.evaluate(() => window.injected), undefined, 'no script of it ran');
      }
      await staff.context().close();
      await page.context().close();
    });

  test('a file over 100 MB is refused before a byte of it is sent; storage\'s own refusals are told in Spanish',
    async () => {
      const page = await loggedIn(marked); // its abandoned grants count against this account's uploads, not the player's
      const big = join(tmpdir(), `over-the-limit-${run}.mp4`);
      await writeFile(big, '');
      await truncate(big, 101 * 1024 * 1024); // sparse: no 101 MB written to disk
      const storagePosts = countRequests(page, isStoragePost);
      await page.getByLabel('Título').fill('Demasiado grande');
      await page.getByLabel('Archivo de video').setInputFiles(big);
      await page.getByRole('button', { name: 'Subir video' }).click();
      await page.getByText('El archivo pesa 101,0 MB; el máximo es 100 MB.').waitFor(); // the API's refusal of the size
      assert.equal(storagePosts.count, 0, 'not one byte went to storage');
      await rm(big);

      // What S3 itself answers (in English XML) when a form is too large or has expired, as the player reads it.
      const refusals = [
        ['EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 'El archivo supera el tamaño máximo permitido.'],
        ['AccessDenied', 'Invalid according to Policy: Policy expired.', 'El permiso de subida expiró. Vuelve a intentarlo.'],
      ];
      for (const [code, message, shown] of refusals) {
        await page.route((url) => url.origin !== new URL(SITE).origin, (route) => (isStoragePost(route.request())
          ? route.fulfill({ status: code === 'AccessDenied' ? 403 : 400, contentType: 'application/xml',
            headers: { 'Access-Control-Allow-Origin': new URL(SITE).origin },
            body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>` })
          : route.continue()));
        await page.getByLabel('Archivo de video').setInputFiles(CLIP);
        await page.getByRole('button', { name: 'Subir video' }).click();
        await page.getByText(shown).waitFor();
        await page.unrouteAll();
      }
      await page.context().close();
    });

  test('with the API out of reach the page says so, and Mis videos comes back by itself', async () => {
    const page = await loggedIn(marked);
    await page.locator('.my-video').first().waitFor();
    await page.route('**/api/videos', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.getByText('No se pudo conectar con el servidor. Revisa tu conexión e intenta de nuevo.').waitFor();
    await page.evaluate(() => { window.sameDocument = true; });
    await page.unrouteAll();
    await page.locator('.my-video').first().waitFor({ timeout: 10_000 }); // the next try is due in 6 s
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'back without a reload');
    await page.context().close();
  });

  test('a token the API rejects ends the session and Mis videos asks to log in again; so does one past its time',
    async () => {
      const page = await loggedIn(marked);
      const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('anb.session')));
      const store = (value) => page.evaluate((v) => localStorage.setItem('anb.session', JSON.stringify(v)), value);
      const login = await saved();
      const signature = login.token.split('.')[2];
      await store({ ...login, token: login.token.replace(/[^.]+$/, [...signature].reverse().join('')) });
      await page.reload();
      await page.getByRole('heading', { name: 'Ingresar' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/ingresar');
      assert.equal(await saved(), null, 'the rejected session is forgotten');
      assert.equal(await page.getByRole('button', { name: 'Salir' }).count(), 0);

      await logIn(page, marked);
      await page.getByRole('heading', { name: 'Mis videos' }).waitFor();
      await store({ ...(await saved()), expiresAt: Date.now() - 1000 }); // the API would still take this token
      await page.reload();
      await page.getByText('Inicia sesión para ver y subir tus videos.').waitFor();
      assert.equal(new URL(page.url()).pathname, '/ingresar', 'a session past its time is not used');
      assert.equal(await page.getByRole('button', { name: 'Salir' }).count(), 0);
      await page.context().close();
    });
});

describe('accounts people can trust: mail, passwords and personal data', () => {
  const minor = { first: 'Juan', last: 'Pérez', email: `juan.${run}@example.com`, password: 'bandeja-2026',
    guardian: `acudiente.${run}@example.com` };

  test('the player asks Mi cuenta for another confirmation link and confirms the e-mail with it', async () => {
    const page = await newPage();
    await page.goto('/ingresar');
    await logIn(page, player);
    await page.getByRole('link', { name: 'Mi cuenta' }).click();
    await page.getByText('Aún no confirmas tu correo').waitFor();
    const mailedBefore = (await mailsAbout(player.email, 'Confirma tu correo')).length;
    await page.getByRole('button', { name: 'Reenviar enlace de confirmación' }).click();
    await page.getByText('Te enviamos un enlace nuevo.').waitFor();
    await page.goto(await mailedLink(player.email, 'Confirma tu correo', '/confirmar', mailedBefore + 1));
    await page.getByText('Correo confirmado. Tus votos ya cuentan.').waitFor();
    await page.goto('/mi-cuenta');
    await page.getByText('Correo confirmado.').waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], '/mi-cuenta');
    await page.context().close();
  });

  test('a forgotten password comes back through the mailed link, and Mi cuenta changes it again', async () => {
    const page = await newPage();
    const interim = 'nueva-clave-2026';
    await page.goto('/ingresar');
    await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
    await page.getByLabel('Correo electrónico').fill(player.email);
    await page.getByRole('button', { name: 'Enviar enlace' }).click();
    await page.getByText('Si hay una cuenta con ese correo').waitFor();
    await page.goto(await mailedLink(player.email, 'Restablece tu contraseña', '/restablecer'));
    await page.getByLabel('Contraseña nueva', { exact: true }).fill(interim);
    await page.getByLabel('Repite la contraseña nueva').fill(interim);
    await page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await page.getByText('Contraseña actualizada.').waitFor();
    await logIn(page, { ...player, password: interim });
    await page.goto('/mi-cuenta');
    await page.getByLabel('Contraseña actual').fill(interim);
    await page.getByLabel('Contraseña nueva', { exact: true }).fill(player.password);
    await page.getByLabel('Repite la contraseña nueva').fill(player.password);
    await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await page.getByText('Contraseña cambiada.').waitFor();
    await page.context().close();
  });

  test('under consent and the proof of work a minor signs up naming a guardian, then downloads and erases the data',
    async () => {
      await asOrganizer('PUT', '/api/admin/contest', { name: 'Rising Stars 2026', signup_challenge: true,
        consent_required: true, privacy_notice_version: '2026-12' });
      try {
        const page = await newPage({ width: 390, height: 844 });
        await page.goto('/registro');
        await fillSignUp(page, minor);
        const birth = new Date();
        birth.setFullYear(birth.getFullYear() - 15);
        await page.getByLabel('Fecha de nacimiento').fill(birth.toISOString().slice(0, 10));
        await page.getByLabel('Correo de tu madre, padre o acudiente').fill(minor.guardian);
        await page.getByLabel(/Acepto el aviso de privacidad \(versión 2026-12\)/).check();
        await page.getByText('Verificado').waitFor(); // ALTCHA solved the API's challenge in a worker
        assert.deepEqual(await accessibilityViolations(page), [], '/registro with the edition\'s questions');
        await page.screenshot({ path: `${SCREENSHOTS}/registro-menor.png`, fullPage: true });
        await page.getByRole('button', { name: 'Crear cuenta' }).click();
        await page.getByText('Usuario creado exitosamente.').waitFor();

        const guardian = await newPage();
        await guardian.goto(await mailedLink(minor.guardian, 'Autoriza la participación', '/autorizar'));
        await guardian.getByText('Autorización registrada.').waitFor();
        await guardian.context().close();

        await page.getByRole('button', { name: 'Salir' }).waitFor(); // signed up means logged in
        await page.goto('/mi-cuenta');
        const [download] = await Promise.all([page.waitForEvent('download'),
          page.getByRole('button', { name: 'Descargar mis datos' }).click()]);
        const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
        assert.equal(exported.account.email, minor.email);
        assert.equal(exported.account.terms_version, '2026-12');
        assert.equal(exported.account.guardian_email, minor.guardian);
        assert.equal(exported.account.public_name, 'Juan P.');
        assert.ok(exported.account.guardian_confirmed_at, 'the guardian authorised');
        await page.getByLabel('Tu contraseña, para confirmar').fill(minor.password);
        await page.getByRole('button', { name: 'Eliminar mi cuenta' }).click();
        await page.getByText('Tu cuenta y tus datos fueron eliminados.').waitFor();
        await page.goto('/ingresar');
        await page.getByLabel('Correo electrónico').fill(minor.email);
        await page.getByLabel('Contraseña').fill(minor.password);
        await page.getByRole('button', { name: 'Ingresar' }).click();
        await page.getByRole('alert').getByText('Correo o contraseña incorrectos.').waitFor();
        await page.context().close();
      } finally {
        await asOrganizer('PUT', '/api/admin/contest', { name: 'Rising Stars 2026' });
      }
    });
});

describe('running the contest: an organizer and a moderator', () => {
  let staffPage;
  let videoId;

  async function logInAt(page, person) {
    await page.goto('/ingresar');
    await logIn(page, person);
  }

  test('the organizer (made by the local start) makes the fan a moderator from the staff pages', async () => {
    staffPage = await newPage();
    await logInAt(staffPage, organizer);
    await staffPage.getByRole('link', { name: 'Equipo' }).click();
    await staffPage.getByRole('heading', { name: 'Moderación' }).waitFor();
    await staffPage.getByRole('navigation', { name: 'Equipo' }).getByRole('link', { name: 'Personas' }).click();
    await staffPage.getByLabel('Buscar').fill(fan.email);
    await staffPage.getByRole('button', { name: 'Buscar' }).click();
    const row = staffPage.locator('.people li', { hasText: fan.email });
    await row.getByLabel('Rol').selectOption('moderator');
    await row.getByRole('button', { name: 'Cambiar rol' }).click();
    await staffPage.getByText('Cambio guardado.').waitFor();

    const guest = await newPage();
    await guest.goto('/');
    assert.equal(await guest.getByRole('link', { name: 'Equipo' }).isVisible(), false, 'no staff link for fans');
    await guest.goto('/equipo');
    await guest.getByText('Esta sección es solo para el equipo del concurso.').waitFor();
    await guest.context().close();
  });

  test('the organizer previews a void, applies it, sees the count follow, and restores it exactly', async () => {
    const page = staffPage;
    await page.goto(`/?city=${encodeURIComponent(city)}`);
    videoId = await page.locator('.card', { hasText: title }).getAttribute('data-video-id');
    await page.goto(`/equipo/integridad?video=${videoId}`);
    await page.getByRole('heading', { name: /Puntaje de sospecha/ }).waitFor();
    assert.equal(await page.locator('[data-counted]').getAttribute('data-counted'), '1');
    assert.equal(await page.locator('.chart svg rect').count() > 0, true, 'votes per hour are plotted');
    const apply = page.getByRole('button', { name: 'Anular votos' });
    assert.equal(await apply.isDisabled(), true, 'nothing is voided before its preview');
    await page.getByLabel('Motivo', { exact: true }).fill('voto de prueba');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    await page.getByText('Se anularían 1 votos.').waitFor();
    assert.equal(await page.locator('[data-counted]').getAttribute('data-counted'), '1', 'the preview changed nothing');
    await apply.click();
    await page.getByText('1 votos anulados.').waitFor();
    await page.locator('[data-void="1"]').waitFor();
    await page.getByLabel('Motivo', { exact: true }).fill('voto de prueba');
    await page.getByRole('button', { name: 'Restaurar votos' }).click();
    await page.getByText('1 votos restaurados.').waitFor();
    await page.locator('[data-counted="1"]').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/equipo-integridad.png`, fullPage: true });
  });

  test('a fan reports the video and the moderator disqualifies it: it leaves the gallery at once', async () => {
    const fanPage = await newPage();
    await signUp(fanPage, reporter);
    await fanPage.goto(`/?city=${encodeURIComponent(city)}`);
    const card = fanPage.locator('.card', { hasText: title });
    await card.getByText('Reportar').click();
    await card.getByLabel('Motivo').selectOption('copyright');
    await card.getByRole('button', { name: 'Enviar reporte' }).click();
    await fanPage.getByText('Gracias: el equipo de moderación revisará el video.').waitFor();
    await fanPage.context().close();

    const moderator = await newPage();
    await logInAt(moderator, fan);
    await moderator.getByRole('link', { name: 'Equipo' }).click();
    const item = moderator.locator('.queue-item', { hasText: title });
    await item.getByText('video robado (1)').waitFor();
    assert.equal(await moderator.getByRole('navigation', { name: 'Equipo' }).getByRole('link', { name: 'Resultados' })
      .count(), 0, 'organizer-only sections are not offered to a moderator');
    await item.getByLabel('Motivo de la decisión').fill('El video pertenece a otro jugador.');
    await item.getByRole('button', { name: 'Descalificar' }).click();
    await moderator.getByText('Video descalificado.').waitFor();
    await moderator.goto(`/?city=${encodeURIComponent(city)}`);
    await moderator.locator('.card').first().waitFor();
    assert.equal(await moderator.locator('.card', { hasText: title }).count(), 0, 'gone from the gallery');
    await moderator.context().close();

    const owner = await newPage();
    await logInAt(owner, player);
    const mine = owner.locator('.my-video', { hasText: title });
    await mine.getByText('Descalificado: El video pertenece a otro jugador.').waitFor();
    await mine.getByLabel('Apelar la decisión (una sola vez)').fill('Es mi jugada: tengo el video original.');
    await mine.getByRole('button', { name: 'Enviar apelación' }).click();
    await owner.getByText('Apelación recibida: el equipo de moderación la revisará.').waitFor();
    await mine.getByText('Tu apelación está en revisión.').waitFor();
    await owner.context().close();

    const told = await newPage();
    await logInAt(told, reporter);
    await told.goto('/mis-videos');
    await told.getByText(/revisado: el video fue descalificado/).waitFor();
    await told.context().close();
  });

  test('the organizer closes voting and publishes results; the audit log names every decision', async () => {
    const page = staffPage;
    await page.goto('/equipo/concurso');
    await page.getByLabel('Nombre de la edición').fill('Rising Stars 2026');
    const local = (minutes) => page.evaluate((m) => {
      const d = new Date(Date.now() + m * 60000);
      return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    }, minutes);
    await page.getByLabel('Abre la votación').fill(await local(-120));
    await page.getByLabel('Cierra la votación').fill(await local(-1));
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Concurso guardado.').waitFor();

    await page.getByRole('navigation', { name: 'Equipo' }).getByRole('link', { name: 'Resultados' }).click();
    await page.getByRole('button', { name: 'Publicar resultados' }).click();
    await page.getByText(/Resultados publicados\./).waitFor();
    await page.getByRole('table', { name: 'Resultados publicados' }).waitFor();
    await page.getByRole('link', { name: 'Votos para recontar (CSV)' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/equipo-resultados.png`, fullPage: true });

    await page.getByRole('navigation', { name: 'Equipo' }).getByRole('link', { name: 'Auditoría' }).click();
    for (const action of ['staff.role', 'votes.void', 'votes.restore', 'video.disqualify', 'contest.create',
      'results.publish']) {
      await page.getByRole('cell', { name: action, exact: true }).first().waitFor();
    }
  });

  test('axe finds no WCAG 2.1 A or AA violation on the staff pages', async () => {
    const page = staffPage;
    for (const path of ['/equipo', '/equipo?estado=disqualified', `/equipo/integridad?video=${videoId}`,
      '/equipo/alertas', '/equipo/concurso', '/equipo/resultados', '/equipo/personas', '/equipo/auditoria']) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      await page.waitForFunction(() => !document.querySelector('.state')?.textContent.startsWith('Cargando'));
      assert.deepEqual(await accessibilityViolations(page), [], path);
    }
    await page.context().close();
  });
});
