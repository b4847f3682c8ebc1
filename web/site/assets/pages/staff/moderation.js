// The moderation queue: each video with its preview, the reasons it was reported and any appeal; a decision always
// carries a reason (the owner reads it), and the video leaves the queue once decided.
import { api, withQuery } from '../../api.js';
import { pager, positiveInt } from '../../components.js';
import { formatDate, h, notify, whileBusy } from '../../dom.js';
import { frame } from './common.js';

const STATES = [['reported', 'Reportados y apelaciones'], ['pending', 'Por aprobar'], ['published', 'Publicados'],
  ['disqualified', 'Descalificados']];
const REASONS = { copyright: 'video robado', impersonation: 'suplantación', offensive: 'ofensivo', violence: 'violencia',
  sexual_content: 'contenido sexual', minor_safety: 'riesgo para un menor', not_basketball: 'no es baloncesto',
  spam: 'spam', other: 'otro' };
const PAGE_SIZE = 10;

export function page(main, { params, navigate }) {
  const state = STATES.some(([value]) => value === params.get('estado')) ? params.get('estado') : 'reported';
  const pageNumber = positiveInt(params.get('page'), 1);
  frame(main, 'Moderación', 'Los reportes nunca ocultan un video por sí solos: decide tú, siempre con un motivo.');
  const picker = h('select', { id: 'queue-state', onchange: () => navigate(withQuery('/equipo', { estado: picker.value }),
    { afterAction: false }) }, ...STATES.map(([value, label]) => h('option', { value, selected: value === state }, label)));
  const list = h('ul', { class: 'queue' });
  const status = h('p', { class: 'state' }, 'Cargando la cola…');
  main.append(h('div', { class: 'filter' }, h('label', { for: 'queue-state' }, 'Cola'), picker), status, list);
  api(withQuery('/api/admin/videos', { state, page: pageNumber, page_size: PAGE_SIZE }), { auth: true })
    .then((videos) => {
      status.textContent = videos.length ? '' : 'No hay videos en esta cola.';
      list.append(...videos.map((video) => item(video, () => navigate(location.pathname + location.search))));
      main.append(pager(pageNumber, videos.length === PAGE_SIZE,
        (p) => navigate(withQuery('/equipo', { estado: state, page: p }))));
    })
    .catch((error) => { status.textContent = error.message; });
}

function item(video, refresh) {
  const reasons = Object.entries(video.reasons ?? {}).map(([reason, n]) => `${REASONS[reason] ?? reason} (${n})`);
  return h('li', { class: 'queue-item', 'data-video-id': video.video_id },
    video.processed_url ? h('video', { controls: true, preload: 'none', src: video.processed_url,
      poster: video.poster_url, 'aria-label': `Vista previa de «${video.title}»` }) : h('div', { class: 'placeholder' }),
    h('div', { class: 'queue-body' },
      h('h2', {}, video.title),
      h('p', { class: 'meta' }, `${video.player_name} · ${video.city} · subido ${formatDate(video.uploaded_at)}`),
      reasons.length ? h('p', {}, h('strong', {}, 'Reportes: '), reasons.join(', ')) : null,
      video.disqualified ? h('p', {}, h('strong', {}, 'Descalificado: '), video.disqualification_reason) : null,
      video.appeal ? h('p', { class: 'appeal' }, h('strong', {}, 'Apelación: '), video.appeal.message) : null,
      h('p', {}, h('a', { href: withQuery('/equipo/integridad', { video: video.video_id }), 'data-link': true },
        'Ver integridad de los votos')),
      decision(video, refresh)));
}

function decision(video, refresh) {
  const id = `reason-${video.video_id}`;
  const reason = h('input', { id, name: 'reason', type: 'text', maxlength: 500 });
  const act = (action, label) => {
    const button = h('button', { type: 'button', class: action === 'disqualify' ? 'danger' : undefined }, label);
    button.addEventListener('click', async () => {
      try {
        const answer = await whileBusy(button, 'Guardando…', () => api(`/api/admin/videos/${video.video_id}/${action}`,
          { method: 'POST', auth: true, body: { reason: reason.value.trim() } }));
        notify(answer.message, 'success');
        refresh();
      } catch (error) {
        notify(error.message, 'error');
      }
    });
    return button;
  };
  return h('div', { class: 'decision' },
    h('div', { class: 'field' }, h('label', { for: id }, 'Motivo de la decisión'), reason),
    h('div', { class: 'actions' },
      video.disqualified ? act('reinstate', 'Restablecer') : act('approve', 'Aprobar'),
      act('disqualify', video.disqualified ? 'Mantener descalificación' : 'Descalificar')));
}
