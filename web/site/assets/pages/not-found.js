import { h } from '../dom.js';

export function notFoundPage(main) {
  main.append(h('h1', {}, 'Página no encontrada'),
    h('p', {}, 'La dirección no existe. ', h('a', { href: '/', 'data-link': true }, 'Volver a la galería')));
}
