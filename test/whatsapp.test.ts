import { parseConfig, type AppConfig } from '../src/config';
import { createServer, type Server as HttpServer } from 'node:http';
import restify from 'restify';
import { ActionTypes, TurnContext, type ConversationReference } from 'botbuilder';
import type { App } from '../src/app/createApp';
import {
  OutsideServiceWindowError, registerWhatsAppRoutes, signWhatsAppBody, WhatsAppActivityRenderer, WhatsAppAdapter, whatsAppNumberOf,
  type WhatsAppWebhook,
} from '../src/channels/whatsapp';
import { I18nextTranslator } from '../src/i18n/Translator';
import { createLogger } from '../src/logging/Logger';
import { FixedClock } from '../src/util/Clock';
import { buildTestApp, LogSink } from './helpers/testApp';

/** What the fake Graph API received. */
interface GraphRequest {
  path: string;
  authorization?: string;
  body: {
    messaging_product: string;
    to: string;
    type: string;
    text?: { body: string };
    interactive?: {
      type: 'button' | 'list';
      body: { text: string };
      action: { buttons?: { reply: { id: string; title: string } }[]; button?: string; sections?: { rows: { id: string; title: string }[] }[] };
    };
  };
}

/** A stand-in for graph.facebook.com on 127.0.0.1: records every request; answers like Meta. */
class FakeGraph {
  readonly requests: GraphRequest[] = [];
  /** Recipients for which the fake answers with this Graph error instead. */
  readonly failures = new Map<string, { status: number; code: number }>();
  private readonly server: HttpServer;
  private count = 0;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphRequest['body'];
        this.requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
        const failure = this.failures.get(body.to);
        res.setHeader('content-type', 'application/json');
        if (failure) {
          res.statusCode = failure.status;
          res.end(JSON.stringify({ error: { message: `(#${failure.code}) cannot send to ${body.to}`, type: 'OAuthException', code: failure.code, fbtrace_id: 'Atrace' } }));
          return;
        }
        this.count += 1;
        res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.out.${this.count}` }] }));
      });
    });
  }

  listen(): Promise<string> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(this.server.address() as { port: number }).port}`)));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(number: string): GraphRequest[] {
    return this.requests.filter((r) => r.body.to === number);
  }
}

const SECRET = 'app-secret-for-tests';
const VERIFY = 'verify-token-for-tests';
const ACCESS = 'access-token-for-tests';
const PHONE_NUMBER_ID = '109876543210';

/** Patients' numbers; each test uses its own so conversations do not mix. */
const N = {
  roundTrip: '31612345601',
  button: '31612345602',
  buttons: '31612345608',
  duplicate: '31612345603',
  proactive: '32471234504',
  graphDown: '31612345605',
  image: '31612345606',
  numbered: '31612345607',
  booking: '31612345609',
};

const graph = new FakeGraph();
const sink = new LogSink();
const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
const references = new Map<string, Partial<ConversationReference>>();
let app: App;
let adapter: WhatsAppAdapter;
let webhook: WhatsAppWebhook;
let whatsAppConfig: NonNullable<AppConfig['whatsapp']>;
let base: string;
let messageCount = 0;

beforeAll(async () => {
  const graphUrl = await graph.listen();
  // The app is built without WhatsApp settings so this test can mount the channel itself, with
  // a logic wrapper that keeps conversation references and its own clock.
  ({ app } = await buildTestApp({}, undefined, sink));
  const config = (whatsAppConfig = parseConfig({
    WHATSAPP_VERIFY_TOKEN: VERIFY, WHATSAPP_APP_SECRET: SECRET, WHATSAPP_ACCESS_TOKEN: ACCESS,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID, WHATSAPP_GRAPH_URL: `${graphUrl}/v21.0`,
  }).whatsapp!);
  const logger = createLogger(app.config.logLevel, sink);
  adapter = new WhatsAppAdapter({ config, logger, translator: new I18nextTranslator('locales'), defaultLocale: 'nl-NL', clock });
  // As createApp wires it: the bot's own turn-error handler (apology, clean dialog stack).
  adapter.onTurnError = app.adapter.onTurnError;
  webhook = registerWhatsAppRoutes(app.server.server, {
    config, adapter, logger, clock,
    logic: async (context) => {
      // What the receptionist console will do at handoff: keep the reference for a later reply.
      references.set(context.activity.conversation.id, TurnContext.getConversationReference(context.activity));
      await app.bot.run(context);
    },
  });
  base = `http://127.0.0.1:${await app.server.listen()}`;
});

afterAll(async () => {
  await app.close();
  await graph.close();
});

