import type { Activity } from 'botbuilder';
import { buildTestApp, testAdapterFor } from './helpers/testApp';
it('walks', async () => {
  const { app } = await buildTestApp({ LOG_LEVEL: 'warn' });
  const adapter = testAdapterFor(app, 'nl-NL');
  const texts = ['<script>alert(1)</script> sinds maart', 'Jan de Vries', '14-03-1961', '0612345678', 'geen'];
  let yesNo = 0;
  let msg: Partial<Activity> = { type: 'message', text: 'afspraak maken' };
  for (let i = 0; i < 40; i++) {
    const before = adapter.activeQueue.length;
    await adapter.processActivity(msg);
    const replies = adapter.activeQueue.splice(before);
    const actions = replies.flatMap((r) => r.suggestedActions?.actions ?? []);
    console.log(i, JSON.stringify(msg.text), '=>', replies.map((r) => (r.text ?? '').slice(0, 70)).join(' | '), actions.map((a) => a.title).join(','), replies.some((r) => r.attachments?.length) ? 'CARD' : '');
    if (replies.some((r) => /<script/i.test(JSON.stringify(r)))) { console.log('ECHO'); break; }
    const titles = actions.map((a) => String(a.value));
    if (titles.some((t) => /^ja$/i.test(t)) && titles.some((t) => /^nee$/i.test(t))) {
      msg = { type: 'message', text: yesNo++ === 0 ? 'Ja' : 'Nee' };
    } else if (actions.length) msg = { type: 'message', text: String(actions[0].value) };
    else msg = { type: 'message', text: texts.shift() ?? 'geen' };
  }
  await app.close();
}, 60000);
