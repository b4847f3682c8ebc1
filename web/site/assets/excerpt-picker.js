// "Choose your 30 s": the player's own file read in the browser before a byte is sent. Its length is checked against
// the contest's rules (so a 5 s clip is refused at once, not after a whole upload), and a slider over a preview picks
// where the broadcast's 30 s begin (sent as start_seconds; the worker cuts there).
import { formatNumber, h } from './dom.js';

export const MIN_SECONDS = 20;
export const MAX_SECONDS = 60;
const BROADCAST_SECONDS = 30;

/**
 * The picker for one form. show(file) reads the file; start() is the chosen second (0 until chosen); problem() is
 * why the file cannot be sent, or '' (also '' when the browser cannot read the file: the server then decides).
 */
export function excerptPicker() {
  const preview = h('video', { muted: true, playsinline: true, preload: 'metadata', class: 'excerpt-preview',
    'aria-label': 'Vista previa de tu video' });
  const slider = h('input', { id: 'start-seconds', name: 'start_seconds', type: 'range', min: 0, max: 0, step: 0.5,
    value: 0, 'aria-describedby': 'start-seconds-text' });
  const text = h('p', { id: 'start-seconds-text', class: 'hint', 'aria-live': 'polite' });
  const note = h('p', { class: 'hint' },
    `La transmisión usa ${BROADCAST_SECONDS} s de tu video, sin sonido. Elige dónde empieza tu mejor jugada.`);
  const box = h('div', { class: 'field excerpt', hidden: true },
    h('label', { for: slider.id }, 'Inicio de los 30 s'), note, preview, slider, text);
  let duration = null;
  let problem = '';
  let url = null;

  const describe = () => {
    const start = Number(slider.value);
    const end = Math.min(duration, start + BROADCAST_SECONDS);
    text.textContent = `Se usará del segundo ${seconds(start)} al ${seconds(end)}.`;
  };
  slider.addEventListener('input', () => {
    preview.currentTime = Number(slider.value);
    describe();
  });

  return {
    element: box,
    /** Reads {@code file}'s length; resolves when known (or unknowable). */
    show(file) {
      if (url) URL.revokeObjectURL(url);
      duration = null;
      problem = '';
      box.hidden = true;
      slider.value = 0;
      if (!file) return Promise.resolve();
      url = URL.createObjectURL(file);
      return new Promise((resolve) => {
        preview.onloadedmetadata = () => {
          duration = preview.duration;
          if (!Number.isFinite(duration) || duration <= 0) {
            duration = null;
          } else if (duration < MIN_SECONDS || duration > MAX_SECONDS) {
            problem = `Tu video dura ${seconds(duration)} s; debe durar entre ${MIN_SECONDS} y ${MAX_SECONDS} s.`;
          } else {
            slider.max = String(Math.max(0, Math.floor((duration - MIN_SECONDS) * 2) / 2));
            slider.disabled = Number(slider.max) === 0;
            box.hidden = false;
            describe();
          }
          resolve();
        };
        preview.onerror = () => resolve(); // a format this browser cannot play: the server still checks it
        preview.src = url;
      });
    },
    start: () => (box.hidden ? 0 : Number(slider.value)),
    problem: () => problem,
    reset() {
      this.show(null);
      preview.removeAttribute('src');
    },
  };
}

function seconds(value) {
  return formatNumber(Math.round(value * 10) / 10);
}
