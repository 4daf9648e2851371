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
    error.textContent = 'Te veel pogingen. Probeer het over een minuut opnieuw.';
  } else {
    error.textContent = 'Naam of wachtwoord klopt niet.';
  }
});
