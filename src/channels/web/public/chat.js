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

  // The conversation is kept for the browser tab (sessionStorage), so a reload or a return within
  // the token's lifetime goes on with the same conversation (the transcript, a booking and its
  // reference, "verwijder mijn gegevens") instead of a new one. Closing the tab forgets it.
  var SESSION_KEY = 'fysio-assistent.session';
  // Set just before the page restarts itself, so the new page can say why.
  var NOTICE_KEY = 'fysio-assistent.notice';

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

  function forget(notice) {
    try {
      window.sessionStorage.removeItem(SESSION_KEY);
      if (notice) window.sessionStorage.setItem(NOTICE_KEY, notice);
    } catch (e) {
      // Nothing kept, nothing to forget.
    }
  }

  function takeNotice() {
    try {
      var notice = window.sessionStorage.getItem(NOTICE_KEY);
      window.sessionStorage.removeItem(NOTICE_KEY);
      return notice;
    } catch (e) {
      return null;
    }
  }

  function showNotice(text) {
    var notice = document.getElementById('chat-notice');
    notice.textContent = text;
    notice.hidden = false;
  }

  /** Starts over: a fresh page without the kept conversation, optionally saying why. */
  var leaving = false;
  function startOver(notice) {
    leaving = true;
    forget(notice);
    window.location.reload();
  }

  /**
   * The saved conversation with a refreshed token; 'expired' when the server no longer accepts
   * its token; null when it cannot be resumed for another reason (Azure's Direct Line, a network error).
   */
  async function resumed(saved) {
    // Only the bot's own Direct Line: its refresh proves the token still holds.
    if (saved.domain) return null;
    var response = await fetch(config.directLinePath + '/tokens/refresh', {
      method: 'POST', headers: { Authorization: 'Bearer ' + saved.token }, credentials: 'omit', cache: 'no-store',
    });
    if (response.status === 401 || response.status === 403) return 'expired';
    if (!response.ok) return null;
    var fresh = await response.json();
    return { token: fresh.token, conversationId: saved.conversationId, userId: saved.userId, resumed: true };
  }

  // Web Chat's minimal bundle (half the full one's weight) has no Markdown renderer of its own.
  // The bot's Markdown is small: paragraphs, line breaks, "- " lists, **bold**, web addresses,
  // and backslash escapes around a patient's own words. Everything is HTML-escaped first, so
  // no text can add markup of its own.
  var ESCAPED = /\\([\\`*_{}\[\]()#+\-.!|<>~])/g;
  var LIST_ITEM = /^\s*[-*+]\s+(.*)$/;
  var NUMBERED_ITEM = /^\s*\d{1,3}[.)]\s+(.*)$/;

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function inline(text) {
    var kept = [];
    var protectedText = text.replace(ESCAPED, function (_, c) {
      kept.push(c);
      return '\u0000' + (kept.length - 1) + '\u0000';
    });
    var html = escapeHtml(protectedText)
      .replace(/\*\*(?=\S)([^\u0000]*?\S)\*\*/g, '<strong>$1</strong>')
      .replace(/\bhttps?:\/\/[^\s<\u0000]+/g, function (url) {
        var tail = /[.,;:!?)]+$/.exec(url);
        var href = tail ? url.slice(0, -tail[0].length) : url;
        return '<a href="' + href + '" target="_blank" rel="noopener noreferrer">' + href + '</a>' + (tail ? tail[0] : '');
      });
    return html.replace(/\u0000(\d+)\u0000/g, function (_, i) {
      return escapeHtml(kept[Number(i)]);
    });
  }

  function renderMarkdown(markdown) {
    var html = '';
    (markdown || '').replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).forEach(function (block) {
      var lines = block.split('\n');
      var i = 0;
      while (i < lines.length) {
        var kind = LIST_ITEM.test(lines[i]) ? 'ul' : NUMBERED_ITEM.test(lines[i]) ? 'ol' : 'p';
        var pattern = kind === 'ul' ? LIST_ITEM : NUMBERED_ITEM;
        var run = [];
        while (i < lines.length && (kind === 'p' ? !LIST_ITEM.test(lines[i]) && !NUMBERED_ITEM.test(lines[i]) : pattern.test(lines[i]))) {
          run.push(kind === 'p' ? lines[i] : pattern.exec(lines[i])[1]);
          i += 1;
        }
        if (kind === 'p') {
          var text = run.map(function (l) { return inline(l.trim()); }).filter(Boolean).join('<br>');
          if (text) html += '<p>' + text + '</p>';
        } else {
          html += '<' + kind + '>' + run.map(function (l) { return '<li>' + inline(l.trim()) + '</li>'; }).join('') + '</' + kind + '>';
        }
      }
    });
    return html;
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

  /** The conversation to show: the tab's own when it still holds, else a new one; and why, when it is new. */
  async function chosenSession() {
    var notice = takeNotice();
    var saved = savedSession();
    var found = saved && (await resumed(saved).catch(function () { return null; }));
    if (found === 'expired') notice = 'expired';
    if (!found || found === 'expired') found = await newSession();
    return { session: found, notice: notice };
  }

  /** Web Chat's bundle, which loads after this small script (the page lists this one first). */
  function webChatLoaded() {
    return new Promise(function (resolve, reject) {
      if (window.WebChat) return resolve();
      var bundle = document.getElementById('webchat-bundle');
      bundle.addEventListener('load', function () { resolve(); });
      bundle.addEventListener('error', function () { reject(new Error('Web Chat did not load')); });
    });
  }

  async function start() {
    // The conversation is fetched while Web Chat's bundle is still on its way: on a slow phone
    // network that saves the token's round trip before the first message.
    var both = await Promise.all([chosenSession(), webChatLoaded()]);
    var session = both[0].session;
    if (!window.WebChat) throw new Error('Web Chat did not load');
    keep(session);
    if (both[0].notice === 'expired') showNotice(config.strings.expired);

    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      // Azure's Direct Line when the server exchanged a secret, otherwise the bot's own.
      domain: session.domain || location.origin + config.directLinePath,
      webSocket: false,
      conversationId: session.resumed ? session.conversationId : undefined,
    });

    // A token that expired while the page stayed open (a laptop asleep): start over with the note
    // instead of leaving Web Chat's connection error. A network that is down is left to Web Chat.
    directLine.connectionStatus$.subscribe(function (status) {
      if (status !== 3 && status !== 4 && status !== 5) return;
      var current = savedSession();
      if (!current || current.domain) return;
      resumed(current).then(function (result) {
        if (result === 'expired') startOver('expired');
      }, function () {});
    });

    // Direct Line refreshes its token while the chat runs; the tab keeps the newest, so a reload
    // half an hour later still finds the conversation.
    function keepCurrent() {
      if (leaving) return;
      keep({ token: directLine.token || session.token, conversationId: session.conversationId, userId: session.userId, domain: session.domain });
    }
    directLine.activity$.subscribe(keepCurrent);
    window.addEventListener('pagehide', keepCurrent);

    var restart = document.getElementById('chat-new');
    restart.hidden = false;
    restart.addEventListener('click', function () {
      startOver(null);
    });

    host.textContent = '';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: session.userId,
        locale: config.locale,
        nonce: config.nonce,
        overrideLocalizedStrings: config.overrideLocalizedStrings,
        renderMarkdown: renderMarkdown,
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
