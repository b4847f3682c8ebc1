// Results: publishing (once voting has closed) freezes them; then the standings, the public ballots file anyone can
// recount, and the finalists' CSV (with e-mails: fetched with the organizer's token, saved from memory).
import { api, withQuery } from '../../api.js';
import { formatNumber, h, notify, whileBusy } from '../../dom.js';
import { session } from '../../session.js';
import { frame } from './common.js';

export function page(main, { navigate }) {
  frame(main, 'Resultados', 'Al publicar se congelan: ni votos posteriores ni anulaciones los cambian.');
  const publish = h('button', { type: 'button' }, 'Publicar resultados');
  publish.addEventListener('click', async () => {
    try {
      const answer = await whileBusy(publish, 'Publicando…', () =>
        api('/api/admin/results/publish', { method: 'POST', auth: true }));
      notify(`${answer.message} ${formatNumber(answer.ballots)} votos contados.`, 'success');
      navigate('/equipo/resultados');
    } catch (error) {
      notify(error.message, 'error');
    }
  });
  const status = h('p', { class: 'state' }, 'Cargando…');
  main.append(status);
  api(withQuery('/api/public/results', { page_size: 100 })).then((rows) => {
    status.textContent = '';
    main.append(downloads(), table(rows));
  }).catch((error) => {
    status.textContent = error.status === 404 ? 'Los resultados aún no se han publicado.' : error.message;
    if (error.status === 404) main.append(h('div', { class: 'actions' }, publish));
  });
}

function downloads() {
  const finalists = h('button', { type: 'button', class: 'secondary' }, 'Descargar finalistas (CSV)');
  finalists.addEventListener('click', async () => {
    const response = await fetch('/api/admin/results/finalists.csv?per_city=3',
      { headers: { Authorization: `Bearer ${session.token()}` } });
    if (!response.ok) {
      notify('No se pudo descargar el archivo.', 'error');
      return;
    }
    const link = h('a', { href: URL.createObjectURL(await response.blob()), download: 'finalistas.csv' });
    link.click();
    URL.revokeObjectURL(link.href);
  });
  return h('div', { class: 'actions' }, finalists,
    h('a', { class: 'button secondary', href: '/api/public/results/ballots.csv', download: 'ballots.csv' },
      'Votos para recontar (CSV)'));
}

function table(rows) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'ranking results' },
    h('caption', {}, 'Resultados publicados'),
    h('thead', {}, h('tr', {}, ...['Posición', 'Jugador', 'Ciudad', 'Votos', 'Retenidos', 'Anulados']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, h('td', {}, `${r.position}.`), h('th', { scope: 'row' }, r.username),
      h('td', {}, r.city), h('td', {}, formatNumber(r.votes)), h('td', {}, formatNumber(r.held)),
      h('td', {}, formatNumber(r.void)))))));
}
