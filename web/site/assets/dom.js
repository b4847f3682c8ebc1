// Small DOM helpers. Text from the API is always set as text, never parsed as HTML.

/** Creates an element: props are attributes (on* are listeners; hidden, disabled, value, required are properties). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (['hidden', 'disabled', 'value', 'required'].includes(name)) element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

const notice = () => document.getElementById('notice');

const SUCCESS_SHOWN_MS = 10_000;
let fading = null;

/**
 * Shows a message in the page-wide live region (read out by screen readers), replacing the last one. A success goes
 * away by itself after a while ("Sesión iniciada." need not stand over the page for good); errors stay until replaced.
 */
export function notify(text, kind = 'info') {
  const region = notice();
  region.dataset.kind = kind;
  region.textContent = text;
  clearTimeout(fading);
  if (kind === 'success') {
    fading = setTimeout(() => {
      if (region.textContent === text) region.textContent = '';
    }, SUCCESS_SHOWN_MS);
  }
}

export function clearNotice() {
  notice().textContent = '';
}

const dateFormat = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso) {
  return iso ? dateFormat.format(new Date(iso)) : '';
}

const numberFormat = new Intl.NumberFormat('es');

export function formatNumber(value) {
  return numberFormat.format(value);
}

/** Disables a button while its action runs, so a double click cannot send it twice. */
export async function whileBusy(button, busyLabel, action) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = busyLabel;
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}
