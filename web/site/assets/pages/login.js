// Log in: the API's token is kept for this browser; errors are shown as the API words them.
import { api } from '../api.js';
import { errorBox, field, submitsTo } from '../components.js';
import { h, notify, whileBusy } from '../dom.js';
import { session } from '../session.js';

export function loginPage(main, { params, navigate }) {
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, 'Ingresar');
  const form = h('form', { class: 'panel', novalidate: true },
    field({ name: 'email', label: 'Correo electrónico', type: 'email', autocomplete: 'email', value: params.get('email') }),
    field({ name: 'password', label: 'Contraseña', type: 'password', autocomplete: 'current-password' }),
    error, submit);
  submitsTo(form, error, async (data) => {
    const login = await whileBusy(submit, 'Ingresando…', () => api('/api/auth/login', { method: 'POST', body: data }));
    session.start(login);
    const me = await api('/api/auth/me', { auth: true }).catch(() => null);
    if (me) session.setRole(me.role);
    notify(me && !me.email_verified
      ? 'Sesión iniciada. Confirma tu correo con el enlace que te enviamos para que tus votos cuenten.'
      : 'Sesión iniciada.', 'success');
    navigate(safeNext(params.get('next')));
  });
  main.append(h('h1', {}, 'Ingresar'), form,
    h('p', {}, h('a', { href: '/olvide-contrasena', 'data-link': true }, '¿Olvidaste tu contraseña?')),
    h('p', {}, '¿Aún no tienes cuenta? ', h('a', { href: '/registro', 'data-link': true }, 'Regístrate')));
}

/** Only a path of this site: a crafted ?next= must not send the player elsewhere. */
function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/mis-videos';
}
