// The single-page app: a path router over the History API. The server answers every page path with index.html
// (the local mode's static content, CloudFront's viewer-request function in AWS), and this file draws the page.
import { api } from './api.js';
import { clearNotice, notify } from './dom.js';
import { galleryPage } from './pages/gallery.js';
import { loginPage } from './pages/login.js';
import { myVideosPage } from './pages/my-videos.js';
import { notFoundPage } from './pages/not-found.js';
import { rankingsPage } from './pages/rankings.js';
import { signupPage } from './pages/signup.js';
import { session } from './session.js';

const routes = {
  '/': galleryPage,
  '/ranking': rankingsPage,
  '/ingresar': loginPage,
  '/registro': signupPage,
  '/mis-videos': myVideosPage,
};

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
  const page = routes[location.pathname] ?? notFoundPage;
  leavePage = page(main, { params: new URLSearchParams(location.search), navigate }) ?? null;
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} · ANB Rising Stars` : 'ANB Rising Stars Showcase';
  markCurrentLink();
  // Tell keyboard and screen-reader users that the page changed: focus moves to the new page's content.
  if (focus) main.focus();
}

function markCurrentLink() {
  for (const link of document.querySelectorAll('.nav-links a')) {
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function showSessionLinks() {
  const member = session.isActive();
  for (const item of document.querySelectorAll('[data-when]')) {
    item.hidden = (item.dataset.when === 'member') !== member;
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
