// "Mis videos": the upload form with its progress bar, and the player's videos, refreshed by themselves until each
// one is processed or failed.
import { api } from '../api.js';
import { errorBox, field } from '../components.js';
import { clearNotice, formatDate, formatNumber, h, notify, whileBusy } from '../dom.js';
import { session } from '../session.js';
import { excerptPicker } from '../excerpt-picker.js';
import { uploadVideo } from '../upload.js';

const REFRESH_MS = 2000;
const STATUS_LABELS = {
  uploaded: 'En cola',
  processing: 'Procesando',
  processed: 'Procesado',
  failed: 'Falló',
};
const PENDING = new Set(['uploaded', 'processing']);
const NO_FILE = 'Ningún archivo elegido';

export function myVideosPage(main, { navigate }) {
  if (!session.isActive()) {
    notify('Inicia sesión para ver y subir tus videos.', 'info');
    navigate('/ingresar?next=/mis-videos', { replace: true });
    return undefined;
  }
  const list = h('ul', { class: 'my-videos', 'aria-live': 'polite', 'aria-busy': 'true' });
  const state = h('p', { class: 'state' }, 'Cargando tus videos…');
  let timer = null;
  let left = false;
  let latest = 0; // an upload or a button may refresh while a timed refresh is in flight: only the newest draws

  async function refresh() {
    clearTimeout(timer);
    const mine = ++latest;
    try {
      const videos = await api('/api/videos', { auth: true });
      if (left || mine !== latest) return;
      list.setAttribute('aria-busy', 'false');
      state.textContent = videos.length ? '' : 'Todavía no has subido videos.';
      list.replaceChildren(...videos.slice().reverse().map((video) => videoItem(video, refresh)));
      if (videos.some((video) => PENDING.has(video.status))) timer = setTimeout(refresh, REFRESH_MS);
    } catch (error) {
      if (left || mine !== latest) return;
      state.textContent = error.message;
      if (error.status === 401) navigate('/ingresar?next=/mis-videos', { replace: true });
      else timer = setTimeout(refresh, REFRESH_MS * 3); // the API may be back in a moment
    }
  }

  main.append(
    h('h1', {}, 'Mis videos'),
    uploadForm(refresh),
    h('h2', {}, 'Videos subidos'),
    state, list, myReports());
  refresh();
  return () => {
    left = true;
    clearTimeout(timer);
  };
}

// What phones and editors save (QuickTime from iPhones, M4V, 3GP); the worker decides by the content what is a video.
const VIDEO_TYPES = 'video/mp4,video/quicktime,video/x-m4v,video/3gpp,.mp4,.mov,.m4v,.3gp';

function uploadForm(onUploaded) {
  const error = errorBox();
  // The browser's own file button speaks the browser's language; this one is always Spanish. The input stays in
  // the page (visually hidden), so keyboard, screen readers and labels work as with any input.
  const file = h('input', { id: 'video-file', name: 'video_file', type: 'file', accept: VIDEO_TYPES, required: true,
    class: 'visually-hidden', 'aria-describedby': 'video-file-hint video-file-name' });
  const chosen = h('span', { id: 'video-file-name', class: 'file-name' }, NO_FILE);
  const excerpt = excerptPicker();
  let reading = Promise.resolve();
  file.addEventListener('change', () => {
    chosen.textContent = file.files[0]?.name ?? NO_FILE;
    error.textContent = '';
    reading = excerpt.show(file.files[0]).then(() => {
      error.textContent = excerpt.problem();
    });
  });
  const publish = h('input', { id: 'publish', name: 'publish', type: 'checkbox', checked: true });
  const progress = h('progress', { id: 'upload-progress', max: 100, value: 0, 'aria-label': 'Progreso de la subida' });
  const progressText = h('span', { id: 'upload-progress-text', 'aria-live': 'polite' }, '');
  const progressRow = h('div', { class: 'progress-row', hidden: true }, progress, progressText);
  const submit = h('button', { type: 'submit' }, 'Subir video');
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Cancelar subida');
  let controller = null;
  cancel.addEventListener('click', () => controller?.abort());

  const form = h('form', { class: 'panel upload', novalidate: true },
    h('h2', {}, 'Subir un video'),
    field({ name: 'title', label: 'Título', maxlength: 200 }),
    h('div', { class: 'field' },
      h('label', { for: 'video-file' }, 'Archivo de video'),
      h('small', { id: 'video-file-hint', class: 'hint' }, 'MP4 o MOV de 20 a 60 segundos, hasta 100 MB.'),
      h('div', { class: 'file-picker' }, file,
        h('label', { for: 'video-file', class: 'button secondary', 'aria-hidden': 'true' }, 'Elegir archivo'), chosen)),
    excerpt.element,
    h('div', { class: 'field checkbox' }, publish,
      h('label', { for: 'publish' }, 'Publicarlo para votación cuando esté procesado')),
    progressRow, error,
    h('div', { class: 'actions' }, submit, cancel));

  const showProgress = (percent) => {
    progress.value = percent;
    progressText.textContent = `${percent} %`;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const title = form.elements.title.value.trim();
    if (!title) {
      error.textContent = 'Escribe un título para el video.';
      form.elements.title.focus();
      return;
    }
    if (!file.files.length) {
      error.textContent = 'Elige el archivo de video que quieres subir.';
      file.focus();
      return;
    }
    await reading;
    if (excerpt.problem()) { // refused here, before a byte is sent
      error.textContent = excerpt.problem();
      return;
    }
    controller = new AbortController();
    progressRow.hidden = false;
    cancel.hidden = false;
    showProgress(0);
    try {
      const answer = await whileBusy(submit, 'Subiendo…', () =>
        uploadVideo(file.files[0], { title, publish: publish.checked, start_seconds: excerpt.start() }, showProgress,
          controller.signal));
      notify(answer.message, 'success');
      form.reset();
      excerpt.reset();
      chosen.textContent = NO_FILE;
      progressRow.hidden = true;
      onUploaded();
    } catch (failure) {
      clearNotice(); // a success from the last upload must not stand above this failure
      // The API's own reason for the file ("El archivo debe ser un video MP4."), not only its summary.
      error.textContent = failure.fieldErrors?.video_file ?? failure.message;
      progressRow.hidden = true;
    } finally {
      cancel.hidden = true;
      controller = null;
    }
  });
  return form;
}

