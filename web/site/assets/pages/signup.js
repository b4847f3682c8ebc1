// Sign up: every field the API requires, its per-field messages shown beside each input.
import { api, withQuery } from '../api.js';
import { errorBox, field, submitsTo } from '../components.js';
import { h, notify, whileBusy } from '../dom.js';

export function signupPage(main, { navigate }) {
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, 'Crear cuenta');
  const form = h('form', { class: 'panel', novalidate: true },
    h('div', { class: 'field-row' },
      field({ name: 'first_name', label: 'Nombre', autocomplete: 'given-name', maxlength: 100 }),
      field({ name: 'last_name', label: 'Apellido', autocomplete: 'family-name', maxlength: 100 })),
    field({ name: 'email', label: 'Correo electrónico', type: 'email', autocomplete: 'email' }),
    h('div', { class: 'field-row' },
      field({ name: 'password1', label: 'Contraseña', type: 'password', autocomplete: 'new-password',
        hint: 'Al menos 8 caracteres.' }),
      field({ name: 'password2', label: 'Repite la contraseña', type: 'password', autocomplete: 'new-password' })),
    h('div', { class: 'field-row' },
      field({ name: 'city', label: 'Ciudad', autocomplete: 'address-level2', maxlength: 100 }),
      field({ name: 'country', label: 'País', autocomplete: 'country-name', maxlength: 100 })),
    error, submit);
  offerCities(form.querySelector('#field-city'));
  submitsTo(form, error, async (data) => {
    const answer = await whileBusy(submit, 'Creando cuenta…', () => api('/api/auth/signup', { method: 'POST', body: data }));
    notify(`${answer.message} Ahora inicia sesión.`, 'success');
    navigate(withQuery('/ingresar', { email: data.email }));
  });
  main.append(h('h1', {}, 'Crear cuenta de jugador'), form,
    h('p', {}, '¿Ya tienes cuenta? ', h('a', { href: '/ingresar', 'data-link': true }, 'Ingresa')));
}

/** Suggests the cities players already wrote (one spelling each), so "Bogota", "bogotá " and "BOGOTÁ" stay one city. */
function offerCities(input) {
  const list = h('datalist', { id: 'city-suggestions' });
  input.setAttribute('list', list.id);
  input.after(list);
  let asked = '';
  input.addEventListener('input', async () => {
    const typed = input.value.trim();
    if (typed.length < 2 || typed === asked) return;
    asked = typed;
    const cities = await api(withQuery('/api/public/cities', { q: typed })).catch(() => []);
    if (asked === typed) list.replaceChildren(...cities.map((c) => h('option', { value: c.city })));
  });
}
