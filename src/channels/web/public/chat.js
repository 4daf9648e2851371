// The practice's chat page: fetches a Direct Line token from this server and starts Web Chat.
// A separate file (no inline script) so the page's Content-Security-Policy can forbid inline code.
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var host = document.getElementById('webchat');
  var brand = config.brandColor;

  // Set through the CSSOM, which the policy allows (an inline style attribute would not be).
  document.documentElement.style.setProperty('--brand', brand);

  function showProblem() {
    host.textContent = '';
    var p = document.createElement('p');
    p.className = 'chat-status';
    p.setAttribute('role', 'alert');
    p.textContent = config.strings.unavailable;
    host.appendChild(p);
  }

  // The conversation is kept for the browser tab (sessionStorage), so a reload goes on with the
  // same conversation (a booking halfway, "verwijder mijn gegevens") instead of a new one.
  var SESSION_KEY = 'fysio-assistent.session';

  function savedSession() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
      return saved && saved.token && saved.conversationId && saved.userId ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function keep(session) {
    try {
      window.sessionStorage.setItem(SESSION_KEY, JSON.stringify({
        token: session.token, conversationId: session.conversationId, userId: session.userId, domain: session.domain || null,
      }));
    } catch (e) {
      // Storage refused (private mode): the chat works, a reload starts afresh.
    }
  }

  async function resumed(saved) {
    // Only the bot's own Direct Line: its refresh proves the token still holds.
    if (saved.domain) return null;
    var response = await fetch(config.directLinePath + '/tokens/refresh', {
      method: 'POST', headers: { Authorization: 'Bearer ' + saved.token }, credentials: 'omit', cache: 'no-store',
    });
    if (!response.ok) return null;
    var fresh = await response.json();
    return { token: fresh.token, conversationId: saved.conversationId, userId: saved.userId, resumed: true };
  }

  async function newSession() {
    var response = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) throw new Error('no token: ' + response.status);
    return response.json();
  }

  async function start() {
    if (!window.WebChat) throw new Error('Web Chat did not load');
    var saved = savedSession();
    var session = (saved && (await resumed(saved).catch(function () { return null; }))) || (await newSession());
    keep(session);

    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      // Azure's Direct Line when the server exchanged a secret, otherwise the bot's own.
      domain: session.domain || location.origin + config.directLinePath,
      webSocket: false,
      conversationId: session.resumed ? session.conversationId : undefined,
    });

    host.textContent = '';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: session.userId,
        locale: config.locale,
        nonce: config.nonce,
        overrideLocalizedStrings: config.overrideLocalizedStrings,
        styleOptions: {
          accent: brand,
          backgroundColor: '#ffffff',
          bubbleBackground: '#f1f3f4',
          bubbleBorderWidth: 0,
          bubbleBorderRadius: 12,
          bubbleFromUserBackground: brand,
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderWidth: 0,
          bubbleFromUserBorderRadius: 12,
          suggestedActionLayout: 'flow',
          suggestedActionBorderColor: brand,
          suggestedActionTextColor: brand,
          suggestedActionBorderRadius: 16,
          sendBoxButtonColor: brand,
          hideUploadButton: true,
          maxMessageLength: config.maxMessageLength,
          rootHeight: '100%',
          rootWidth: '100%',
        },
      },
      host,
    );
  }

  start().catch(function () {
    showProblem();
  });
})();
