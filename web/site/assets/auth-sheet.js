// The sheet a guest gets when an action needs an account (voting): "Crear cuenta" or "Ya tengo cuenta" in place, on
// the same page, so the fan never loses the video they came for. A native <dialog>: modal, focus kept inside,
// Escape closes it.
import { loginForm, signupForm } from './account-forms.js';
import { h } from './dom.js';

/** Opens the sheet; resolves with the notice to show (the account is then logged in), or null if the guest left. */
export function askForAccount({ title, reason, action }) {
  return new Promise((resolve) => {
    let done = null;
    const body = h('div', { class: 'sheet-body' });
    const heading = h('h2', { id: 'sheet-title' }, title);
    const close = h('button', { type: 'button', class: 'secondary sheet-close' }, 'Ahora no');
    const dialog = h('dialog', { class: 'sheet', 'aria-labelledby': heading.id },
      heading, h('p', { class: 'lead' }, reason), body, close);
    const finish = (notice) => {
      done = notice;
      dialog.close();
    };
    const showSignup = () => body.replaceChildren(
      signupForm({ submitLabel: `Crear cuenta y ${action}`, onReady: finish }),
      h('p', {}, '¿Ya tienes cuenta? ', h('button', { type: 'button', class: 'text-button', onclick: showLogin },
        'Ingresa')));
    const showLogin = () => body.replaceChildren(
      loginForm({ submitLabel: `Ingresar y ${action}`, onReady: finish }),
      h('p', {}, '¿Aún no tienes cuenta? ', h('button', { type: 'button', class: 'text-button', onclick: showSignup },
        'Crea una')));
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(done);
    });
    showSignup();
    document.body.append(dialog);
    dialog.showModal();
  });
}
