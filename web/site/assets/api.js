// Calls to the REST API (same origin). Errors carry the API's own message, worded for people.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, message, fieldErrors = {}) {
    super(message);
    this.status = status;
    this.fieldErrors = fieldErrors;
  }
}

export const OFFLINE_MESSAGE = 'No se pudo conectar con el servidor. Revisa tu conexión e intenta de nuevo.';

/**
 * @param {string} path e.g. '/api/public/videos?page=1'
 * @param {{method?: string, body?: object, auth?: boolean}} options auth sends the session's token
 */
export async function api(path, { method = 'GET', body, auth = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) {
    const token = session.token();
    if (!token) throw new ApiError(401, 'Inicia sesión para continuar.');
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, OFFLINE_MESSAGE);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    // A rejected token means the session is over: forget it so the page offers to log in again.
    if (response.status === 401 && auth) session.end();
    throw new ApiError(response.status, data?.message ?? `Error inesperado del servidor (${response.status}).`,
      data?.errors ?? {});
  }
  return data;
}

/** Builds a path with the non-empty query parameters. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