function videoItem(video, refresh) {
  const label = STATUS_LABELS[video.status] ?? video.status;
  return h('li', { class: 'my-video', 'data-video-id': video.video_id },
    video.processed_url
      ? h('video', { controls: true, preload: 'none', src: video.processed_url, poster: video.poster_url,
        'aria-label': `Video «${video.title}»` })
      : h('div', { class: 'placeholder', 'aria-hidden': 'true' }, label),
    h('div', { class: 'my-video-body' },
      h('h3', {}, video.title),
      h('p', { class: 'meta' },
        h('span', { class: `badge badge-${video.status}`, 'data-status': video.status }, label),
        video.published ? h('span', { class: 'badge badge-published' }, 'Publicado') : null,
        ` Subido el ${formatDate(video.uploaded_at)}`),
      video.published ? standing(video) : null,
      video.failure_reason ? h('p', { class: 'failure' }, video.failure_reason) : null,
      video.disqualified ? disqualification(video, refresh) : null,
      h('div', { class: 'card-actions' }, ...actions(video, refresh))));
}

/** "12 votos · 2 por confirmar · puesto 4 en tu ciudad · 31 en el general". */
function standing(video) {
  const parts = [video.votes === 1 ? '1 voto' : `${formatNumber(video.votes)} votos`];
  if (video.held_votes) parts.push(`${formatNumber(video.held_votes)} por confirmar`);
  if (video.city_rank) parts.push(`puesto ${formatNumber(video.city_rank)} en tu ciudad`);
  if (video.rank) parts.push(`${formatNumber(video.rank)} en el general`);
  return h('p', { class: 'standing', 'data-standing': true }, parts.join(' · '));
}

const APPEAL_STATES = { pending: 'Tu apelación está en revisión.', decided: 'Tu apelación ya fue resuelta.' };

/** A disqualified video: the moderators' reason, and the one appeal its owner may send. */
function disqualification(video, refresh) {
  const reason = h('p', { class: 'failure' }, `Descalificado: ${video.disqualification_reason}`);
  if (video.appeal) return h('div', {}, reason, h('p', { class: 'meta' }, APPEAL_STATES[video.appeal] ?? ''));
  const id = `appeal-${video.video_id}`;
  const message = h('textarea', { id, name: 'message', rows: 2, maxlength: 2000, required: true });
  const send = h('button', { type: 'submit', class: 'secondary' }, 'Enviar apelación');
  const form = h('form', { class: 'appeal-form' },
    h('label', { for: id }, 'Apelar la decisión (una sola vez)'), message, send);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(send, 'Enviando…', () => api(`/api/videos/${video.video_id}/appeal`,
      { method: 'POST', auth: true, body: { message: message.value.trim() } }), refresh);
  });
  return h('div', {}, reason, form);
}

const OUTCOMES = { pending: 'en revisión', kept: 'revisado: el video sigue en el concurso',
  disqualified: 'revisado: el video fue descalificado' };

/** The videos this person reported, and what the moderators decided. */
function myReports() {
  const section = h('section', { class: 'my-reports', hidden: true, 'aria-labelledby': 'my-reports-title' },
    h('h2', { id: 'my-reports-title' }, 'Tus reportes'));
  api('/api/me/reports', { auth: true }).then((reports) => {
    if (!reports.length) return;
    section.append(h('ul', {}, ...reports.map((r) => h('li', {},
      `«${r.title}» (${formatDate(r.reported_at)}): ${OUTCOMES[r.outcome] ?? r.outcome}`))));
    section.hidden = false;
  }).catch(() => {});
  return section;
}

/** Only what the API allows: publish a processed, unpublished video; withdraw one until its first vote. */
function actions(video, refresh) {
  const buttons = [];
  if (video.status === 'processed' && !video.published && !video.disqualified) {
    const publish = h('button', { type: 'button', 'aria-label': `Publicar «${video.title}»` }, 'Publicar');
    publish.addEventListener('click', () => act(publish, 'Publicando…',
      () => api(`/api/videos/${video.video_id}/publish`, { method: 'POST', auth: true }), refresh));
    buttons.push(publish);
  }
  if (!video.votes) {
    const remove = h('button', { type: 'button', class: 'danger', 'aria-label': `Eliminar «${video.title}»` }, 'Eliminar');
    remove.addEventListener('click', () => {
      if (!confirm(`¿Eliminar «${video.title}»? No se puede deshacer.`)) return;
      act(remove, 'Eliminando…', () => api(`/api/videos/${video.video_id}`, { method: 'DELETE', auth: true }), refresh);
    });
    buttons.push(remove);
  }
  return buttons;
}

async function act(button, busyLabel, call, refresh) {
  try {
    const answer = await whileBusy(button, busyLabel, call);
    notify(answer.message, 'success');
  } catch (error) {
    notify(error.message, 'error');
  }
  refresh();
}