/** A webhook body as Meta sends it for one message from `from`. */
function envelope(from: string, message: Record<string, unknown>, id = `wamid.in.${++messageCount}`): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: 'WABA_ID',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '31201234567', phone_number_id: PHONE_NUMBER_ID },
          contacts: [{ profile: { name: 'Jolanda Verbeek' }, wa_id: from }],
          messages: [{ from, id, timestamp: String(Math.floor(clock.now().getTime() / 1000)), ...message }],
        },
      }],
    }],
  };
}
const text = (from: string, body: string) => envelope(from, { type: 'text', text: { body } });
const buttonReply = (from: string, id: string, title: string) =>
  envelope(from, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });

/** POSTs a webhook body signed as Meta would (or not), then waits until its messages are handled. */
async function deliver(body: unknown, signature: 'good' | 'bad' | 'none' = 'good', url = base, hook = webhook): Promise<number> {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature === 'good') headers['x-hub-signature-256'] = signWhatsAppBody(raw, SECRET);
  if (signature === 'bad') headers['x-hub-signature-256'] = signWhatsAppBody(raw, 'not-the-app-secret');
  const res = await fetch(`${url}/api/whatsapp`, { method: 'POST', headers, body: raw });
  await res.arrayBuffer();
  await hook.settled();
  return res.status;
}

const texts = (requests: GraphRequest[]) => requests.map((r) => r.body.text?.body ?? r.body.interactive?.body.text ?? '');
const rowsOf = (r: GraphRequest) => r.body.interactive?.action.sections?.[0].rows.map((row) => row.title) ?? [];

