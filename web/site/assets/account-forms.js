// The account forms, shared by their pages (/registro, /ingresar) and by the sheet that opens in place when a guest
// votes: sign-up with every field the API requires (what the edition asks for is read from the contest; a minor also
// names a guardian) and log-in. A sign-up logs the new player in at once.
import { api, withQuery } from './api.js';
import { errorBox, field, submitsTo } from './components.js';
import { h, whileBusy } from './dom.js';
import { session } from './session.js';

const ADULT_AGE = 18;

/**
 * The sign-up form; on success the account is logged in and onReady(message) is called with the API's message and
 * what the new player should know (confirm the e-mail).
 */
export function signupForm({ submitLabel = 'Crear cuenta', onReady }) {
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, submitLabel);
  const guardian = field({ name: 'guardian_email', label: 'Correo de tu madre, padre o acudiente', type: 'email',
    autocomplete: 'off', required: false,
    hint: 'Eres menor de 18 años: le enviaremos un enlace para autorizar que tus videos se publiquen.' });
  guardian.hidden = true;
  const edition = h('div', { class: 'edition-terms' });
  const form = h('form', { class: 'panel', novalidate: true },
    h('div', { class: 'field-row' },
      field({ name: 'first_name', label: 'Nombre', autocomplete: 'given-name', maxlength: 100 }),
      field({ name: 'last_name', label: 'Apellido', autocomplete: 'family-name', maxlength: 100 })),
    field({ name: 'email', label: 'Correo electrónico', type: 'email', autocomplete: 'email' }),
    h('div', { class: 'field-row' },
      field({ name: 'password1', label: 'Contraseña', type: 'password', autocomplete: 'new-password',
        hint: 'Al menos 8 caracteres.' }),
      field({ name: 'password2', label: 'Repite la contraseña', type: 'password', autocomplete: 'new-password' })),
    h('div', { class: 'field-row' },
      field({ name: 'city', label: 'Ciudad', autocomplete: 'address-level2', maxlength: 100 }),
      field({ name: 'country', label: 'País', autocomplete: 'country-name', maxlength: 100, value: 'Colombia' })),
    field({ name: 'birth_date', label: 'Fecha de nacimiento', type: 'date', autocomplete: 'bday', required: false }),
    guardian, edition, error, submit);
  offerCities(form.querySelector('#field-city'));
  const birth = form.querySelector('#field-birth_date');
  birth.addEventListener('change', () => {
    guardian.hidden = !isMinor(birth.value);
  });
  api('/api/public/contest').then((contest) => askWhatTheEditionRequires(edition, contest)).catch(() => {});
  submitsTo(form, error, async (data) => {
    const body = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== ''));
    const answer = await whileBusy(submit, 'Creando cuenta…', () => api('/api/auth/signup', { method: 'POST', body }))
      .catch((failure) => {
        // A solution is good for one try: a refused sign-up gets a fresh challenge, solved again in the background.
        const widget = form.querySelector('altcha-widget');
        widget?.reset();
        widget?.verify();
        throw failure;
      });
    await logIn(data.email, data.password1);
    onReady(`${answer.message} Te enviamos un correo para confirmarlo.`);
  });
  return form;
}

/** The log-in form; on success onReady(notice) with what the player should know. */
export function loginForm({ email, submitLabel = 'Ingresar', onReady }) {
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, submitLabel);
  const form = h('form', { class: 'panel', novalidate: true },
    field({ name: 'email', label: 'Correo electrónico', type: 'email', autocomplete: 'email', value: email }),
    field({ name: 'password', label: 'Contraseña', type: 'password', autocomplete: 'current-password' }),
    error, submit);
  submitsTo(form, error, async (data) => {
    const me = await whileBusy(submit, 'Ingresando…', () => logIn(data.email, data.password));
    onReady(me && !me.email_verified
      ? 'Sesión iniciada. Confirma tu correo con el enlace que te enviamos para que tus votos cuenten.'
      : 'Sesión iniciada.');
  });
  return form;
}

/** Logs in and remembers the session and its role; answers GET /api/auth/me (null if it failed). */
async function logIn(email, password) {
  const login = await api('/api/auth/login', { method: 'POST', body: { email, password } });
  session.start(login);
  const me = await api('/api/auth/me', { auth: true }).catch(() => null);
  if (me) session.setRole(me.role);
  return me;
}

function isMinor(isoDate) {
  const birth = new Date(`${isoDate}T00:00:00`);
  if (Number.isNaN(birth.getTime())) return false;
  const adult = new Date(birth);
  adult.setFullYear(birth.getFullYear() + ADULT_AGE);
  return adult > new Date();
}

/** The privacy notice to accept, and ALTCHA's proof of work (solved in the browser, no third party) when asked. */
function askWhatTheEditionRequires(slot, contest) {
  if (contest.consent_required || contest.privacy_notice_version) {
    const version = contest.privacy_notice_version ?? 'vigente';
    slot.append(h('div', { class: 'field checkbox' },
      h('input', { id: 'field-accept_terms', name: 'accept_terms', type: 'checkbox', value: version,
        required: contest.consent_required, 'aria-describedby': 'field-accept_terms-error' }),
      h('label', { for: 'field-accept_terms' },
        `Acepto el aviso de privacidad (versión ${version}) y el tratamiento de mis datos para el concurso.`),
      h('p', { id: 'field-accept_terms-error', class: 'field-error', 'data-field-error': 'accept_terms' })));
  }
  if (contest.signup_challenge) {
    // Relative to this module: in AWS the assets live under a versioned path.
    const vendor = (file) => new URL(`./vendor/altcha/${file}`, import.meta.url).href;
    slot.append(h('link', { rel: 'stylesheet', href: vendor('altcha.css') }));
    import('./vendor/altcha/altcha.js').then(() => {
      slot.append(h('altcha-widget', { challengeurl: '/api/auth/challenge', name: 'altcha', auto: 'onload',
        workerurl: vendor('worker.js'), hidelogo: true, hidefooter: true,
        strings: JSON.stringify({ label: 'No soy un robot', verifying: 'Verificando…', verified: 'Verificado',
          error: 'No se pudo verificar. Intenta de nuevo.', expired: 'La verificación expiró. Intenta de nuevo.',
          waitAlert: 'Verificando… espera un momento.', ariaLinkLabel: 'Visita altcha.org' }) }),
      h('p', { class: 'field-error', 'data-field-error': 'altcha' }));
    });
  }
}

/** Suggests the cities players already wrote (one spelling each), so "Bogota", "bogotá " and "BOGOTÁ" stay one city. */
function offerCities(input) {
  const list = h('datalist', { id: 'city-suggestions' });
  input.setAttribute('list', list.id);
  input.after(list);
  let asked = '';
  input.addEventListener('input', async () => {
    const typed = input.value.trim();
    if (typed.length < 2 || typed === asked) return;
    asked = typed;
    const cities = await api(withQuery('/api/public/cities', { q: typed })).catch(() => []);
    if (asked === typed) list.replaceChildren(...cities.map((c) => h('option', { value: c.city })));
  });
}
