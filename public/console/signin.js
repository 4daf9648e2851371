'use strict';
document.getElementById('signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = document.getElementById('error');
  error.textContent = '';
  const res = await fetch('/console/api/signin', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: document.getElementById('user').value, password: document.getElementById('password').value }),
  });
  if (res.ok) {
    location.href = '/console';
  } else if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after')) || 60;
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    error.textContent = `Te veel pogingen. Probeer het over ${minutes === 1 ? 'een minuut' : `${minutes} minuten`} opnieuw.`;
  } else if (res.status === 403) {
    error.textContent = 'Inloggen kan alleen vanaf deze pagina.';
  } else {
    error.textContent = 'Naam of wachtwoord klopt niet.';
  }
});
