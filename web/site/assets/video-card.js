// A published video as the gallery, a player's page and a video's page show it: play, vote, share, report.
import { api, ApiError, withQuery } from './api.js';
import { askForAccount } from './auth-sheet.js';
import { shareButton } from './components.js';
import { formatNumber, h, notify, whileBusy } from './dom.js';
import { session } from './session.js';

/** The card of one gallery item; its title opens the video's own page, the name the player's. */
export function videoCard(video, navigate) {
  return h('li', { class: 'card', 'data-video-id': video.video_id },
    videoPlayer(video),
    h('div', { class: 'card-body' },
      h('h2', { class: 'card-title' }, h('a', { href: `/v/${video.video_id}`, 'data-link': true }, video.title)),
      h('p', { class: 'meta' }, playerLink(video), ` · ${video.city}`),
      voteAndShare(video),
      reportForm(video, navigate)));
}

export function videoPlayer(video, { preload = 'none' } = {}) {
  return h('video', { controls: true, preload, playsinline: true, poster: video.poster_url, src: video.processed_url,
    'aria-label': `Video «${video.title}» de ${video.player_name}` });
}

export function playerLink(video) {
  return video.player_id ? h('a', { href: `/jugador/${video.player_id}`, 'data-link': true }, video.player_name)
    : video.player_name;
}

/** The count, "Votar" and "Compartir" side by side, and what became of the vote right under them. */
export function voteAndShare(video) {
  const votes = h('span', { class: 'votes', 'data-votes': video.votes ?? '' }, votesText(video.votes));
  const button = h('button', { type: 'button', class: 'vote', 'aria-label': `Votar por «${video.title}»` }, 'Votar');
  const said = h('p', { class: 'vote-status', role: 'status' });
  button.addEventListener('click', () => vote(video, button, votes, said));
  if (video.voted) markVoted(button);
  return h('div', { class: 'vote-box' },
    h('div', { class: 'card-actions' }, votes, button,
      shareButton({ url: `${location.origin}/v/${video.video_id}`, title: video.title,
        text: `Vota por «${video.title}» de ${video.player_name} en ANB Rising Stars`,
        label: `Compartir «${video.title}»` })),
    said);
}

const REASONS = [['copyright', 'Es un video robado o de otra persona'], ['impersonation', 'Suplanta a otro jugador'],
  ['offensive', 'Contenido ofensivo'], ['violence', 'Violencia'], ['sexual_content', 'Contenido sexual'],
  ['minor_safety', 'Pone en riesgo a un menor'], ['not_basketball', 'No es un video de baloncesto'],
  ['spam', 'Spam o publicidad'], ['other', 'Otro motivo']];

/** "Reportar": a reason from the API's fixed list; moderators review it (a report never hides a video by itself). */
export function reportForm(video, navigate) {
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

/**
 * A guest first gets the account sheet in place (sign up or log in), then the vote is cast on this same video; what
 * happened is said under the button (a message replaces the last one, never piles up).
 */
async function vote(video, button, votes, said) {
  said.textContent = '';
  if (!session.isActive()) {
    const notice = await askForAccount({ title: 'Crea tu cuenta para votar', action: 'votar',
      reason: `Un voto por video, de personas reales: crea tu cuenta (o ingresa) y tu voto por «${video.title}» se `
        + 'registra enseguida.' });
    if (notice === null) return; // the header follows the session by itself (session.onChange)
  }
  try {
    const answer = await whileBusy(button, 'Votando…', () =>
      api(`/api/public/videos/${video.video_id}/vote`, { method: 'POST', auth: true }));
    markVoted(button);
    if (answer.held) {
      // An unconfirmed account's vote is kept, not counted yet: say so instead of moving the count.
      tell(said, `${answer.message} Contará cuando confirmes tu correo con el enlace que te enviamos.`, 'info');
      return;
    }
    if (video.votes !== null) video.votes += 1;
    votes.dataset.votes = video.votes ?? '';
    votes.textContent = votesText(video.votes);
    tell(said, answer.message, 'success');
  } catch (error) {
    tell(said, error.message, 'error');
    if (error instanceof ApiError && error.status === 400) markVoted(button);
  }
}

function tell(region, text, kind) {
  region.dataset.kind = kind;
  region.textContent = text;
}


function markVoted(button) {
  button.disabled = true;
  button.classList.add('voted');
  button.textContent = '✓ Votado';
}

/** In the edition's final stretch the API hides counts (null) until results are published. */
export function votesText(count) {
  if (count === null) return 'Votos ocultos hasta los resultados';
  return count === 1 ? '1 voto' : `${formatNumber(count)} votos`;
}

/** With a session the API also says which videos this fan voted for; a session the API refuses is just dropped. */
export async function readAsViewer(path) {
  try {
    return await api(path, { auth: session.isActive() });
  } catch (error) {
    if (error.status === 401) return api(path);
    throw error;
  }
}
