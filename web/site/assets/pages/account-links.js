// The pages the mailed links open: confirm an e-mail, a guardian's authorisation, a new password; and asking for
// that last link. Each link's token travels in the address (?token=) and is used once, by the API.
import { api } from '../api.js';
import { errorBox, field, submitsTo } from '../components.js';
import { h, notify, whileBusy } from '../dom.js';
import { session } from '../session.js';

/** /confirmar?token=…: confirms at once (the person already chose to open the link). */
export function confirmEmailPage(main, { params }) {
  main.append(h('h1', {}, 'Confirmar correo'));
  useLink(main, '/api/auth/verify', params.get('token'),
    'Correo confirmado. Tus votos ya cuentan.', session.isActive() ? '/' : '/ingresar');
}

/** /autorizar?token=…: a minor's guardian authorises publication. */
export function guardianPage(main, { params }) {
  main.append(h('h1', {}, 'Autorización del acudiente'),
    h('p', {}, 'Con esta autorización los videos del jugador menor de edad pueden publicarse. Su nombre se muestra '
      + 'al público como nombre e inicial del apellido.'));
  useLink(main, '/api/auth/guardian/confirm', params.get('token'), 'Autorización registrada. ¡Gracias!', '/');
}

function useLink(main, path, token, done, next) {
  const state = h('p', { class: 'state', role: 'status' }, 'Verificando el enlace…');
  main.append(state);
  api(path, { method: 'POST', body: { token: token ?? '' } })
    .then(() => {
      state.textContent = done;
      state.after(h('p', {}, h('a', { href: next, 'data-link': true }, 'Continuar')));
    })
    .catch((error) => {
      state.textContent = error.message;
    });
}

/** /restablecer?token=…: the new password from the mailed link; every session of the account ends. */
export function resetPasswordPage(main, { params, navigate }) {
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, 'Guardar contraseña');
  const form = h('form', { class: 'panel', novalidate: true },
    field({ name: 'password1', label: 'Contraseña nueva', type: 'password', autocomplete: 'new-password',
      hint: 'Al menos 8 caracteres.' }),
    field({ name: 'password2', label: 'Repite la contraseña nueva', type: 'password', autocomplete: 'new-password' }),
    error, submit);
  submitsTo(form, error, async (data) => {
    await whileBusy(submit, 'Guardando…', () => api('/api/auth/password/reset',
      { method: 'POST', body: { ...data, token: params.get('token') ?? '' } }));
    session.end();
    notify('Contraseña actualizada. Inicia sesión con la nueva.', 'success');
    navigate('/ingresar');
  });
  main.append(h('h1', {}, 'Elegir contraseña nueva'), form);
}

/** /olvide-contrasena: the same answer whether or not the address has an account. */
export function forgotPasswordPage(main, { params }) {
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, 'Enviar enlace');
  const sent = h('p', { class: 'state', role: 'status' });
  const form = h('form', { class: 'panel', novalidate: true },
    field({ name: 'email', label: 'Correo electrónico', type: 'email', autocomplete: 'email', value: params.get('email') }),
    error, submit, sent);
  submitsTo(form, error, async (data) => {
    await whileBusy(submit, 'Enviando…', () => api('/api/auth/password/forgot', { method: 'POST', body: data }));
    sent.textContent = 'Si hay una cuenta con ese correo, te enviamos un enlace para elegir una contraseña nueva. '
      + 'Vale 30 minutos.';
  });
  main.append(h('h1', {}, 'Recuperar contraseña'), form);
}
