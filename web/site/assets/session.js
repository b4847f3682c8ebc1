// The player's login: the API's bearer token and when it expires, kept in this browser only.

const KEY = 'anb.session';
const listeners = new Set();

function read() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY));
    return saved && saved.expiresAt > Date.now() ? saved : null;
  } catch {
    return null;
  }
}

function changed() {
  listeners.forEach((listener) => listener());
}

export const session = {
  /** The bearer token, or null when logged out or expired. */
  token() {
    return read()?.token ?? null;
  },
  isActive() {
    return read() !== null;
  },
  /** Stores the login answer ({access_token, expires_in}), ending it a little early to avoid a late 401. */
  start(login) {
    const expiresAt = Date.now() + Math.max(login.expires_in - 60, login.expires_in * 0.9) * 1000;
    localStorage.setItem(KEY, JSON.stringify({ token: login.access_token, expiresAt, role: 'player' }));
    changed();
  },
  /** The account's role as GET /api/auth/me said at login: it only decides which links show; the API decides access. */
  role() {
    return read()?.role ?? null;
  },
  setRole(role) {
    const saved = read();
    if (!saved) return;
    localStorage.setItem(KEY, JSON.stringify({ ...saved, role }));
    changed();
  },
  isStaff() {
    return ['moderator', 'organizer'].includes(read()?.role);
  },
  end() {
    localStorage.removeItem(KEY);
    changed();
  },
  onChange(listener) {
    listeners.add(listener);
  },
};
