// The direct upload: the API hands out a presigned S3 POST, the browser sends the file straight to storage (so the
// progress bar shows real bytes sent), then the API checks the object and queues its processing.
import { api, ApiError, OFFLINE_MESSAGE } from './api.js';

/**
 * @param {File} file the MP4 chosen by the player
 * @param {{title: string, publish: boolean}} details
 * @param {(percent: number) => void} onProgress called as bytes leave the browser, ending at 100
 * @param {AbortSignal} signal cancels the transfer
 * @returns the API's answer ({message, video_id, task_id})
 */
export async function uploadVideo(file, details, onProgress, signal) {
  // The size declared first: a file over the limit is refused here (its size beside the limit), before a form is
  // signed or any of the player's room for the day held.
  const grant = await api('/api/videos/uploads', { method: 'POST', auth: true, body: { bytes: file.size } });
  await postToStorage(grant, file, onProgress, signal);
  return api(`/api/videos/uploads/${grant.video_id}/complete`, { method: 'POST', auth: true, body: details });
}

function postToStorage(grant, file, onProgress, signal) {
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.fields)) form.append(name, value);
  form.append(grant.file_field, file); // S3 requires the file after every policy field
  // fetch() reports no upload progress; XMLHttpRequest does.
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', grant.upload_url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(100);
        resolve();
      } else {
        reject(new ApiError(request.status, storageRefusal(request)));
      }
    });
    request.addEventListener('error', () => reject(new ApiError(0, OFFLINE_MESSAGE)));
    request.addEventListener('abort', () => reject(new ApiError(0, 'Subida cancelada.')));
    signal.addEventListener('abort', () => request.abort());
    request.send(form);
  });
}

/** S3 answers in English XML; the player gets a Spanish sentence naming the cause. */
function storageRefusal(request) {
  const code = request.responseXML?.querySelector('Code')?.textContent ?? '';
  if (code === 'EntityTooLarge') return 'El archivo supera el tamaño máximo permitido.';
  if (code === 'AccessDenied' && /expired/i.test(request.responseText)) {
    return 'El permiso de subida expiró. Vuelve a intentarlo.';
  }
  return `El almacenamiento rechazó el archivo (código ${request.status}${code ? `, ${code}` : ''}). Vuelve a intentarlo.`;
}
