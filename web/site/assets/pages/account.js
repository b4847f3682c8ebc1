// Mi cuenta: the e-mail's state (and a new confirmation link), the password, and the person's data — a copy of all
// of it, or erasing the account (Ley 1581).
import { api } from '../api.js';
import { errorBox, field, submitsTo } from '../components.js';
import { h, notify, whileBusy } from '../dom.js';
import { session } from '../session.js';

export function myAccountPage(main, { navigate }) {
  main.append(h('h1', {}, 'Mi cuenta'));
  if (!session.isActive()) {
    main.append(h('p', {}, h('a', { href: '/ingresar?next=/mi-cuenta', 'data-link': true }, 'Inicia sesión'),
      ' para ver tu cuenta.'));
    return;
  }
  const status = h('section', { 'aria-labelledby': 'account-status' }, h('h2', { id: 'account-status' }, 'Tu correo'));
  main.append(status, passwordSection(), dataSection(navigate));
  api('/api/auth/me', { auth: true })
    .then((me) => status.append(...emailState(me)))
    .catch((error) => status.append(h('p', { class: 'state' }, error.message)));
}

function emailState(me) {
  const lines = [h('p', {}, me.email)];
  if (me.guardian_pending) {
    lines.push(h('p', { class: 'state' }, 'Tus videos se publicarán cuando tu acudiente autorice tu participación '
      + 'con el enlace que le enviamos.'));
  }
  if (me.email_verified) {
    lines.push(h('p', {}, 'Correo confirmado.'));
    return lines;
  }
  const resend = h('button', { type: 'button', class: 'secondary' }, 'Reenviar enlace de confirmación');
  resend.addEventListener('click', () => whileBusy(resend, 'Enviando…', () =>
    api('/api/auth/verify/resend', { method: 'POST', auth: true }))
    .then(() => notify('Te enviamos un enlace nuevo. Revisa tu correo.', 'success'))
    .catch((error) => notify(error.message, 'error')));
  lines.push(h('p', { class: 'state' }, 'Aún no confirmas tu correo: tus votos quedan guardados y cuentan cuando lo '
    + 'confirmes con el enlace que te enviamos.'), resend);
  return lines;
}

function passwordSection() {
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, 'Cambiar contraseña');
  const form = h('form', { class: 'panel', novalidate: true },
    field({ name: 'current_password', label: 'Contraseña actual', type: 'password', autocomplete: 'current-password' }),
    field({ name: 'password1', label: 'Contraseña nueva', type: 'password', autocomplete: 'new-password',
      hint: 'Al menos 8 caracteres. Tus otras sesiones se cerrarán.' }),
    field({ name: 'password2', label: 'Repite la contraseña nueva', type: 'password', autocomplete: 'new-password' }),
    error, submit);
  submitsTo(form, error, async (data) => {
    await whileBusy(submit, 'Guardando…', () => api('/api/auth/password/change',
      { method: 'POST', auth: true, body: data }));
    form.reset();
    notify('Contraseña cambiada. Tus otras sesiones se cerraron.', 'success');
  });
  return h('section', { 'aria-labelledby': 'account-password' },
    h('h2', { id: 'account-password' }, 'Contraseña'), form);
}

function dataSection(navigate) {
  const download = h('button', { type: 'button', class: 'secondary' }, 'Descargar mis datos');
  download.addEventListener('click', () => whileBusy(download, 'Preparando…', async () => {
    const data = await api('/api/me/export', { auth: true });
    const link = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)],
      { type: 'application/json' })), download: 'mis-datos-anb.json' });
    link.click();
    URL.revokeObjectURL(link.href);
  }).catch((error) => notify(error.message, 'error')));

  const error = errorBox();
  const submit = h('button', { type: 'submit', class: 'danger' }, 'Eliminar mi cuenta');
  const form = h('form', { class: 'panel', novalidate: true },
    h('p', {}, 'Se borran tu cuenta, tus videos y sus archivos; tus votos dejan de contar. Los resultados ya '
      + 'publicados no cambian. No se puede deshacer.'),
    field({ name: 'password', label: 'Tu contraseña, para confirmar', type: 'password',
      autocomplete: 'current-password' }),
    error, submit);
  submitsTo(form, error, async (data) => {
    const answer = await whileBusy(submit, 'Eliminando…', () => api('/api/me',
      { method: 'DELETE', auth: true, body: data }));
    session.end();
    notify(answer.message, 'success');
    navigate('/');
  });
  return h('section', { 'aria-labelledby': 'account-data' },
    h('h2', { id: 'account-data' }, 'Tus datos'),
    h('p', {}, 'Puedes descargar todo lo que guardamos sobre ti.'), download, form);
}
