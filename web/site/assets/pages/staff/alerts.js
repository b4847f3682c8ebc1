// Videos whose suspicion score reached the edition's threshold, latest vote first, each leading to its integrity view.
import { api, withQuery } from '../../api.js';
import { formatDate, h } from '../../dom.js';
import { frame } from './common.js';

export function page(main) {
  frame(main, 'Alertas', 'Videos cuyo puntaje de sospecha alcanzó el umbral del concurso.');
  const status = h('p', { class: 'state' }, 'Cargando alertas…');
  const list = h('ul', { class: 'alerts' });
  main.append(status, list);
  api('/api/admin/alerts', { auth: true })
    .then((alerts) => {
      status.textContent = alerts.length ? '' : 'Ninguna alerta por ahora.';
      list.append(...alerts.map((a) => h('li', {},
        h('a', { href: withQuery('/equipo/integridad', { video: a.video_id }), 'data-link': true },
          `Puntaje ${a.score}`), ` · último voto ${formatDate(a.last_vote)} · `,
        a.score_rules.map((r) => r.detail).join('; '))));
    })
    .catch((error) => { status.textContent = error.message; });
}
