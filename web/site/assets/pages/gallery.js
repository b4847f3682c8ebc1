// The public gallery: processed, published videos with their player and votes; voting needs a login.
import { api, ApiError, withQuery } from '../api.js';
import { cityFilter, pager, positiveInt } from '../components.js';
import { formatNumber, h, notify, whileBusy } from '../dom.js';
import { session } from '../session.js';

const PAGE_SIZE = 12;

export function galleryPage(main, { params, navigate }) {
  const page = positiveInt(params.get('page'), 1);
  const city = params.get('city') ?? '';
  const go = (query) => navigate(withQuery('/', query));
  const list = h('ul', { class: 'video-grid', 'aria-busy': 'true' });
  const state = h('p', { class: 'state' }, 'Cargando videos…');
  main.append(
    h('h1', {}, 'Galería de talentos'),
    h('p', { class: 'lead' }, 'Mira los videos de los jugadores y vota por tus favoritos. Un voto por video.'),
    cityFilter(city, (c) => go({ city: c })),
    state, list);

  publishedVideos(withQuery('/api/public/videos', { page, page_size: PAGE_SIZE, city }))
    .then((videos) => {
      list.setAttribute('aria-busy', 'false');
      state.textContent = videos.length ? '' : emptyText(city, page);
      list.append(...videos.map((video) => videoCard(video, navigate)));
      main.append(pager(page, videos.length === PAGE_SIZE, (p) => go({ city, page: p })));
    })
    .catch((error) => {
      list.setAttribute('aria-busy', 'false');
      state.textContent = error.message;
    });
}

/** With a session the API also says which videos this fan voted for; a session the API refuses is just dropped. */
async function publishedVideos(path) {
  try {
    return await api(path, { auth: session.isActive() });
  } catch (error) {
    if (error.status === 401) return api(path);
    throw error;
  }
}

function emptyText(city, page) {
  if (page > 1) return 'No hay más videos.';
  return city ? `Aún no hay videos publicados de ${city}.` : 'Aún no hay videos publicados.';
}

function videoCard(video, navigate) {
  const votes = h('span', { class: 'votes', 'data-votes': video.votes ?? '' }, votesText(video.votes));
  const button = h('button', { type: 'button', class: 'vote', 'aria-label': `Votar por «${video.title}»` }, 'Votar');
  button.addEventListener('click', () => vote(video, button, votes, navigate));
  if (video.voted) markVoted(button);
  return h('li', { class: 'card', 'data-video-id': video.video_id },
    h('video', { controls: true, preload: 'none', playsinline: true, poster: video.poster_url,
      src: video.processed_url, 'aria-label': `Video «${video.title}» de ${video.player_name}` }),
    h('div', { class: 'card-body' },
      h('h2', { class: 'card-title' }, video.title),
      h('p', { class: 'meta' }, `${video.player_name} · ${video.city}`),
      h('div', { class: 'card-actions' }, votes, button),
      reportForm(video, navigate)));
}

const REASONS = [['copyright', 'Es un video robado o de otra persona'], ['impersonation', 'Suplanta a otro jugador'],
  ['offensive', 'Contenido ofensivo'], ['violence', 'Violencia'], ['sexual_content', 'Contenido sexual'],
  ['minor_safety', 'Pone en riesgo a un menor'], ['not_basketball', 'No es un video de baloncesto'],
  ['spam', 'Spam o publicidad'], ['other', 'Otro motivo']];

/** "Reportar": a reason from the API's fixed list; moderators review it (a report never hides a video by itself). */
function reportForm(video, navigate) {
  const reason = h('select', { name: 'reason', id: `reason-${video.video_id}` },
    ...REASONS.map(([value, label]) => h('option', { value }, label)));
  const send = h('button', { type: 'submit', class: 'secondary' }, 'Enviar reporte');
  const form = h('form', { class: 'report' },
    h('label', { for: reason.id }, 'Motivo'), reason, send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!session.isActive()) {
      navigate(withQuery('/ingresar', { next: location.pathname + location.search }));
      return;
    }
    try {
      const answer = await whileBusy(send, 'Enviando…', () => api(`/api/public/videos/${video.video_id}/report`,
        { method: 'POST', auth: true, body: { reason: reason.value } }));
      notify(answer.message, 'success');
      details.open = false;
    } catch (error) {
      notify(error.message, 'error');
    }
  });
  const details = h('details', { class: 'report-box' }, h('summary', {}, 'Reportar'), form);
  return details;
}

async function vote(video, button, votes, navigate) {
  if (!session.isActive()) {
    notify('Inicia sesión para votar.', 'info');
    navigate(withQuery('/ingresar', { next: location.pathname + location.search }));
    return;
  }
  try {
    const answer = await whileBusy(button, 'Votando…', () =>
      api(`/api/public/videos/${video.video_id}/vote`, { method: 'POST', auth: true }));
    markVoted(button);
    if (answer.held) {
      // An unconfirmed account's vote is kept, not counted yet: say so instead of moving the count.
      notify(`${answer.message} Contará cuando confirmes tu correo con el enlace que te enviamos.`, 'info');
      return;
    }
    if (video.votes !== null) video.votes += 1;
    votes.dataset.votes = video.votes ?? '';
    votes.textContent = votesText(video.votes);
    notify(answer.message, 'success');
  } catch (error) {
    notify(error.message, 'error');
    if (error instanceof ApiError && error.status === 400) markVoted(button);
  }
}

function markVoted(button) {
  button.disabled = true;
  button.textContent = 'Votado';
}

/** In the edition's final stretch the API hides counts (null) until results are published. */
function votesText(count) {
  if (count === null) return 'Votos ocultos hasta los resultados';
  return count === 1 ? '1 voto' : `${formatNumber(count)} votos`;
}
