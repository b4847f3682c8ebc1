// The audit log: every staff action, newest first. Append-only: nobody, the application included, can change it.
import { api, withQuery } from '../../api.js';
import { pager, positiveInt } from '../../components.js';
import { formatDate, h } from '../../dom.js';
import { frame } from './common.js';

const PAGE_SIZE = 50;

export function page(main, { params, navigate }) {
  const pageNumber = positiveInt(params.get('page'), 1);
  frame(main, 'Auditoría', 'Cada acción del equipo, en orden: quién, qué, sobre qué y por qué.');
  const status = h('p', { class: 'state' }, 'Cargando…');
  const body = h('tbody');
  main.append(status, h('div', { class: 'table-scroll' }, h('table', { class: 'ranking' },
    h('caption', {}, 'Registro de auditoría'),
    h('thead', {}, h('tr', {}, ...['Fecha', 'Persona', 'Acción', 'Sobre', 'Motivo', 'Nota']
      .map((t) => h('th', { scope: 'col' }, t)))), body)));
  api(withQuery('/api/admin/audit', { page: pageNumber, page_size: PAGE_SIZE }), { auth: true }).then((entries) => {
    status.textContent = entries.length ? '' : 'Aún no hay acciones registradas.';
    body.append(...entries.map((e) => h('tr', {}, h('td', {}, formatDate(e.at)), h('td', {}, e.staff),
      h('td', {}, e.action), h('td', {}, e.target ?? ''), h('td', {}, e.reason ?? ''), h('td', {}, e.note ?? ''))));
    main.append(pager(pageNumber, entries.length === PAGE_SIZE,
      (p) => navigate(withQuery('/equipo/auditoria', { page: p }))));
  }).catch((error) => { status.textContent = error.message; });
}
