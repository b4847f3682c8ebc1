// People: find an account, grant or revoke a staff role (organizers), suspend, ban or restore a player.
import { api, withQuery } from '../../api.js';
import { h, notify, whileBusy } from '../../dom.js';
import { session } from '../../session.js';
import { frame } from './common.js';

const ROLES = [['player', 'Jugador'], ['moderator', 'Moderador'], ['organizer', 'Organizador']];
const STATUS = { active: 'activa', suspended: 'suspendida', banned: 'bloqueada' };

export function page(main, { params, navigate }) {
  frame(main, 'Personas', 'Busca por correo o nombre.');
  const q = params.get('q') ?? '';
  const input = h('input', { id: 'people-q', name: 'q', type: 'search', value: q, maxlength: 100 });
  const search = h('form', { class: 'filter', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    navigate(withQuery('/equipo/personas', { q: input.value.trim() }), { afterAction: false });
  } }, h('label', { for: 'people-q' }, 'Buscar'), input, h('button', { type: 'submit' }, 'Buscar'));
  const list = h('ul', { class: 'people' });
  const status = h('p', { class: 'state' }, 'Cargando…');
  main.append(search, status, list);
  api(withQuery('/api/admin/users', { q, staff: q ? undefined : 'true' }), { auth: true }).then((accounts) => {
    status.textContent = accounts.length ? '' : 'Nadie coincide.';
    list.append(...accounts.map((a) => person(a, () => navigate(location.pathname + location.search))));
  }).catch((error) => { status.textContent = error.message; });
}

function person(account, refresh) {
  const act = (label, path, method, body) => {
    const button = h('button', { type: 'button', class: 'secondary' }, label);
    button.addEventListener('click', async () => {
      try {
        await whileBusy(button, 'Guardando…', () => api(path, { method, auth: true, body: body() }));
        notify('Cambio guardado.', 'success');
        refresh();
      } catch (error) {
        notify(error.message, 'error');
      }
    });
    return button;
  };
  const id = `role-${account.user_id}`;
  const reasonId = `sanction-${account.user_id}`;
  const role = h('select', { id }, ...ROLES.map(([value, label]) => h('option', { value, selected: value === account.role },
    label)));
  const reason = h('input', { id: reasonId, type: 'text', maxlength: 500 });
  const base = `/api/admin/users/${account.user_id}`;
  return h('li', { class: 'panel wide' },
    h('p', {}, h('strong', {}, account.name), ` · ${account.email} · ${account.city} · cuenta ${STATUS[account.account_status]}`),
    session.role() === 'organizer' ? h('div', { class: 'actions' }, h('label', { for: id }, 'Rol'), role,
      act('Cambiar rol', `/api/admin/staff/${account.user_id}`, 'PUT', () => ({ role: role.value }))) : null,
    h('div', { class: 'field' }, h('label', { for: reasonId }, 'Motivo de la sanción'), reason),
    h('div', { class: 'actions' },
      act('Suspender', `${base}/suspend`, 'POST', () => ({ reason: reason.value.trim() })),
      act('Bloquear', `${base}/ban`, 'POST', () => ({ reason: reason.value.trim() })),
      act('Restablecer', `${base}/restore`, 'POST', () => ({ reason: reason.value.trim() || 'restablecida' }))));
}
