'use strict';
// Everything a patient wrote is put on the page with textContent only: never as markup.
const STATUS = { waiting: 'wacht', active: 'in gesprek', callback: 'terugbellen', closed: 'gesloten' };
const REASON = { requested: 'vroeg om iemand', misses: 'bot begreep het niet', 'failed-input': 'invullen lukte niet', 'always-human': 'onderwerp voor medewerker', 'agenda-unavailable': 'agenda onbereikbaar', 'detail-correction': 'gegevens afspraak aanpassen' };
const FROM = { patient: 'Patiënt', bot: 'Assistent', staff: 'Medewerker', system: 'Systeem' };
const EVENT = { new: 'nieuw', moved: 'verzet', cancelled: 'geannuleerd', deleted: 'geannuleerd (gegevens verwijderd door patiënt)' };
const CHANNEL = { directline: 'Website', webchat: 'Website', whatsapp: 'WhatsApp', msteams: 'Teams', emulator: 'Emulator', test: 'Test' };
const LOCALE = { 'nl-NL': 'Nederlands', 'nl-BE': 'Vlaams' };
const TITLE = document.title;
const SOUND_KEY = 'fa-console-sound';

let current = null;
let timeZone;
/** The server's clock minus this computer's, so that "today" is the practice's today. */
let clockOffset = 0;
/** The queue as last loaded, with when it was loaded, to count waiting times on. */
let queue = [];
let loadedAt = 0;
/** Tickets already seen, so that only a new one alerts. */
let known = null;
let audio = null;
/** Whether the browser shows our notifications: 'granted', 'denied', 'default' (not asked yet) or 'unsupported'. */
let permission = 'default';

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

function time(iso, withDay) {
  const d = new Date(iso);
  const options = withDay ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
  return new Intl.DateTimeFormat('nl-NL', options).format(d);
}

function timeElement(iso, withDay) {
  const t = el('time', time(iso, withDay));
  t.dateTime = iso;
  return t;
}

function person(name) {
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : '';
}

function waited(t) {
  const seconds = t.waitedSeconds + Math.round((Date.now() - loadedAt) / 1000);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return 'wacht net';
  if (minutes < 60) return `wacht ${minutes} min`;
  return `wacht ${Math.floor(minutes / 60)} u ${minutes % 60} min`;
}

/** Who holds a ticket, or how long it waits. */
function holder(t) {
  if (t.status === 'closed') return t.closedBy ? `gesloten door ${person(t.closedBy)}` : 'gesloten';
  if (t.assignedTo) return `door ${person(t.assignedTo)}`;
  return waited(t);
}

function ticketButton(t, withDay) {
  const button = el('button', null, 'ticket' + (t.redFlag ? ' red-flag' : ''));
  button.type = 'button';
  button.dataset.id = t.id;
  if (t.id === current) button.setAttribute('aria-current', 'true');
  const head = el('span', null, 'head');
  if (t.redFlag) head.append(el('span', 'Waarschuwingsteken', 'badge'));
  head.append(el('span', t.name || 'Naam onbekend', t.name ? 'name' : 'name unknown'));
  head.append(el('span', STATUS[t.status] || t.status, 'status'));
  button.append(head);
  button.append(el('span', t.preview || REASON[t.reason] || t.reason, 'preview'));
  const meta = el('span', null, 'meta');
  meta.append(`${CHANNEL[t.channel] || t.channel} · ${LOCALE[t.locale] || t.locale} · binnen `, timeElement(t.createdAt, withDay), ' · ');
  meta.append(el('span', holder(t), 'holder'));
  if (t.callbackPhone) meta.append(el('span', ` · bel ${t.callbackPhone}`, 'phone'));
  button.append(meta);
  button.addEventListener('click', () => openTicket(t.id));
  return button;
}

function updateTitle() {
  const waiting = queue.filter((t) => t.status === 'waiting' || t.status === 'callback').length;
  document.title = waiting ? `(${waiting}) ${TITLE}` : TITLE;
}

