// Pieces of the staff pages: their own navigation, and the page frame every staff page starts with.
import { h } from '../../dom.js';
import { session } from '../../session.js';

const SECTIONS = [
  ['/equipo', 'Moderación', 'moderator'],
  ['/equipo/alertas', 'Alertas', 'organizer'],
  ['/equipo/concurso', 'Concurso', 'organizer'],
  ['/equipo/resultados', 'Resultados', 'organizer'],
  ['/equipo/personas', 'Personas', 'moderator'],
  ['/equipo/auditoria', 'Auditoría', 'organizer'],
];

/** The staff section's links (organizer-only ones hidden from moderators), the current one marked. */
export function staffNav() {
  const organizer = session.role() === 'organizer';
  return h('nav', { class: 'staff-nav', 'aria-label': 'Equipo' }, h('ul', {},
    ...SECTIONS.filter(([, , role]) => organizer || role === 'moderator').map(([href, label]) => h('li', {},
      h('a', { href, 'data-link': true, 'aria-current': href === location.pathname ? 'page' : undefined }, label)))));
}

/** Heading, staff links, a lead sentence: the top of every staff page. */
export function frame(main, title, lead) {
  main.append(h('h1', {}, title), staffNav(), lead ? h('p', { class: 'lead' }, lead) : null);
}

/** A labelled text input or textarea for staff forms. */
export function textField({ name, label, type = 'text', value = '', required = false, multiline = false }) {
  const id = `staff-${name}`;
  const input = multiline ? h('textarea', { id, name, required, rows: 3 }, value)
    : h('input', { id, name, type, value, required });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}
