// One video's page (/v/{id}): what a shared link opens. The server already put its link preview in the head; here
// the fan watches it, sees where the player stands, votes and shares it on.
import { formatNumber, h } from '../dom.js';
import { playerLink, readAsViewer, reportForm, videoPlayer, voteAndShare } from '../video-card.js';

export function videoPage(main, { id, navigate }) {
  const state = h('p', { class: 'state' }, 'Cargando video…');
  const heading = h('h1', {}, 'Video');
  main.append(heading, state);
  readAsViewer(`/api/public/videos/${id}`)
    .then((video) => {
      heading.textContent = video.title;
      document.title = `${video.title} · ANB Rising Stars`;
      state.remove();
      main.append(h('article', { class: 'video-page', 'data-video-id': video.video_id },
        videoPlayer(video, { preload: 'metadata' }),
        h('p', { class: 'meta' }, playerLink(video), ` · ${video.city}`),
        standing(video),
        voteAndShare(video),
        reportForm(video, navigate)));
    })
    .catch((error) => {
      heading.textContent = error.status === 404 ? 'Video no encontrado' : 'Video';
      state.replaceChildren(error.status === 404
        ? 'Este video no existe o ya no está publicado. ' : `${error.message} `,
      h('a', { href: '/', 'data-link': true }, 'Ver la galería'));
    });
}

/** "Puesto 4 en Medellín · 12 en el ranking general", from the rankings' own positions. */
export function standing({ rank, city_rank: cityRank, city }) {
  if (!rank) return null;
  return h('p', { class: 'standing' },
    h('strong', {}, `Puesto ${formatNumber(cityRank)} en ${city}`), ` · ${formatNumber(rank)} en el ranking general`);
}