async function loadQueue() {
  const tickets = await (await api('/queue')).json();
  queue = tickets;
  loadedAt = Date.now();
  const list = document.getElementById('queue');
  // Rows stay in place when nothing about them changed, so the live region announces only what is new.
  const old = new Map([...list.children].map((li) => [li.dataset.id, li]));
  const rows = tickets.map((t) => {
    const signature = JSON.stringify([t.status, t.assignedTo, t.preview, t.name, t.callbackPhone, t.id === current]);
    const kept = old.get(t.id);
    if (kept && kept.dataset.signature === signature) return kept;
    const item = el('li');
    item.dataset.id = t.id;
    item.dataset.signature = signature;
    item.append(ticketButton(t, false));
    return item;
  });
  const same = rows.length === list.children.length && rows.every((r, i) => list.children[i] === r);
  if (!same) list.replaceChildren(...rows);
  document.getElementById('queue-empty').hidden = tickets.length > 0;
  // Kept rows count their waiting time on from this load.
  tick();
  updateTitle();
  const fresh = known ? tickets.filter((t) => !known.has(t.id)) : [];
  known = new Set(tickets.map((t) => t.id).concat(known ? [...known] : []));
  for (const t of fresh) alertNew(t);
}

/** Counts the waiting times on without asking the server. */
function tick() {
  for (const t of queue) {
    const span = document.querySelector(`#queue li[data-id="${CSS.escape(t.id)}"] .holder`);
    if (span) span.textContent = holder(t);
  }
}

function alertNew(t) {
  if (localStorage.getItem(SOUND_KEY) === 'on') beep();
  if (permission === 'granted') {
    // No patient text in a notification: it may show on a screen others see.
    const n = new Notification('Nieuw gesprek in de wachtrij', {
      body: `${CHANNEL[t.channel] || t.channel} · ${REASON[t.reason] || t.reason}`, tag: t.id, lang: 'nl',
    });
    n.onclick = () => {
      window.focus();
      void openTicket(t.id);
    };
  }
}

function beep() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  audio = audio || new Context();
  void audio.resume();
  const start = audio.currentTime;
  for (const [offset, freq] of [[0, 880], [0.18, 1175]]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
    osc.connect(gain).connect(audio.destination);
    osc.start(start + offset);
    osc.stop(start + offset + 0.16);
  }
}

/**
 * The Permissions API is asked first: it follows a change in the browser's settings while the
 * console is open, and some browsers (headless Chromium) keep Notification.permission stale.
 */
async function readPermission() {
  if (!('Notification' in window)) return 'unsupported';
  try {
    const status = await navigator.permissions.query({ name: 'notifications' });
    status.onchange = () => {
      permission = status.state === 'prompt' ? 'default' : status.state;
      showNotifyState();
    };
    return status.state === 'prompt' ? 'default' : status.state;
  } catch {
    return Notification.permission;
  }
}

function showNotifyState() {
  const button = document.getElementById('notify');
  const state = document.getElementById('notify-state');
  button.hidden = permission !== 'default';
  state.textContent = {
    granted: 'Meldingen staan aan.', denied: 'Meldingen zijn in de browser geblokkeerd.', unsupported: 'Deze browser kan geen meldingen tonen.',
  }[permission] || '';
}

