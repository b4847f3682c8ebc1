// Sign up (/registro): for fans and players alike; the new account is logged in at once.
import { signupForm } from '../account-forms.js';
import { h, notify } from '../dom.js';
import { safeNext } from './login.js';

export function signupPage(main, { params, navigate }) {
  const form = signupForm({ onReady: (message) => {
    notify(message, 'success');
    navigate(safeNext(params.get('next')));
  } });
  main.append(h('h1', {}, 'Crear cuenta'), form,
    h('p', {}, '¿Ya tienes cuenta? ', h('a', { href: '/ingresar', 'data-link': true }, 'Ingresa')));
}
