// The edition's settings: phases (local time of this browser, sent with its offset), limits, moderation mode and the
// final stretch. What the API answers after saving is what every instance enforces within a second.
import { api } from '../../api.js';
import { errorBox, showFieldErrors } from '../../components.js';
import { h, notify, whileBusy } from '../../dom.js';
import { frame, textField } from './common.js';

const TIMES = [['entries_open_at', 'Abren las inscripciones'], ['entries_close_at', 'Cierran las inscripciones'],
  ['voting_open_at', 'Abre la votación'], ['voting_close_at', 'Cierra la votación'],
  ['counts_hidden_from', 'Se ocultan los conteos desde']];

export function page(main) {
  frame(main, 'Concurso', 'Fases, límites y moderación de la edición.');
  const status = h('p', { class: 'state' }, 'Cargando…');
  main.append(status);
  api('/api/public/contest').then((contest) => {
    status.textContent = '';
    main.append(form(contest));
  }).catch((error) => { status.textContent = error.message; });
}

function form(contest) {
  const error = errorBox();
  const save = h('button', { type: 'submit' }, 'Guardar');
  const moderation = h('select', { id: 'staff-moderation', name: 'moderation' },
    h('option', { value: 'post', selected: contest.moderation === 'post' }, 'Publicar al procesar y revisar después'),
    h('option', { value: 'pre', selected: contest.moderation === 'pre' }, 'Aprobar cada video antes de publicarlo'));
  const element = h('form', { class: 'panel', novalidate: true },
    h('p', {}, contest.name ? `Estado: inscripciones ${contest.entries_open ? 'abiertas' : 'cerradas'}, votación `
      + `${contest.voting_open ? 'abierta' : 'cerrada'}${contest.results_published ? ', resultados publicados' : ''}.`
      : 'Aún no hay una edición configurada: todo está abierto.'),
    textField({ name: 'name', label: 'Nombre de la edición', value: contest.name ?? '', required: true }),
    ...TIMES.map(([name, label]) => textField({ name, label, type: 'datetime-local', value: local(contest[name]) })),
    textField({ name: 'max_entries_per_player', label: 'Máximo de videos por jugador', type: 'number',
      value: contest.max_entries_per_player ?? '' }),
    h('div', { class: 'field' }, h('label', { for: 'staff-moderation' }, 'Moderación'), moderation),
    textField({ name: 'alert_threshold', label: 'Umbral de alerta (1–100)', type: 'number',
      value: contest.alert_threshold }),
    textField({ name: 'rules', label: 'Reglas', value: contest.rules ?? '', multiline: true }),
    error, save);
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const data = Object.fromEntries(new FormData(element));
    const body = { name: data.name, moderation: data.moderation, rules: data.rules || null };
    for (const [name] of TIMES) body[name] = data[name] ? new Date(data[name]).toISOString() : null;
    for (const name of ['max_entries_per_player', 'alert_threshold']) body[name] = data[name] ? Number(data[name]) : null;
    try {
      await whileBusy(save, 'Guardando…', () => api('/api/admin/contest', { method: 'PUT', auth: true, body }));
      notify('Concurso guardado.', 'success');
    } catch (failure) {
      error.textContent = failure.message;
      showFieldErrors(element, failure.fieldErrors ?? {});
    }
  });
  return element;
}

/** An ISO instant as the value of a datetime-local input, in this browser's time zone. */
function local(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