function markCurrent() {
  for (const b of document.querySelectorAll('.ticket')) {
    if (b.dataset.id === current) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
}

async function openTicket(id) {
  current = id;
  markCurrent();
  const res = await api('/tickets/' + encodeURIComponent(id));
  if (!res.ok) {
    clearTicket('Dit gesprek bestaat niet meer.');
    return;
  }
  const t = await res.json();
  const info = [STATUS[t.status] || t.status, REASON[t.reason] || t.reason, CHANNEL[t.channel] || t.channel, LOCALE[t.locale] || t.locale];
  if (t.name) info.unshift(t.name);
  if (t.assignedTo && t.status !== 'closed') info.push(`door ${person(t.assignedTo)}`);
  if (t.status === 'closed') info.push(t.closedBy ? `gesloten door ${person(t.closedBy)}` : 'gesloten');
  if (t.callbackPhone) info.push(`terugbellen: ${t.callbackPhone}`);
  document.getElementById('ticket-info').textContent = info.join(' · ');
  const booking = document.getElementById('ticket-booking');
  booking.hidden = !t.booking;
  if (t.booking) {
    const link = document.getElementById('ticket-booking-link');
    link.textContent = `${t.booking.reference} · ${t.booking.when} · ${t.booking.location}`;
    link.dataset.reference = t.booking.reference;
    link.dataset.day = t.booking.day;
  }
  const transcript = document.getElementById('transcript');
  transcript.replaceChildren();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() + clockOffset));
  for (const m of t.messages) {
    const item = el('li', null, 'msg ' + m.from);
    const otherDay = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(m.at)) !== today;
    item.append(timeElement(m.at, otherDay), el('span', FROM[m.from] || m.from, 'who'), el('span', m.text, 'text'));
    // A reply that never reached the patient must not read as said.
    if (m.failed) {
      item.classList.add('failed');
      item.append(el('span', m.failed === 'outside-service-window' ? ' (niet verstuurd: WhatsApp-venster van 24 uur verlopen)' : ' (niet verstuurd)', 'failed-note'));
    }
    transcript.append(item);
  }
  document.getElementById('reply').hidden = t.status === 'closed';
}

function clearTicket(text) {
  current = null;
  markCurrent();
  document.getElementById('reply').hidden = true;
  document.getElementById('transcript').replaceChildren();
  document.getElementById('ticket-booking').hidden = true;
  document.getElementById('ticket-info').textContent = text || 'Kies een gesprek uit de wachtrij.';
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
  clearTicket();
  await loadHistory();
}

async function loadHistory() {
  const q = document.getElementById('history-q').value.trim();
  const tickets = await (await api('/history' + (q ? '?q=' + encodeURIComponent(q) : ''))).json();
  const list = document.getElementById('history');
  list.replaceChildren(...tickets.map((t) => {
    const item = el('li');
    item.append(ticketButton(t, true));
    return item;
  }));
  document.getElementById('history-empty').hidden = tickets.length > 0;
}

async function loadLocations() {
  const locations = await (await api('/locations')).json();
  const select = document.getElementById('filter-location');
  for (const l of locations) {
    const option = el('option', l.name);
    option.value = l.id;
    select.append(option);
  }
}

async function loadBookings() {
  const day = document.getElementById('filter-day').value;
  const locationId = document.getElementById('filter-location').value;
  const params = new URLSearchParams();
  if (day) params.set('day', day);
  if (locationId) params.set('location', locationId);
  const query = params.toString();
  const bookings = await (await api('/bookings' + (query ? '?' + query : ''))).json();
  const body = document.getElementById('bookings');
  body.replaceChildren();
  for (const b of bookings) {
    const row = el('tr', null, b.status === 'cancelled' ? 'cancelled' : '');
    row.id = 'booking-' + b.reference;
    row.tabIndex = -1;
    const cells = [EVENT[b.event] || b.event, b.reference, b.when, b.location, b.type, b.name || '–', b.phone || '–', time(b.createdAt, true), b.cancelledAt ? time(b.cancelledAt, true) : '–'];
    for (const v of cells) row.append(el('td', v));
    body.append(row);
  }
  document.getElementById('bookings-empty').hidden = bookings.length > 0;
  const where = locationId ? ` in ${document.getElementById('filter-location').selectedOptions[0].textContent}` : '';
  document.getElementById('bookings-scope').textContent = day
    ? `Afspraken op ${new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(day + 'T12:00:00Z'))}${where}.`
    : `Nieuw, verzet of geannuleerd in de laatste 30 dagen${where}.`;
}

