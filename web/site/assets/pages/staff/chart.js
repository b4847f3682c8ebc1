// Votes per hour as an SVG bar chart: a handful of rectangles needs no charting library (and no build step). The
// numbers are also in a table beside it, for screen readers and for copying.
import { h } from '../../dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 200;

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** hours: [{hour, votes, voided}] in time order. */
export function votesPerHourChart(hours) {
  const peak = Math.max(1, ...hours.map((x) => x.votes + x.voided));
  const step = WIDTH / Math.max(1, hours.length);
  const bar = Math.max(1, Math.min(step - 2, 48)); // one hour of votes is a bar, not the whole width
  const bars = hours.flatMap((x, i) => {
    const counted = (x.votes / peak) * (HEIGHT - 20);
    const voided = (x.voided / peak) * (HEIGHT - 20);
    const label = `${new Date(x.hour).toLocaleString('es')}: ${x.votes} votos, ${x.voided} anulados`;
    return [
      svg('rect', { x: i * step + 1, y: HEIGHT - counted, width: bar, height: counted,
        class: 'bar-counted' }, svg('title', {}, label)),
      svg('rect', { x: i * step + 1, y: HEIGHT - counted - voided, width: bar, height: voided,
        class: 'bar-voided' }, svg('title', {}, label)),
    ];
  });
  return h('figure', { class: 'chart' },
    svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label':
      `Votos por hora: ${hours.length} horas, máximo ${peak} en una hora` }, ...bars),
    h('figcaption', {}, hours.length ? `Votos por hora (máximo ${peak}), de ${hourText(hours[0].hour)} a `
      + `${hourText(hours.at(-1).hour)}. En gris, los anulados.` : 'Aún no hay votos.'));
}

function hourText(iso) {
  return new Date(iso).toLocaleString('es', { dateStyle: 'short', timeStyle: 'short' });
}
