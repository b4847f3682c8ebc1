// The public gallery: processed, published videos with their player and votes; voting needs a login. Fans search by
// player or title and choose the order; by default each fan sees the gallery in a shuffled order of their own, so a
// late or little-known entry gets its turn on top (newest-first would bury every early one, most-votes every new one).
import { withQuery } from '../api.js';
import { emptyInvitation, pager, positiveInt } from '../components.js';
import { h } from '../dom.js';
import { readAsViewer, videoCard } from '../video-card.js';

const PAGE_SIZE = 12;
const ORDERS = [['shuffle', 'Al azar'], ['newest', 'Más recientes'], ['votes', 'Más votados']];

export function galleryPage(main, { params, navigate }) {
  const page = positiveInt(params.get('page'), 1);
  const city = params.get('city') ?? '';
  const q = params.get('q') ?? '';
  const sort = ORDERS.some(([value]) => value === params.get('sort')) ? params.get('sort') : 'shuffle';
  const seed = sort === 'shuffle' ? positiveInt(params.get('seed'), fanSeed()) : undefined;
  // The seed stays out of the address unless it came in it: a shared gallery link shuffles for its reader.
  const linkSeed = params.get('seed') ?? undefined;
  const go = (query) => navigate(withQuery('/', query));
  const list = h('ul', { class: 'video-grid', 'aria-busy': 'true' });
  const state = h('p', { class: 'state' }, 'Cargando videos…');
  main.append(
    h('h1', {}, 'Galería de talentos'),
    h('p', { class: 'lead' }, 'Mira los videos de los jugadores y vota por tus favoritos. Un voto por video.'),
    galleryFilter({ city, q, sort }, (chosen) => go({ ...chosen, sort: chosen.sort === 'shuffle' ? undefined : chosen.sort })),
    state, list);

  readAsViewer(withQuery('/api/public/videos', { page, page_size: PAGE_SIZE, city, q, sort, seed }))
    .then((videos) => {
      list.setAttribute('aria-busy', 'false');
      state.replaceChildren(...(videos.length ? [] : emptyText({ city, q }, page)));
      list.append(...videos.map((video) => videoCard(video, navigate)));
      main.append(pager(page, videos.length === PAGE_SIZE, (p) => go({ city, q,
        sort: sort === 'shuffle' ? undefined : sort, seed: linkSeed, page: p })));
    })
    .catch((error) => {
      list.setAttribute('aria-busy', 'false');
      state.textContent = error.message;
    });
}

/** City, a search and the order in one form; submitting calls onFilter with the trimmed values. */
function galleryFilter({ city, q, sort }, onFilter) {
  const search = h('input', { id: 'gallery-search', name: 'q', type: 'search', value: q, maxlength: 100,
    placeholder: 'Nombre o título', enterkeyhint: 'search' });
  const cityInput = h('input', { id: 'city-filter', name: 'city', type: 'search', value: city,
    autocomplete: 'address-level2', placeholder: 'Todas las ciudades', maxlength: 100 });
  const order = h('select', { id: 'gallery-order', name: 'sort' },
    ...ORDERS.map(([value, label]) => h('option', { value, selected: value === sort }, label)));
  const values = () => ({ q: search.value.trim(), city: cityInput.value.trim(), sort: order.value });
  order.addEventListener('change', () => onFilter(values()));
  return h('form', { class: 'filter gallery-filter', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    onFilter(values());
  } },
  h('div', { class: 'filter-field' }, h('label', { for: search.id }, 'Buscar'), search),
  h('div', { class: 'filter-field' }, h('label', { for: cityInput.id }, 'Ciudad'), cityInput),
  h('div', { class: 'filter-field' }, h('label', { for: order.id }, 'Orden'), order),
  h('button', { type: 'submit' }, 'Filtrar'),
  city || q ? h('button', { type: 'button', class: 'secondary', onclick: () => onFilter({ sort }) }, 'Ver todos') : null);
}

/**
 * This fan's shuffle for today: one of 64 orders (so shared caches still serve most pages), drawn again each day
 * (so over the days every entry gets its turn on top), kept for the session (so paging and reloading never repeat or
 * skip an entry).
 */
function fanSeed() {
  const day = Math.floor(Date.now() / 86_400_000);
  try {
    const kept = JSON.parse(sessionStorage.getItem('anb-shuffle') ?? 'null');
    if (kept?.day === day) return kept.seed;
  } catch { /* storage refused or spoiled: draw again */ }
  const seed = day * 64 + Math.floor(Math.random() * 64) + 1;
  try {
    sessionStorage.setItem('anb-shuffle', JSON.stringify({ day, seed }));
  } catch { /* private mode: this page's order is still stable */ }
  return seed;
}

function emptyText({ city, q }, page) {
  if (page > 1) return ['No hay más videos.'];
  if (q) return [`Ningún video coincide con «${q}»${city ? ` en ${city}` : ''}.`];
  return emptyInvitation(city ? `Aún no hay videos publicados de ${city}.` : 'Aún no hay videos publicados.');
}