document.getElementById('reply').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = document.getElementById('reply-text');
  const error = document.getElementById('reply-error');
  error.textContent = '';
  if (!text.value.trim()) return;
  const res = await api(`/tickets/${encodeURIComponent(current)}/reply`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: text.value }),
  });
  if (res.ok) {
    text.value = '';
    await openTicket(current);
    await loadQueue();
  } else {
    const body = await res.json();
    await openTicket(current);
    error.textContent = body.reason === 'outside-service-window'
      ? 'Niet verstuurd: dit WhatsApp-gesprek is langer dan 24 uur stil. Bel de patiënt.'
      : 'Niet verstuurd. Probeer het opnieuw of bel de patiënt.';
  }
});
// Enter sends; Shift+Enter is a new line (and Enter while an input method composes a word is the word's).
document.getElementById('reply-text').addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  document.getElementById('reply').requestSubmit();
});
document.getElementById('release').addEventListener('click', () => act('release'));
document.getElementById('close').addEventListener('click', () => act('close'));
document.getElementById('signout').addEventListener('click', async () => {
  await api('/signout', { method: 'POST' });
  location.href = '/console/signin';
});
document.getElementById('history-search').addEventListener('submit', (event) => {
  event.preventDefault();
  void loadHistory();
});
document.getElementById('filter-day').addEventListener('change', () => loadBookings());
document.getElementById('filter-location').addEventListener('change', () => loadBookings());
document.getElementById('booking-filter').addEventListener('submit', (event) => event.preventDefault());
document.getElementById('filter-clear').addEventListener('click', () => {
  document.getElementById('filter-day').value = '';
  document.getElementById('filter-location').value = '';
  void loadBookings();
});
document.getElementById('ticket-booking-link').addEventListener('click', async (event) => {
  event.preventDefault();
  const link = event.currentTarget;
  document.getElementById('filter-day').value = link.dataset.day;
  document.getElementById('filter-location').value = '';
  await loadBookings();
  const row = document.getElementById('booking-' + link.dataset.reference);
  if (!row) return;
  for (const r of document.querySelectorAll('#bookings tr.linked')) r.classList.remove('linked');
  row.classList.add('linked');
  row.focus();
  row.scrollIntoView({ block: 'center' });
});
const sound = document.getElementById('sound');
sound.checked = localStorage.getItem(SOUND_KEY) === 'on';
sound.addEventListener('change', () => {
  localStorage.setItem(SOUND_KEY, sound.checked ? 'on' : 'off');
  // Switching it on is the click a browser wants before it plays sound; the beep says what it will sound like.
  if (sound.checked) beep();
});
// A browser lets a page play sound only after the user did something on it.
for (const type of ['pointerdown', 'keydown']) {
  document.addEventListener(type, () => {
    if (sound.checked && audio) void audio.resume();
  });
}
document.getElementById('notify').addEventListener('click', async () => {
  try {
    const answer = await Notification.requestPermission();
    permission = answer === 'granted' || answer === 'denied' ? answer : await readPermission();
  } finally {
    showNotifyState();
  }
});

(async () => {
  const me = await (await api('/me')).json();
  timeZone = me.timeZone;
  clockOffset = Date.parse(me.now) - Date.now();
  document.getElementById('me').textContent = person(me.user);
  permission = await readPermission();
  showNotifyState();
  await Promise.all([loadQueue(), loadHistory(), loadLocations().then(loadBookings)]);
  setInterval(tick, 30000);
  const events = new EventSource('/console/api/events');
  events.onmessage = async (e) => {
    const data = JSON.parse(e.data);
    await loadQueue();
    if (current && data.ticketId === current) await openTicket(current);
    if (data.type === 'changed') await loadHistory();
    await loadBookings();
  };
})();
