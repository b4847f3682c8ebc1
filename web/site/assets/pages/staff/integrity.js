// A video's votes under review: the signals and the score (each point names its rule), votes per hour, the busiest
// networks; then voiding, always previewed first — the dry run answers who would move in the rankings, and only
// after it the button that applies the same void is enabled.
import { api, withQuery } from '../../api.js';
import { formatNumber, h, notify, whileBusy } from '../../dom.js';
import { votesPerHourChart } from './chart.js';
import { frame, textField } from './common.js';

export function page(main, { params, navigate }) {
  const videoId = params.get('video') ?? '';
  frame(main, 'Integridad de los votos', 'Señales calculadas en la base de datos a partir de cada voto.');
  if (!videoId) {
    main.append(h('p', { class: 'state' }, 'Elige un video desde la cola de moderación o las alertas.'));
    return;
  }
  const status = h('p', { class: 'state' }, 'Cargando señales…');
  main.append(status);
  api(`/api/admin/videos/${encodeURIComponent(videoId)}/integrity`, { auth: true })
    .then((signals) => {
      status.textContent = '';
      main.append(summary(signals), votesPerHourChart(signals.votes_per_hour), networks(signals.top_networks),
        voidForm(videoId, () => navigate(withQuery('/equipo/integridad', { video: videoId }))));
    })
    .catch((error) => { status.textContent = error.message; });
}

function summary(s) {
  const percent = (x) => `${Math.round(x * 100)} %`;
  return h('section', { class: 'panel wide', 'aria-labelledby': 'signals-title' },
    h('h2', { id: 'signals-title' }, `Puntaje de sospecha: ${s.score} / 100 (alerta desde ${s.alert_threshold})`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Contados'), h('dd', { 'data-counted': s.counted }, formatNumber(s.counted)),
      h('dt', {}, 'Retenidos'), h('dd', {}, formatNumber(s.held)),
      h('dt', {}, 'Anulados'), h('dd', { 'data-void': s.void }, formatNumber(s.void)),
      h('dt', {}, 'De cuentas de menos de un día'), h('dd', {}, percent(s.young_account_share)),
      h('dt', {}, 'De cuentas sin correo confirmado'), h('dd', {}, percent(s.unconfirmed_share))),
    s.score_rules.length ? h('ul', { class: 'rules' },
      ...s.score_rules.map((r) => h('li', {}, `+${r.points} · ${r.detail}`))) : h('p', {}, 'Ninguna regla se activó.'));
}

function networks(top) {
  return h('section', { class: 'panel wide', 'aria-labelledby': 'networks-title' },
    h('h2', { id: 'networks-title' }, 'Redes con más votos'),
    top.length ? h('table', { class: 'ranking' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Red'), h('th', { scope: 'col' }, 'Votos'))),
      h('tbody', {}, ...top.map((n) => h('tr', {}, h('td', {}, n.network), h('td', {}, formatNumber(n.votes))))))
      : h('p', {}, 'Sin datos de red.'));
}

function voidForm(videoId, refresh) {
  const reason = textField({ name: 'void-reason', label: 'Motivo', required: true });
  const network = textField({ name: 'void-network', label: 'Solo de la red (opcional)' });
  const preview = h('button', { type: 'button', class: 'secondary' }, 'Vista previa');
  const apply = h('button', { type: 'button', class: 'danger', disabled: true }, 'Anular votos');
  const restore = h('button', { type: 'button', class: 'secondary' }, 'Restaurar votos');
  const outcome = h('div', { class: 'dry-run', 'aria-live': 'polite' });
  const body = () => {
    const filter = { video_id: videoId, reason: reason.querySelector('input').value.trim() };
    const net = network.querySelector('input').value.trim();
    if (net) filter.network = net;
    return filter;
  };
  let previewed = null;
  preview.addEventListener('click', async () => {
    try {
      const filter = body();
      const answer = await whileBusy(preview, 'Calculando…', () =>
        api('/api/admin/votes/void', { method: 'POST', auth: true, body: { ...filter, dry_run: true } }));
      previewed = JSON.stringify(filter);
      apply.disabled = false;
      outcome.replaceChildren(h('p', {}, `Se anularían ${formatNumber(answer.voided)} votos.`), changes(answer));
    } catch (error) {
      notify(error.message, 'error');
    }
  });
  for (const input of [reason, network].map((f) => f.querySelector('input'))) {
    input.addEventListener('input', () => { apply.disabled = previewed !== JSON.stringify(body()); });
  }
  apply.addEventListener('click', () => send(apply, 'void', body(), (a) => `${a.voided} votos anulados.`));
  restore.addEventListener('click', () => send(restore, 'restore', body(), (a) => `${a.restored} votos restaurados.`));
  async function send(button, action, filter, message) {
    try {
      const answer = await whileBusy(button, 'Aplicando…', () =>
        api(`/api/admin/votes/${action}`, { method: 'POST', auth: true, body: filter }));
      notify(message(answer), 'success');
      refresh();
    } catch (error) {
      notify(error.message, 'error');
    }
  }
  return h('section', { class: 'panel wide', 'aria-labelledby': 'void-title' },
    h('h2', { id: 'void-title' }, 'Anular votos de este video'),
    h('p', {}, 'Los votos anulados se guardan y dejan de contar; restaurar con el mismo filtro los devuelve todos.'),
    reason, network, h('div', { class: 'actions' }, preview, apply, restore), outcome);
}

function changes(answer) {
  if (!answer.ranking_changes.length) return h('p', {}, 'Nadie entra ni sale de las primeras posiciones.');
  return h('table', { class: 'ranking' },
    h('caption', {}, 'Cambios en el ranking de cada ciudad'),
    h('thead', {}, h('tr', {}, ...['Ciudad', 'Jugador', 'Antes', 'Después'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...answer.ranking_changes.map((c) => h('tr', {},
      h('td', {}, c.city), h('td', {}, c.username), h('td', {}, String(c.position_before ?? '—')),
      h('td', {}, String(c.position_after ?? '—'))))));
}
