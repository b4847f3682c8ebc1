// Log in (/ingresar): the API's token is kept for this browser; errors are shown as the API words them.
import { loginForm } from '../account-forms.js';
import { h, notify } from '../dom.js';

export function loginPage(main, { params, navigate }) {
  const form = loginForm({ email: params.get('email'), onReady: (notice) => {
    notify(notice, 'success');
    navigate(safeNext(params.get('next')));
  } });
  main.append(h('h1', {}, 'Ingresar'), form,
    h('p', {}, h('a', { href: '/olvide-contrasena', 'data-link': true }, '¿Olvidaste tu contraseña?')),
    h('p', {}, '¿Aún no tienes cuenta? ', h('a', { href: '/registro', 'data-link': true }, 'Regístrate')));
}

/** Only a path of this site: a crafted ?next= must not send the player elsewhere. */
export function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/mis-videos';
}
