// The ranking of players by votes on their published videos, overall or for one city.
import { api, withQuery } from '../api.js';
import { cityFilter, emptyInvitation, pager, positiveInt } from '../components.js';
import { formatNumber, h } from '../dom.js';
import { session } from '../session.js';

const PAGE_SIZE = 20;

export function rankingsPage(main, { params, navigate }) {
  const page = positiveInt(params.get('page'), 1);
  const city = params.get('city') ?? '';
  const go = (query) => navigate(withQuery('/ranking', query));
  const body = h('tbody');
  const state = h('p', { class: 'state' }, 'Cargando ranking…');
  const table = h('table', { class: 'ranking', hidden: true },
    h('caption', {}, city ? `Ranking de ${city}` : 'Ranking general'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Posición'),
      h('th', { scope: 'col' }, 'Jugador'),
      h('th', { scope: 'col' }, 'Ciudad'),
      h('th', { scope: 'col', class: 'number' }, 'Votos'))),
    body);
  main.append(
    h('h1', {}, 'Ranking'),
    h('p', { class: 'lead' }, 'Los jugadores con más votos pasan a la etapa de visorías.'),
    cityFilter(city, (c) => go({ city: c })),
    state, h('div', { class: 'table-scroll' }, table));

  const me = session.isActive() ? api('/api/auth/me', { auth: true }).then((who) => who.user_id).catch(() => null)
    : Promise.resolve(null);
  Promise.all([api(withQuery('/api/public/rankings', { page, page_size: PAGE_SIZE, city, expand: 'player' })), me])
    .then(([players, myId]) => {
      state.replaceChildren(...(players.length ? [] : emptyInvitation(city
        ? `Aún no hay jugadores de ${city} con videos publicados.` : 'Aún no hay jugadores con videos publicados.')));
      table.hidden = players.length === 0;
      body.append(...players.map((player) => h('tr', { class: player.player_id === myId ? 'me' : null },
        h('td', {}, `${player.position}.`),
        h('th', { scope: 'row' }, h('a', { href: `/jugador/${player.player_id}`, 'data-link': true }, player.username),
          player.player_id === myId ? h('span', { class: 'you' }, ' (tú)') : null),
        h('td', {}, player.city),
        h('td', { class: 'number', 'data-votes': player.votes ?? '' },
          player.votes === null ? 'Oculto' : formatNumber(player.votes)))));
      main.append(pager(page, players.length === PAGE_SIZE, (p) => go({ city, page: p })));
    })
    .catch((error) => {
      state.textContent = error.message;
    });
}
