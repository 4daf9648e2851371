import type { TurnContext } from 'botbuilder';
import {
  ChoicePrompt, ChoiceFactory, type FoundChoice, type PromptOptions, type PromptRecognizerResult, type PromptValidator,
} from 'botbuilder-dialogs';

/**
 * A ChoicePrompt that knows the patient's other ways of saying a choice ("neen", "klopt" for
 * yes) itself, by the choice's value, instead of carrying them in its options. botbuilder keeps
 * a prompt's options in the dialog state, which is read, parsed, serialised and written on every
 * turn; with the yes/no synonyms in them, a booking conversation's state was 1.4 KB, 40 % of it
 * those lists. Choices that bring their own synonyms (a conversation saved by an older
 * version) keep them.
 */
export class SynonymChoicePrompt extends ChoicePrompt {
  constructor(
    dialogId: string,
    validator: PromptValidator<FoundChoice> | undefined,
    defaultLocale: string,
    private readonly synonymsOf: (value: string) => string[] | undefined,
  ) {
    super(dialogId, validator, defaultLocale);
  }

  protected override onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    const choices = ChoiceFactory.toChoices(options.choices).map((c) => (c.synonyms ? c : { ...c, synonyms: this.synonymsOf(c.value) }));
    return super.onRecognize(context, state, { ...options, choices });
  }
}