describe('WhatsApp webhook verification (GET /api/whatsapp)', () => {
  it('answers the challenge as plain text for the right verify token', async () => {
    const res = await fetch(`${base}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it.each([
    ['a wrong verify token', `hub.mode=subscribe&hub.verify_token=wrong-token-123&hub.challenge=42`],
    ['no verify token', `hub.mode=subscribe&hub.challenge=42`],
    ['another mode', `hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=42`],
    ['no challenge', `hub.mode=subscribe&hub.verify_token=${VERIFY}`],
    ['no query at all', ''],
  ])('refuses %s with 403', async (_name, query) => {
    const res = await fetch(`${base}/api/whatsapp?${query}`);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('42');
  });
});

describe('WhatsApp webhook signature (POST /api/whatsapp)', () => {
  it.each([
    ['a signature made with another secret', 'bad'],
    ['no signature', 'none'],
  ] as const)('refuses %s with 401 and processes nothing', async (_name, signature) => {
    const before = graph.requests.length;
    expect(await deliver(text(N.roundTrip, 'mag ik sporten met knieartrose?'), signature)).toBe(401);
    expect(graph.requests.length).toBe(before);
  });

  it('refuses a body that was changed after signing, and malformed signature headers', async () => {
    const before = graph.requests.length;
    const signed = JSON.stringify(text(N.roundTrip, 'hallo'));
    const tampered = signed.replace('hallo', 'hoi');
    for (const header of [signWhatsAppBody(signed, SECRET), 'sha256=', 'sha1=abc', signWhatsAppBody(signed, SECRET).toUpperCase().slice(0, 40)]) {
      const res = await fetch(`${base}/api/whatsapp`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': header }, body: tampered,
      });
      expect(res.status).toBe(401);
    }
    await webhook.settled();
    expect(graph.requests.length).toBe(before);
  });

  it('answers 400 to a signed body that is not a WhatsApp webhook, and to malformed JSON', async () => {
    expect(await deliver({ object: 'page', entry: [] })).toBe(400);
    expect(await deliver([1, 2, 3])).toBe(400);
    const raw = '{"object": "whatsapp_business_account", ';
    const res = await fetch(`${base}/api/whatsapp`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsAppBody(raw, SECRET) }, body: raw,
    });
    expect(res.status).toBe(400);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('WhatsApp conversations through the real bot', () => {
  it('answers a question, then offers the follow-ups as a list message', async () => {
    expect(await deliver(text(N.roundTrip, 'mag ik sporten met knieartrose?'))).toBe(200);
    const sent = graph.to(N.roundTrip);
    expect(sent.length).toBe(2);
    for (const r of sent) {
      expect(r.path).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`);
      expect(r.authorization).toBe(`Bearer ${ACCESS}`);
      expect(r.body.messaging_product).toBe('whatsapp');
    }
    expect(sent[0].body.type).toBe('text');
    expect(sent[0].body.text?.body).toMatch(/wandelen|fietsen/);
    const list = sent[1];
    expect(list.body.type).toBe('interactive');
    expect(list.body.interactive?.type).toBe('list');
    expect(list.body.interactive?.body.text).toMatch(/meer over weten/);
    expect(list.body.interactive?.action.button?.length).toBeLessThanOrEqual(20);
    expect(rowsOf(list)).toEqual(expect.arrayContaining(['Bewegen of rusten?', 'Helpt afvallen?']));
    for (const title of rowsOf(list)) expect(title.length).toBeLessThanOrEqual(24);
  });

  it('takes a typed number as the choice with that number in the last list', async () => {
    const before = graph.to(N.roundTrip).length;
    const first = rowsOf(graph.to(N.roundTrip)[1])[0];
    expect(first).toBe('Bewegen of rusten?');
    expect(await deliver(text(N.roundTrip, '1'))).toBe(200);
    const answer = graph.to(N.roundTrip)[before];
    expect(answer.body.text?.body).toMatch(/bewegen is veilig/i);
  });

  it('confirms a booking typed in WhatsApp with a WhatsApp message: reference, time, address and how to cancel', async () => {
    const typed = [
      'ik wil graag een afspraak maken', 'ja hoor', 'mijn knie', 'rechts', 'sinds de zomer', 'nee',
      ...app.knowledge.screening['nl-NL'].questions.map(() => 'nee'),
      'de eerste', 'Jolanda Verbeek', '14 maart 1961', '06 12345678', 'geen', 'ja',
    ];
    for (const message of typed) expect(await deliver(text(N.booking, message))).toBe(200);
    const bodies = graph.to(N.booking).map((r) => r.body.text?.body ?? r.body.interactive?.body.text ?? '');
    const confirmation = bodies.find((b) => /Je afspraak is bevestigd/.test(b));
    expect(confirmation).toMatch(/referentie is [A-Z0-9]{3}-[A-Z0-9]{3}/);
    expect(confirmation).toMatch(/\w+dag \d+ \w+ om \d\d:\d\d/);
    expect(confirmation).toMatch(/Voorbeeldstraat 12/);
    expect(confirmation).toMatch(/afspraak annuleren/);
    // No e-mail was given (and none configured): nothing promised.
    expect(confirmation).not.toMatch(/e-mail/);
  });

  it('answers a tapped reply button with that topic', async () => {
    expect(await deliver(buttonReply(N.button, 'Helpt afvallen?', 'Helpt afvallen?'))).toBe(200);
    const sent = graph.to(N.button);
    expect(sent[0].body.text?.body).toMatch(/afvallen|gewicht|kilo/i);
    expect(sent[0].body.text?.body).not.toMatch(/wandelen, stevig doorwandelen/);
  });

  it('renders three short choices as reply buttons, and a tapped button is understood', async () => {
    expect(await deliver(text(N.buttons, 'xq zzv blorp'))).toBe(200);
    const last = graph.to(N.buttons).at(-1)!;
    expect(last.body.interactive?.type).toBe('button');
    const buttons = last.body.interactive?.action.buttons ?? [];
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const b of buttons) {
      expect(b.reply.title.length).toBeLessThanOrEqual(20);
      expect(b.reply.id.length).toBeLessThanOrEqual(256);
    }
    const rephrase = buttons.find((b) => /anders vragen/i.test(b.reply.title))!;
    const before = graph.to(N.buttons).length;
    expect(await deliver(buttonReply(N.buttons, rephrase.reply.id, rephrase.reply.title))).toBe(200);
    expect(texts(graph.to(N.buttons).slice(before))[0]).toMatch(/andere manier/);
  });

  it('processes a message delivered twice only once', async () => {
    const body = text(N.duplicate, 'helpt afvallen bij knieartrose?');
    expect(await deliver(body)).toBe(200);
    const once = graph.to(N.duplicate).length;
    expect(once).toBeGreaterThan(0);
    expect(await deliver(body)).toBe(200);
    expect(graph.to(N.duplicate).length).toBe(once);
  });

  it('accepts status callbacks and sends nothing for them', async () => {
    const before = graph.requests.length;
    const status = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA_ID', changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp', metadata: { display_phone_number: '31201234567', phone_number_id: PHONE_NUMBER_ID },
        statuses: [{ id: 'wamid.out.1', status: 'read', timestamp: '1795000000', recipient_id: N.roundTrip }],
      } }] }],
    };
    expect(await deliver(status)).toBe(200);
    expect(graph.requests.length).toBe(before);
  });

  it('tells a patient who sends a photo that only text can be read', async () => {
    expect(await deliver(envelope(N.image, { type: 'image', image: { id: 'media-1', mime_type: 'image/jpeg' } }))).toBe(200);
    const sent = graph.to(N.image);
    expect(sent.length).toBe(1);
    expect(sent[0].body.text?.body).toMatch(/alleen tekstberichten/);
  });

  it('keeps answering 200 and logs when the Graph API fails, without crashing', async () => {
    graph.failures.set(N.graphDown, { status: 500, code: 2 });
    expect(await deliver(text(N.graphDown, 'mag ik sporten met knieartrose?'))).toBe(200);
    expect(graph.to(N.graphDown).length).toBeGreaterThan(0);
    expect(sink.lines.some((l) => l.includes('whatsapp_send_failed') && l.includes('"status":500'))).toBe(true);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    graph.failures.delete(N.graphDown);
    expect(await deliver(text(N.graphDown, 'helpt afvallen bij knieartrose?'))).toBe(200);
    expect(graph.to(N.graphDown).at(-1)!.body.type).toBe('interactive');
  });
});

