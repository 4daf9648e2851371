'use strict';
// Everything a patient wrote is put on the page with textContent only: never as markup.
const STATUS = { waiting: 'wacht', active: 'in gesprek', callback: 'terugbellen', closed: 'gesloten' };
const REASON = { requested: 'vroeg om iemand', misses: 'bot begreep het niet', 'failed-input': 'invullen lukte niet', 'red-flag': 'waarschuwingsteken', 'always-human': 'onderwerp voor medewerker', 'agenda-unavailable': 'agenda onbereikbaar' };
const FROM = { patient: 'Patiënt', bot: 'Assistent', staff: 'Medewerker', system: 'Systeem' };
const EVENT = { new: 'nieuw', moved: 'verzet', cancelled: 'geannuleerd' };
let current = null;

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

async function api(path, options) {
  const res = await fetch('/console/api' + path, options);
  if (res.status === 401) {
    location.href = '/console/signin';
    throw new Error('signed out');
  }
  return res;
}

async function loadQueue() {
  const tickets = await (await api('/queue')).json();
  const list = document.getElementById('queue');
  list.replaceChildren();
  document.getElementById('queue-empty').hidden = tickets.length > 0;
  for (const t of tickets) {
    const item = el('li');
    const button = el('button', `${STATUS[t.status] || t.status} · ${REASON[t.reason] || t.reason} · ${t.channel}`, 'ticket');
    button.type = 'button';
    button.dataset.id = t.id;
    if (t.callbackPhone) button.append(el('span', ` · bel ${t.callbackPhone}`, 'phone'));
    button.addEventListener('click', () => openTicket(t.id));
    item.append(button);
    list.append(item);
  }
}

async function openTicket(id) {
  current = id;
  const t = await (await api('/tickets/' + encodeURIComponent(id))).json();
  document.getElementById('ticket-info').textContent =
    `${STATUS[t.status] || t.status} · ${REASON[t.reason] || t.reason} · ${t.channel} · ${t.locale}` + (t.callbackPhone ? ` · terugbellen: ${t.callbackPhone}` : '');
  const transcript = document.getElementById('transcript');
  transcript.replaceChildren();
  for (const m of t.messages) {
    const item = el('li', null, 'msg ' + m.from);
    item.append(el('span', FROM[m.from] || m.from, 'who'), el('span', m.text, 'text'));
    // A reply that never reached the patient must not read as said.
    if (m.failed) {
      item.classList.add('failed');
      item.append(el('span', m.failed === 'outside-service-window' ? ' (niet verstuurd: WhatsApp-venster van 24 uur verlopen)' : ' (niet verstuurd)', 'failed-note'));
    }
    transcript.append(item);
  }
  document.getElementById('reply').hidden = false;
}

async function act(action) {
  if (!current) return;
  const error = document.getElementById('reply-error');
  error.textContent = '';
  const res = await api(`/tickets/${encodeURIComponent(current)}/${action}`, { method: 'POST' });
  await loadQueue();
  if (!res.ok) {
    error.textContent = res.status === 409 ? 'Dit gesprek is al gesloten. De patiënt praat weer met de assistent.' : 'Dat lukte niet. Probeer het opnieuw.';
    return;
  }
  if (action !== 'take') {
    current = null;
    document.getElementById('reply').hidden = true;
    document.getElementById('transcript').replaceChildren();
    document.getElementById('ticket-info').textContent = 'Kies een gesprek uit de wachtrij.';
  } else {
    await openTicket(current);
  }
}

async function loadBookings() {
  const bookings = await (await api('/bookings')).json();
  const body = document.getElementById('bookings');
  body.replaceChildren();
  for (const b of bookings) {
    const row = el('tr');
    for (const v of [EVENT[b.event] || b.event, b.reference, b.when, b.location, b.name, b.phone]) row.append(el('td', v));
    body.append(row);
  }
}

document.getElementById('reply').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = document.getElementById('reply-text');
  const error = document.getElementById('reply-error');
  error.textContent = '';
  const res = await api(`/tickets/${encodeURIComponent(current)}/reply`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: text.value }),
  });
  if (res.ok) {
    text.value = '';
    await openTicket(current);
  } else {
    const body = await res.json();
    await openTicket(current);
    error.textContent = body.reason === 'outside-service-window'
      ? 'Niet verstuurd: dit WhatsApp-gesprek is langer dan 24 uur stil. Bel de patiënt.'
      : 'Niet verstuurd. Probeer het opnieuw of bel de patiënt.';
  }
});
document.getElementById('take').addEventListener('click', () => act('take'));
document.getElementById('release').addEventListener('click', () => act('release'));
document.getElementById('close').addEventListener('click', () => act('close'));
document.getElementById('signout').addEventListener('click', async () => {
  await api('/signout', { method: 'POST' });
  location.href = '/console/signin';
});

(async () => {
  const me = await (await api('/me')).json();
  document.getElementById('me').textContent = me.user;
  await Promise.all([loadQueue(), loadBookings()]);
  const events = new EventSource('/console/api/events');
  events.onmessage = async (e) => {
    const data = JSON.parse(e.data);
    await loadQueue();
    if (current && data.ticketId === current) await openTicket(current);
    await loadBookings();
  };
})();
