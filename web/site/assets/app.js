// The single-page app: a path router over the History API. The server answers every page path with index.html
// (the local mode's static content, CloudFront's viewer-request function in AWS), and this file draws the page.
import { api, OFFLINE_MESSAGE } from './api.js';
import { clearNotice, h, notify } from './dom.js';
import { confirmEmailPage, forgotPasswordPage, guardianPage, resetPasswordPage } from './pages/account-links.js';
import { myAccountPage } from './pages/account.js';
import { galleryPage } from './pages/gallery.js';
import { loginPage } from './pages/login.js';
import { myVideosPage } from './pages/my-videos.js';
import { notFoundPage } from './pages/not-found.js';
import { playerPage } from './pages/player.js';
import { rankingsPage } from './pages/rankings.js';
import { signupPage } from './pages/signup.js';
import { videoPage } from './pages/video.js';
import { session } from './session.js';

const routes = {
  '/': galleryPage,
  '/ranking': rankingsPage,
  '/ingresar': loginPage,
  '/registro': signupPage,
  '/mis-videos': myVideosPage,
  '/mi-cuenta': myAccountPage,
  '/confirmar': confirmEmailPage,
  '/autorizar': guardianPage,
  '/restablecer': resetPasswordPage,
  '/olvide-contrasena': forgotPasswordPage,
  // The staff pages: their modules are fetched only when a staff member opens one (never preloaded for fans).
  '/equipo': staffPage('moderation'),
  '/equipo/integridad': staffPage('integrity'),
  '/equipo/alertas': staffPage('alerts'),
  '/equipo/concurso': staffPage('contest'),
  '/equipo/resultados': staffPage('results'),
  '/equipo/personas': staffPage('people'),
  '/equipo/auditoria': staffPage('audit'),
};

/** Pages of one thing, the addresses fans share: the server renders their link preview (see ShareRoutes). */
const patterns = [
  [/^\/v\/([0-9a-fA-F-]{36})$/, videoPage],
  [/^\/jugador\/([0-9a-fA-F-]{36})$/, playerPage],
];

function pageFor(path) {
  if (routes[path]) return [routes[path], {}];
  for (const [pattern, page] of patterns) {
    const match = path.match(pattern);
    if (match) return [page, { id: match[1] }];
  }
  return [notFoundPage, {}];
}

/** A staff page, imported on first use; anyone else is told the section is for the team (the API refuses them too). */
function staffPage(name) {
  return (main, context) => {
    if (!session.isStaff()) {
      main.append(h('h1', {}, 'Equipo'), h('p', { class: 'state' }, 'Esta sección es solo para el equipo del concurso.'));
      return null;
    }
    let leave = null;
    let left = false;
    import(`./pages/staff/${name}.js`).then((module) => {
      if (!left) leave = module.page(main, context) ?? null;
    }).catch(() => main.append(h('p', { class: 'state' }, OFFLINE_MESSAGE)));
    return () => {
      left = true;
      leave?.();
    };
  };
}

const main = document.getElementById('main');
let leavePage = null;
let keepNotice = false;

/** Shows another page without reloading; after an action (not a plain link) its notice stays visible. */
function navigate(url, { replace = false, afterAction = true } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  keepNotice = afterAction;
  render({ focus: true });
}

function render({ focus }) {
  leavePage?.();
  if (!keepNotice) clearNotice();
  keepNotice = false;
  main.replaceChildren();
  const [page, found] = pageFor(location.pathname);
  leavePage = page(main, { ...found, params: new URLSearchParams(location.search), navigate }) ?? null;
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} · ANB Rising Stars` : 'ANB Rising Stars Showcase';
  markCurrentLink();
  // Tell keyboard and screen-reader users that the page changed: focus moves to the new page's content.
  if (focus) main.focus();
}

function markCurrentLink() {
  for (const link of document.querySelectorAll('.nav-links a, .staff-nav a')) {
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function showSessionLinks() {
  const shown = { guest: !session.isActive(), member: session.isActive(), staff: session.isStaff() };
  for (const item of document.querySelectorAll('[data-when]')) {
    item.hidden = !shown[item.dataset.when];
  }
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-link]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href'), { afterAction: false });
});
document.getElementById('logout').addEventListener('click', async () => {
  // Revoked on the server first, so a copy of the token is worthless; the session ends here whatever the answer.
  await api('/api/auth/logout', { method: 'POST', auth: true }).catch(() => {});
  session.end();
  notify('Sesión cerrada.', 'info');
  navigate('/');
});
window.addEventListener('popstate', () => render({ focus: true }));
session.onChange(showSessionLinks);
showSessionLinks();
render({ focus: false });
