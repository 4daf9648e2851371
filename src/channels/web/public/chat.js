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
   * Asks the bot's own Direct Line about a kept token: the answer (with a fresh token) when it
   * still holds; 'expired' when the server no longer accepts it; null when it cannot be asked
   * (Azure's Direct Line, a network error).
   */
  async function ask(saved, method, path) {
    if (saved.domain) return null;
    var response = await fetch(config.directLinePath + path, {
      method: method, headers: { Authorization: 'Bearer ' + saved.token }, credentials: 'omit', cache: 'no-store',
    });
    if (response.status === 401 || response.status === 403) return 'expired';
    if (!response.ok) return null;
    return response.json();
  }

  /** Whether the kept token still holds, by refreshing it (nothing else changes on the server). */
  function resumed(saved) {
    return ask(saved, 'POST', '/tokens/refresh');
  }

  /**
   * The kept conversation, reconnected: the service opens it again if it no longer had it in
   * memory (and tells the bot), and the answer carries a fresh token, so this one call both
   * proves the token and prepares the conversation for reading.
   */
  async function reconnected(saved) {
    var answer = await ask(saved, 'GET', '/conversations/' + encodeURIComponent(saved.conversationId) + '?watermark=');
    if (!answer || answer === 'expired') return answer;
    return { token: answer.token, expiresIn: answer.expires_in, conversationId: saved.conversationId, userId: saved.userId, resumed: true };
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

  /**
   * The bot's first messages, shown as soon as the page's own script has read them: on a slow
   * phone network Web Chat's bundle arrives a second or more later. A provisional transcript
   * of the bot's text only; buttons and cards need Web Chat and come with it. Not a live region:
   * Web Chat's own live region reads the same messages out when it gets them, and a screen
   * reader would otherwise hear the greeting twice.
   */
  function earlyTranscript() {
    var box = document.createElement('div');
    box.className = 'chat-early';
    var log = document.createElement('div');
    log.className = 'chat-early__log';
    box.appendChild(log);
    var status = document.getElementById('chat-status');
    host.insertBefore(box, host.firstChild);
    if (status) box.appendChild(status);
    return {
      element: box,
      /** Shows the bot's messages after the patient's last one (all of them in a new conversation). */
      show: function (activities, userId) {
        var start = 0;
        activities.forEach(function (activity, i) {
          if (fromPatient(activity, userId)) start = i + 1;
        });
        activities.slice(start).forEach(function (activity) {
          if (activity.type !== 'message' || fromPatient(activity, userId) || typeof activity.text !== 'string' || !activity.text.trim()) return;
          var bubble = document.createElement('div');
          bubble.className = 'chat-early__bubble';
          if (activity.textFormat === 'plain') {
            bubble.classList.add('chat-early__bubble--plain');
            bubble.textContent = activity.text;
          } else {
            bubble.innerHTML = renderMarkdown(activity.text);
          }
          log.appendChild(bubble);
        });
        return log.childNodes.length > 0;
      },
    };
  }

  function fromPatient(activity, userId) {
    var from = activity.from || {};
    return from.role === 'user' || from.id === userId;
  }

  /**
   * Keeps the provisional transcript over Web Chat until Web Chat shows the conversation itself:
   * between its first render and its first message the transcript would otherwise be empty for
   * half a second on a slow phone. Then the provisional one goes, so the greeting shows once.
   */
  function handOver(early, surface) {
    early.element.classList.add('chat-early--over');
    host.appendChild(early.element);
    var done = false;
    function finish() {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(guard);
      early.element.remove();
    }
    var observer = new MutationObserver(function () {
      if (surface.querySelector('.webchat__basic-transcript__activity')) finish();
    });
    observer.observe(surface, { childList: true, subtree: true });
    // Web Chat shows what it was given; should it not (a connection refused), it shows why.
    var guard = setTimeout(finish, 5000);
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
    var found = saved && (await reconnected(saved).catch(function () { return null; }));
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

  // Direct Line's connection states, as Web Chat reads them.
  var CONNECTING = 1;
  var ONLINE = 2;
  var EXPIRED_TOKEN = 3;
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;
  /** How often the conversation is asked for new activities; Direct Line's own client does the same. */
  var POLL_MS = 1000;

  /** An Observable as Web Chat uses one: subscribe with an observer or with functions; unsubscribe. */
  function observable(onSubscribe) {
    return {
      subscribe: function (observerOrNext, error, complete) {
        var observer = typeof observerOrNext === 'function'
          ? { next: observerOrNext, error: error, complete: complete }
          : observerOrNext || {};
        var closed = false;
        var teardown = onSubscribe({
          next: function (value) { if (!closed && observer.next) observer.next(value); },
          error: function (err) { if (!closed) { closed = true; if (observer.error) observer.error(err); } },
          complete: function () { if (!closed) { closed = true; if (observer.complete) observer.complete(); } },
        });
        return {
          unsubscribe: function () {
            if (closed) return;
            closed = true;
            if (typeof teardown === 'function') teardown();
          },
          get closed() { return closed; },
        };
      },
    };
  }

  function remove(list, item) {
    var at = list.indexOf(item);
    if (at >= 0) list.splice(at, 1);
  }

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  /**
   * Web Chat's connection to the bot's own Direct Line (the same REST calls as Direct Line's own
   * client, polling). It opens the conversation and reads the bot's welcome as soon as it is
   * made, while Web Chat's bundle is still on its way: on a slow phone network that takes the
   * conversation's start and the first read off the wait for the first message. Web Chat then
   * gets everything received so far when it subscribes. A resumed conversation (already
   * reconnected, see reconnected()) is read from its start, so the transcript shows again.
   */
  function localDirectLine(session, onToken) {
    var conversations = config.directLinePath + '/conversations';
    var conversationUrl = conversations + '/' + encodeURIComponent(session.conversationId);
    var token = session.token;
    var watermark = '';
    var status = 0;
    var statusObservers = [];
    var received = [];
    var activityObservers = [];
    var connecting = false;
    var ended = false;
    var pollTimer = null;
    var refreshTimer = null;
    var polling = false;
    var pollAgain = false;

    function setStatus(next) {
      if (status === next || status === ENDED) return;
      status = next;
      statusObservers.slice().forEach(function (o) { o.next(next); });
    }

    /** One call with the current token; rejects with the HTTP status when the answer is not 2xx. */
    function call(method, path, body) {
      var used = token;
      var headers = { Authorization: 'Bearer ' + used };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      return fetch(path, {
        method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', cache: 'no-store',
      }).then(function (response) {
        if (!response.ok) {
          var err = new Error('Direct Line answered ' + response.status);
          err.status = response.status;
          // Refused while a renewed token was on its way: the next call has the new one.
          err.staleToken = used !== token;
          throw err;
        }
        return response.json();
      });
    }

    /** A network that drops a request is tried again a few times; an answer of the service is not. */
    function retried(attempt, tries) {
      return attempt().catch(function (err) {
        if (err.status || tries <= 1) throw err;
        return wait(1000).then(function () { return retried(attempt, tries - 1); });
      });
    }

    function isExpired(err) {
      return (err.status === 401 || err.status === 403) && !err.staleToken;
    }

    function read() {
      return call('GET', conversationUrl + '/activities?watermark=' + encodeURIComponent(watermark)).then(function (answer) {
        if (answer.watermark) watermark = answer.watermark;
        (answer.activities || []).forEach(function (activity) {
          received.push(activity);
          activityObservers.slice().forEach(function (o) { o.next(activity); });
        });
      });
    }

    function keepTokenFresh(expiresInSeconds) {
      clearTimeout(refreshTimer);
      if (ended) return;
      // Halfway through its life, as Direct Line's own client renews well before the end.
      var seconds = Math.max(30, (Number(expiresInSeconds) || 1800) / 2);
      refreshTimer = setTimeout(function () {
        call('POST', config.directLinePath + '/tokens/refresh').then(function (fresh) {
          token = fresh.token;
          onToken(token);
          keepTokenFresh(fresh.expires_in);
        }, function (err) {
          if (isExpired(err)) setStatus(EXPIRED_TOKEN);
          else keepTokenFresh(60);
        });
      }, seconds * 1000);
    }

    /** Reads new activities now (after a message: the bot's reply is stored before its answer comes) and then every POLL_MS. */
    function poll() {
      clearTimeout(pollTimer);
      if (ended) return;
      if (polling) {
        pollAgain = true;
        return;
      }
      polling = true;
      read().then(function () {
        polling = false;
        if (pollAgain) {
          pollAgain = false;
          poll();
        } else {
          pollTimer = setTimeout(poll, POLL_MS);
        }
      }, function (err) {
        polling = false;
        if (isExpired(err)) setStatus(EXPIRED_TOKEN);
        // A network that comes and goes (a train): keep asking, a little less often.
        else pollTimer = setTimeout(poll, POLL_MS * 3);
      });
    }

    // Started now, not when Web Chat subscribes: the conversation (the service has run the bot's
    // welcome once it answers) and what it holds so far.
    var opened = (session.resumed
      ? Promise.resolve({ expires_in: session.expiresIn })
      : retried(function () { return call('POST', conversations); }, 3)
    ).then(function (answer) {
      if (answer.token) {
        token = answer.token;
        onToken(token);
      }
      keepTokenFresh(answer.expires_in);
      return retried(read, 3);
    }).then(function () {
      return received.slice();
    });
    // Seen through the connection status once Web Chat subscribes; not an unhandled rejection before.
    opened.catch(function () {});

    function connect() {
      if (connecting) return;
      connecting = true;
      setStatus(CONNECTING);
      opened.then(function () {
        setStatus(ONLINE);
        pollTimer = setTimeout(poll, POLL_MS);
      }, function (err) {
        setStatus(isExpired(err) ? EXPIRED_TOKEN : FAILED_TO_CONNECT);
      });
    }

    return {
      get token() { return token; },
      /** Everything the conversation held when it was first read (before Web Chat subscribes). */
      opened: opened,
      // Like Direct Line's own client: the current state at once, then every change.
      connectionStatus$: observable(function (observer) {
        statusObservers.push(observer);
        observer.next(status);
        return function () { remove(statusObservers, observer); };
      }),
      // Web Chat subscribes twice (to connect, then to read); each subscriber gets everything
      // received so far and then what comes. Web Chat keeps an activity once by its id.
      activity$: observable(function (observer) {
        activityObservers.push(observer);
        received.slice().forEach(function (activity) { observer.next(activity); });
        connect();
        return function () { remove(activityObservers, observer); };
      }),
      postActivity: function (activity) {
        return observable(function (observer) {
          call('POST', conversationUrl + '/activities', activity).then(function (answer) {
            observer.next(answer.id);
            observer.complete();
            poll();
          }, function (err) {
            if (isExpired(err)) setStatus(EXPIRED_TOKEN);
            observer.error(err);
          });
        });
      },
      end: function () {
        ended = true;
        clearTimeout(pollTimer);
        clearTimeout(refreshTimer);
        setStatus(ENDED);
      },
    };
  }

  async function start() {
    var loaded = webChatLoaded();
    loaded.catch(function () {});
    var early = earlyTranscript();
    var rendered = false;
    var shownEarly = false;
    var chosen = await chosenSession();
    var session = chosen.session;
    keep(session);
    // The tab keeps the newest token, so a reload half an hour later still finds the conversation.
    function keepToken(token) {
      if (!leaving) keep({ token: token, conversationId: session.conversationId, userId: session.userId, domain: session.domain });
    }
    // The bot's own Direct Line is opened at once, while Web Chat's bundle still downloads.
    var local = session.domain ? null : localDirectLine(session, keepToken);
    if (local) {
      local.opened.then(function (activities) {
        if (!rendered) shownEarly = early.show(activities, session.userId);
      }, function () {});
    }
    await loaded;
    if (!window.WebChat) throw new Error('Web Chat did not load');
    if (chosen.notice === 'expired') showNotice(config.strings.expired);

    // Azure's Direct Line when the server exchanged a secret: through Web Chat's own client.
    var directLine = local || window.WebChat.createDirectLine({ token: session.token, domain: session.domain, webSocket: false });
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

    function keepCurrent() {
      keepToken(directLine.token || session.token);
    }
    // Web Chat's own client renews its token unseen: it is read again with each activity.
    // (Subscribing here would start the bot's own connection before Web Chat listens to it.)
    if (!local) directLine.activity$.subscribe(keepCurrent);
    window.addEventListener('pagehide', keepCurrent);

    var restart = document.getElementById('chat-new');
    restart.hidden = false;
    restart.addEventListener('click', function () {
      startOver(null);
    });

    rendered = true;
    host.textContent = '';
    // Web Chat in a container of its own: its first render replaces whatever is in its container.
    var surface = document.createElement('div');
    surface.className = 'chat-surface';
    host.appendChild(surface);
    if (shownEarly) handOver(early, surface);
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
      surface,
    );
  }

  start().catch(function () {
    showProblem();
  });
})();