describe('numbered-text fallback', () => {
  it('numbers more than ten choices, and maps the typed number back to the choice', async () => {
    const received: string[] = [];
    const titles = Array.from({ length: 12 }, (_, i) => `Onderwerp ${i + 1}`);
    const server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    const logger = createLogger('trace', sink);
    const config = whatsAppConfig;
    const own = new WhatsAppAdapter({ config, logger, translator: new I18nextTranslator('locales'), defaultLocale: 'nl-BE', clock });
    const hook = registerWhatsAppRoutes(server, {
      config, adapter: own, logger, clock,
      logic: async (context) => {
        received.push(context.activity.text ?? '');
        await context.sendActivity({
          type: 'message', text: 'Kies:', locale: 'nl-BE',
          suggestedActions: { to: [], actions: titles.map((t, i) => ({ type: ActionTypes.ImBack, title: t, value: `waarde-${i + 1}` })) },
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      expect(await deliver(text(N.numbered, 'hallo'), 'good', url, hook)).toBe(200);
      const menu = graph.to(N.numbered).at(-1)!;
      expect(menu.body.type).toBe('text');
      expect(menu.body.text?.body).toContain('1. Onderwerp 1');
      expect(menu.body.text?.body).toContain('12. Onderwerp 12');
      expect(menu.body.text?.body).toMatch(/Typ het nummer/);
      expect(await deliver(text(N.numbered, '1'), 'good', url, hook)).toBe(200);
      expect(await deliver(text(N.numbered, ' 12. '), 'good', url, hook)).toBe(200);
      expect(await deliver(text(N.numbered, '13'), 'good', url, hook)).toBe(200);
      expect(received).toEqual(['hallo', 'waarde-1', 'waarde-12', '13']);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('proactive messages and the 24-hour service window', () => {
  it('sends a receptionist reply inside the window, refuses and reports it outside', async () => {
    expect(await deliver(text(N.proactive, 'ik wil graag teruggebeld worden'))).toBe(200);
    const conversationId = adapter.conversationIdFor(N.proactive);
    const reference = references.get(conversationId)!;
    expect(reference.conversation?.id).toBe(conversationId);
    expect(JSON.stringify({ id: reference.conversation?.id, user: reference.user?.id })).not.toContain(N.proactive);
    expect(whatsAppNumberOf(reference)).toBe(N.proactive);

    clock.advance(23 * 60 * 60 * 1000);
    expect(adapter.isWithinServiceWindow(conversationId)).toBe(true);
    const before = graph.to(N.proactive).length;
    await adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('De fysiotherapeut belt je morgen om 10 uur.');
    });
    expect(texts(graph.to(N.proactive).slice(before))).toEqual(['De fysiotherapeut belt je morgen om 10 uur.']);

    clock.advance(2 * 60 * 60 * 1000);
    expect(adapter.isWithinServiceWindow(conversationId)).toBe(false);
    const after = graph.to(N.proactive).length;
    await expect(
      adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity('Nog een bericht');
      }),
    ).rejects.toBeInstanceOf(OutsideServiceWindowError);
    const result = await adapter.sendProactive(reference, 'Nog een bericht');
    expect(result).toMatchObject({ sent: false, reason: 'outside-service-window' });
    expect(graph.to(N.proactive).length).toBe(after);

    // The patient writes again: the window opens again.
    expect(await deliver(text(N.proactive, 'hallo?'))).toBe(200);
    expect(adapter.isWithinServiceWindow(conversationId)).toBe(true);
    expect(await adapter.sendProactive(reference, 'Fijn, we bellen je zo.')).toMatchObject({ sent: true });
  });

  it('reports Meta refusing a message outside the window (error 131047) as outside the window', async () => {
    const reference = references.get(adapter.conversationIdFor(N.proactive))!;
    graph.failures.set(N.proactive, { status: 400, code: 131047 });
    expect(await adapter.sendProactive(reference, 'Nog iets')).toMatchObject({ sent: false, reason: 'outside-service-window' });
    graph.failures.set(N.proactive, { status: 401, code: 190 });
    expect(await adapter.sendProactive(reference, 'Nog iets')).toEqual({ sent: false, reason: 'send-failed', status: 401, code: 190 });
    graph.failures.delete(N.proactive);
  });

  it('will not send to a number that does not belong to the conversation', async () => {
    const reference = references.get(adapter.conversationIdFor(N.proactive))!;
    const forged = { ...reference, user: { ...reference.user!, properties: { waId: '31699999999' } } };
    await expect(adapter.sendProactive(forged, 'hallo')).rejects.toThrow(TypeError);
    expect(graph.to('31699999999').length).toBe(0);
  });
});

describe('WhatsApp rendering limits', () => {
  const renderer = new WhatsAppActivityRenderer(new I18nextTranslator('locales'));
  const choice = (title: string, value = title) => ({ type: ActionTypes.ImBack, title, value });
  const render = (text: string, actions: ReturnType<typeof choice>[]) =>
    renderer.render({ type: 'message', text, suggestedActions: { to: [], actions } }, 'nl-NL');

  it('sends a long answer as text first when it does not fit in an interactive message', () => {
    const long = 'Zin over artrose. '.repeat(80);
    const { messages } = render(long, [choice('Ja'), choice('Nee')]);
    expect(messages.map((m) => m.type)).toEqual(['text', 'interactive']);
    const last = messages[1];
    expect(last.type === 'interactive' && last.interactive.body.text).toBe('Maak een keuze:');
  });

  it('splits text over 4096 characters at word boundaries', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `woord${i}`).join(' ');
    const { messages } = render(words, []);
    expect(messages.length).toBeGreaterThan(1);
    const bodies = messages.map((m) => (m.type === 'text' ? m.text.body : ''));
    for (const b of bodies) expect(b.length).toBeLessThanOrEqual(4096);
    expect(bodies.join(' ')).toBe(words);
  });

  it('uses a list for a title over 20 characters, numbers for one over 24 or for duplicate titles', () => {
    const list = render('Kies', [choice('Een titel van 22 tekens')]).messages[0];
    expect(list.type === 'interactive' && list.interactive.type).toBe('list');
    const numbered = render('Kies', [choice('Een titel die langer is dan 24')]).messages[0];
    expect(numbered.type === 'text' && numbered.text.body).toContain('1. Een titel die langer is dan 24');
    const twice = render('Kies', [choice('Ja', 'a'), choice('Ja', 'b')]).messages[0];
    expect(twice.type).toBe('text');
  });

  it('replaces values too long for a button id by numbered ids', () => {
    const { messages, choices } = render('Kies', [choice('Lang', 'x'.repeat(300)), choice('Kort')]);
    const m = messages[0];
    const ids = m.type === 'interactive' && m.interactive.type === 'button' ? m.interactive.action.buttons.map((b) => b.reply.id) : [];
    expect(ids).toEqual(['choice:1', 'choice:2']);
    expect(choices[0].value).toBe('x'.repeat(300));
  });
});

describe('WhatsApp logs', () => {
  it('never contain a patient number, a message text or a profile name', () => {
    const all = sink.lines.join('\n');
    expect(all).toMatch(/whatsapp_webhook/);
    expect(all).toMatch(/whatsapp_send_failed/);
    for (const number of Object.values(N)) expect(all).not.toContain(number);
    for (const said of ['sporten met knieartrose', 'teruggebeld', 'Jolanda', 'belt je morgen', 'xq zzv blorp']) expect(all).not.toContain(said);
  });
});

describe('a flooding sender', () => {
  it('gets at most the per-minute number of messages processed; Meta still gets 200', async () => {
    const handled: string[] = [];
    const server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    const logger = createLogger('trace', sink);
    const own = new WhatsAppAdapter({ config: whatsAppConfig, logger, translator: new I18nextTranslator('locales'), defaultLocale: 'nl-NL', clock });
    const hook = registerWhatsAppRoutes(server, {
      config: whatsAppConfig, adapter: own, logger, clock, perSenderPerMinute: 3,
      logic: async (context) => void handled.push(context.activity.text ?? ''),
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push(await deliver(text('31612345699', `bericht ${i}`), 'good', url, hook));
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(handled).toEqual(['bericht 0', 'bericht 1', 'bericht 2']);
    } finally {
      server.close();
    }
  });
});
