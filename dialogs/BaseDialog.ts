import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import {
  ComponentDialog, ListStyle, TextPrompt, type Choice as BotChoice, type FoundChoice, type PromptValidatorContext,
} from 'botbuilder-dialogs';
import { SUPPORTED_LOCALES, type Locale } from '../src/config/AppConfig';
import type { Checked, DetailProblem } from '../src/booking/PatientDetails';
import { turnLocaleOf } from '../src/bot/TurnLocale';
import type { Choice, Reply } from '../src/conversation/Reply';
import type { DialogDeps } from './DialogDeps';
import { CHOICE_PROMPT, TOO_MANY_TRIES } from './dialogIds';
import { SynonymChoicePrompt } from './SynonymChoicePrompt';

/**
 * Choices for the choice prompt, each a button that sends its own text. The value is all a
 * choice keeps: botbuilder makes the same button from it, and the prompt's options (with the
 * choices) are saved in the dialog state on every turn.
 */
export function buttonChoices(values: string[]): BotChoice[] {
  return values.map((value) => ({ value }));
}

/**
 * Shared plumbing of the fysio-assistent dialogs: the conversation's locale, sentences from the
 * locale files, sending channel-independent replies, and prompts created with the Dutch culture.
 */
export abstract class BaseDialog extends ComponentDialog {
  private yesNoWords?: Map<string, string[]>;

  constructor(id: string, protected readonly deps: DialogDeps) {
    super(id);
  }

  /** The conversation's locale, as the bot settled it for this turn. */
  protected async locale(context: TurnContext): Promise<Locale> {
    const settled = turnLocaleOf(context);
    if (settled) return settled;
    const memory = await this.deps.memory.get(context, { misses: 0 });
    return memory.locale ?? this.deps.knowledge.practice.defaultLocale;
  }

  /** A sentence; the practice's name, phone and privacy page are the translator's defaults. */
  protected t(locale: Locale, key: string, vars?: Record<string, unknown>): string {
    return this.deps.translator.t(locale, key, vars);
  }

  protected async send(context: TurnContext, reply: Reply, locale: Locale): Promise<void> {
    await context.sendActivity(this.deps.renderer.render(reply, locale, context.activity.channelId));
  }

  /** A prompt activity: text plus choices as buttons (typed answers still work). */
  protected promptActivity(text: string, locale: Locale, channelId: string, choices?: Choice[]): Partial<Activity> {
    return { ...this.deps.renderer.render({ text, choices }, locale, channelId), type: ActivityTypes.Message, inputHint: 'expectingInput' };
  }

  /** The Dutch-culture choice prompt, its options shown as suggested actions, yes and no understood as the patient says them. */
  protected addChoicePrompt(): void {
    const validator = async (pc: PromptValidatorContext<FoundChoice>) => {
      if (pc.recognized.succeeded) return true;
      const locale = await this.locale(pc.context);
      await this.send(pc.context, { text: this.t(locale, 'booking.choiceRetry') }, locale);
      return false;
    };
    const prompt = new SynonymChoicePrompt(CHOICE_PROMPT, validator, 'nl-nl', (value) => this.yesNoSynonyms().get(value));
    prompt.style = ListStyle.suggestedAction;
    prompt.recognizerOptions = { noValue: false, noAction: false, recognizeNumbers: true, recognizeOrdinals: true };
    this.addDialog(prompt);
  }

  /**
   * A free-text prompt that checks the answer, re-prompts with a message specific to what is
   * wrong, and after three invalid answers gives up with {@link TOO_MANY_TRIES} so the dialog can
   * offer a person.
   */
  protected addCheckedTextPrompt(id: string, check: (text: string) => Checked<string>, messages: Partial<Record<DetailProblem, string>>): void {
    this.addDialog(
      new TextPrompt(id, async (pc: PromptValidatorContext<string>) => {
        const result = check(pc.recognized.value ?? '');
        if (result.ok) {
          pc.recognized.value = result.value;
          return true;
        }
        if (pc.attemptCount >= 3) {
          pc.recognized.value = TOO_MANY_TRIES;
          return true;
        }
        const locale = await this.locale(pc.context);
        const key = messages[result.problem] ?? messages.format!;
        await this.send(pc.context, { text: this.t(locale, key) }, locale);
        return false;
      }),
    );
  }

  /** Yes/no choices, understood as the patient says them (see {@link addChoicePrompt}); the first choice (index 0) is yes. */
  protected yesNo(locale: Locale): { choices: BotChoice[] } {
    return { choices: buttonChoices([this.t(locale, 'answers.yes'), this.t(locale, 'answers.no')]) };
  }

  /** The yes and no buttons' texts in every locale, with the patient's other ways of saying them. */
  private yesNoSynonyms(): Map<string, string[]> {
    if (!this.yesNoWords) {
      const { intents } = this.deps.knowledge;
      this.yesNoWords = new Map();
      for (const locale of SUPPORTED_LOCALES) {
        this.yesNoWords.set(this.t(locale, 'answers.yes'), intents.yes?.exact ?? []);
        this.yesNoWords.set(this.t(locale, 'answers.no'), intents.no?.exact ?? []);
      }
    }
    return this.yesNoWords;
  }
}
