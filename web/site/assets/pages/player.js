// A player's page (/jugador/{id}): their standing and every published video, to vote for and to share.
import { shareButton } from '../components.js';
import { formatNumber, h } from '../dom.js';
import { readAsViewer, videoCard } from '../video-card.js';
import { standing } from './video.js';

export function playerPage(main, { id, navigate }) {
  const state = h('p', { class: 'state' }, 'Cargando jugador…');
  const heading = h('h1', {}, 'Jugador');
  main.append(heading, state);
  readAsViewer(`/api/public/players/${id}`)
    .then((player) => {
      heading.textContent = player.player_name;
      document.title = `${player.player_name} · ANB Rising Stars`;
      state.remove();
      main.append(
        h('p', { class: 'meta' }, player.city,
          player.votes === null ? '' : ` · ${player.votes === 1 ? '1 voto' : `${formatNumber(player.votes)} votos`}`),
        standing(player),
        h('div', { class: 'card-actions' }, shareButton({ url: `${location.origin}/jugador/${player.player_id}`,
          title: player.player_name, text: `Vota por ${player.player_name} en ANB Rising Stars`,
          label: `Compartir el perfil de ${player.player_name}` })),
        h('h2', {}, 'Videos'),
        h('ul', { class: 'video-grid' }, ...player.videos.map((video) => videoCard(video, navigate))));
    })
    .catch((error) => {
      heading.textContent = error.status === 404 ? 'Jugador no encontrado' : 'Jugador';
      state.replaceChildren(error.status === 404
        ? 'Este jugador no existe o aún no tiene videos publicados. ' : `${error.message} `,
      h('a', { href: '/', 'data-link': true }, 'Ver la galería'));
    });
}
