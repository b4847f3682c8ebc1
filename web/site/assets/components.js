// Pieces shared by several pages.
import { h, notify } from './dom.js';

/** A "filter by city" form; submitting calls onFilter with the trimmed city ('' for all). */
export function cityFilter(city, onFilter) {
  const input = h('input', { id: 'city-filter', name: 'city', type: 'search', value: city, autocomplete: 'address-level2',
    placeholder: 'Todas las ciudades', maxlength: 100 });
  return h('form', { class: 'filter', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    onFilter(input.value.trim());
  } },
  h('label', { for: 'city-filter' }, 'Ciudad'),
  input,
  h('button', { type: 'submit' }, 'Filtrar'),
  city ? h('button', { type: 'button', class: 'secondary', onclick: () => onFilter('') }, 'Ver todas') : null);
}

/**
 * Previous/next page controls. hasNext is known from the page size: a full page may have a next one. A control with
 * nowhere to go is disabled, never a button that does nothing; a single page shows none.
 */
export function pager(page, hasNext, goTo) {
  if (page <= 1 && !hasNext) return document.createDocumentFragment(); // one page: nothing to page through
  return h('nav', { class: 'pager', 'aria-label': 'Paginación' },
    h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => goTo(page - 1) }, '← Anterior'),
    h('span', { 'aria-current': 'page' }, `Página ${page}`),
    h('button', { type: 'button', class: 'secondary', disabled: !hasNext, onclick: () => goTo(page + 1) }, 'Siguiente →'));
}

/** What an empty list says, and the invitation to be the first (a player's upload). */
export function emptyInvitation(text) {
  return [`${text} `, h('a', { href: '/mis-videos', 'data-link': true }, '¿Juegas? Sube el primer video.')];
}

/** A labelled input with a slot for the API's message about that field. */
export function field({ name, label, type = 'text', autocomplete, required = true, maxlength, hint, value }) {
  const id = `field-${name}`;
  const input = h('input', { id, name, type, autocomplete, required, maxlength, value,
    'aria-describedby': `${id}-error${hint ? ` ${id}-hint` : ''}` });
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null,
    type === 'password' ? h('div', { class: 'password-box' }, input, revealButton(input)) : input,
    h('p', { id: `${id}-error`, class: 'field-error', 'data-field-error': name }));
}

/** "Mostrar": shows the typed password (on a phone a mistyped one is the first reason a login fails). */
function revealButton(input) {
  const button = h('button', { type: 'button', class: 'text-button reveal', 'aria-pressed': 'false',
    'aria-controls': input.id }, 'Mostrar');
  button.addEventListener('click', () => {
    const shown = input.type === 'password';
    input.type = shown ? 'text' : 'password';
    button.setAttribute('aria-pressed', String(shown));
    button.textContent = shown ? 'Ocultar' : 'Mostrar';
  });
  return button;
}

/** Shows the API's per-field messages beside their inputs and focuses the first one at fault. */
export function showFieldErrors(form, fieldErrors) {
  let first = null;
  for (const input of form.querySelectorAll('input[name]')) {
    const message = fieldErrors[input.name] ?? '';
    const slot = form.querySelector(`[data-field-error="${input.name}"]`);
    if (!slot) continue; // an input a widget adds (ALTCHA's payload) with nothing to say beside it
    slot.textContent = message;
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    if (message && !first) first = input;
  }
  first?.focus();
}

/**
 * Wires a form to an API call: clears the previous messages, hands over the form's fields, and on failure shows the
 * API's message in the error box and its per-field messages beside their inputs.
 */
export function submitsTo(form, error, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    showFieldErrors(form, {});
    try {
      await action(Object.fromEntries(new FormData(form)));
    } catch (failure) {
      error.textContent = failure.message;
      showFieldErrors(form, failure.fieldErrors ?? {});
    }
  });
}

/** The form-level error box: role=alert so it is read out at once. */
export function errorBox() {
  return h('p', { class: 'form-error', role: 'alert' });
}

/** Reads a positive whole number from the query string, or the fallback. */
export function positiveInt(text, fallback) {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * "Compartir": the phone's own share sheet (Web Share API) where the browser has one, else the link copied to the
 * clipboard; if even that is refused, the link is shown to copy by hand.
 */
export function shareButton({ url, title, text, label }) {
  const button = h('button', { type: 'button', class: 'secondary share', 'aria-label': label, 'data-share-url': url },
    'Compartir');
  button.addEventListener('click', async () => {
    if (navigator.share) {
      try {
        await navigator.share({ title, text, url });
        return;
      } catch (error) {
        if (error.name === 'AbortError') return; // the fan closed the sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      notify('Enlace copiado. Pégalo en WhatsApp, Instagram o donde quieras compartirlo.', 'success');
    } catch {
      notify(`Copia este enlace para compartirlo: ${url}`, 'info');
    }
  });
  return button;
}
