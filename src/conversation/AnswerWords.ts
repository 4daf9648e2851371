import { SUPPORTED_LOCALES } from '../config/AppConfig';
import type { Translator } from '../i18n/Translator';
import { foldAndSplit } from '../understanding/TextNormalizer';

/** How many words a way of asking what the question means may say after its opening ("what do you mean by that, then"). */
const WHAT_MEANT_MORE = 3;
/** How many words a message that says it is going badly without a word for oneself may have ("it is going very badly"). */
const GOING_BADLY_ALONE = 4;
/** How many words a message that says it is going badly may have to count as saying only that ("it is really going very badly with me"). */
const GOING_BADLY_WORDS = 8;
/** Fields of a booking a patient can ask to change from the summary. */
export const CHANGEABLE_FIELDS = ['time', 'complaint', 'name', 'birthDate', 'phone', 'email'] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

/** The patient's details, as a message can name them to correct one. */
export const DETAIL_FIELDS = ['name', 'birthDate', 'phone', 'email'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** Where a message names one of the patient's details ("my surname is ..."): which, and from which token on the value may follow. */
export interface DetailNamed {
  field: DetailField;
  /** The part of a name it names: the first name or the surname. */
  part?: 'first' | 'last';
  /** The index, in the message's tokens as typed (split at white space), of the token after the detail's word. */
  next: number;
  /** The detail's word ends with a colon ("number: ..."): what follows is the value. */
  colon: boolean;
}

const POSITIONS = ['first', 'second', 'third', 'fourth', 'fifth', 'last'] as const;
const COMPLAINT_WORDS = ['hip', 'knee', 'left', 'right', 'bothSides', 'relative'] as const;

/** Which joint and side a message already names (an appointment "for my right knee"). */
export interface ComplaintHint {
  joint?: 'hip' | 'knee';
  side?: 'left' | 'right' | 'both';
  /** The appointment is for a relative of the writer ("for my mother", the Flemish "our mum wants one"), not for the writer. */
  forOther?: true;
  /** The word the writer called that relative by, folded ("mother", "mum"), to ask about them by it. */
  relative?: string;
  /**
   * A relative who wants an appointment too, beside the writer's own ("I'd like an appointment,
   * my mother wants one too"): the word the writer called them by, folded. The booking is the
   * writer's; that one is made afterwards, in a booking of its own.
   */
  alsoFor?: string;
}

/** What a message sent in the middle of a booking corrects of the answers given before it. */
export interface Correction {
  joint?: 'hip' | 'knee';
  side?: 'left' | 'right' | 'both';
  forOther?: true;
  relative?: string;
  /** It says it corrects ("no wait", "after all", "I mean"), or it is nothing but the new answer ("right"). */
  marked: boolean;
  /** Every word is a joint, a side, a relative or a filler: "the right knee", "for my father". */
  bare: boolean;
}

/**
 * The words patients type instead of pressing a button (`booking.words` in the locale files):
 * yes and no, positions ("the first", "the right one"), back, later, resume, skipping an
 * optional field, and which detail to change. The lists of every locale are merged: a Dutch
 * patient of a Flemish practice uses the Dutch words, a Flemish one of a Dutch practice the
 * Flemish ones. Matching is on folded text (lowercase, no accents or punctuation), whole
 * phrases only.
 */
export class AnswerWords {
  private readonly yes: Set<string>;
  private readonly no: Set<string>;
  private readonly fillers: Set<string>;
  private readonly positions = new Map<string, (typeof POSITIONS)[number]>();
  private readonly back: Set<string>;
  private readonly park: Set<string>;
  private readonly resume: Set<string>;
  private readonly resumeVerbs: string[];
  private readonly resumeObjects: Set<string>;
  private readonly resumeGap: Set<string>;
  private readonly withoutCode: string[];
  private readonly codeWords: string[];
  private readonly mistake: string[];
  private readonly meant: string[];
  private readonly skip: Set<string>;
  private readonly changeTriggers: Set<string>;
  private readonly questionWords: Set<string>;
  private readonly unsure: string[];
  /** Words that leave not knowing as it is ("still", "really"): `booking.words.unsureFillers`. */
  private readonly unsureFillers: Set<string>;
  /** A partial yes ("a bit", "sometimes", "I think so"): `booking.words.partlyYes`. */
  private readonly partlyYes: string[];
  /** A no that leaves room for a yes ("not really", "hardly"): `booking.words.hedgedNo`. */
  private readonly hedgedNo: string[];
  /** The crisis question's other half ("it is going very badly", "I'm having a hard time"): `booking.words.goingBadly`. */
  private readonly goingBadly: string[];
  /** Sadness or despair without words of a crisis ("so sad", "nobody helps me"): `booking.words.distress`. */
  private readonly distress: string[];
  /** Having lost heart or wish ("no wish for anything any more"): `booking.words.lostHeart`. */
  private readonly lostHeart: string[];
  /** Words that take an opening no back ("no, sometimes I do"): `booking.words.takeBack`. */
  private readonly takeBack: Set<string>;
  /** Words of correcting oneself in an answer ("after all", "wait"): `booking.words.selfCorrection`. */
  private readonly selfCorrection: string[];
  /** Those of them that break the answer off ("wait", "I mean"), where the next part begins: `booking.words.selfCorrectionBreak`. */
  private readonly correctionBreaks: string[];
  /** Words that break the answer off when a yes or no follows them ("yes, or no"), which stays: `booking.words.selfCorrectionOr`. */
  private readonly correctionOr: ReadonlySet<string>;
  /** Words for oneself ("myself", "with me"): beside a joint, going badly is still about the patient. */
  private readonly selfWords: string[];
  private readonly reassured: string[];
  /** The reassured phrases and the ways of saying one was misread (`booking.words.misread`), longest first. */
  private readonly misread: string[];
  private readonly practical: string[];
  /** A burden of the body: pain, a joint, the stairs (`booking.words.bodyBurden`). */
  private readonly bodyBurden: string[];
  /** Words that make such a message more than a burden of the body (`booking.words.bodyBurdenUnless`). */
  private readonly bodyBurdenUnless: string[];
  /** Being done with it, said alone (`booking.words.fedUp`). */
  private readonly fedUp: ReadonlySet<string>;
  private readonly life: string[];
  private readonly correctionMarkers: Set<string>;
  private readonly sentenceWords: Set<string>;
  private readonly possessives: Set<string>;
  /** Words before "my father" that make an appointment his ("of", "for"): `booking.words.ofOther`. */
  private readonly ofOther: Set<string>;
  private readonly correctionFillers: Set<string>;
  private readonly negations: Set<string>;
  private readonly clauseBreaks: Set<string>;
  private readonly changeWords = new Map<string, ChangeableField>();
  private readonly complaintWords = new Map<(typeof COMPLAINT_WORDS)[number], string[]>();
  private readonly nameParts = new Map<string, 'first' | 'last'>();
  private readonly valueIntros: Set<string>;
  private readonly valueEnds: Set<string>;
  private readonly verdicts: Set<string>;
  private readonly askBack: string[];
  private readonly forOtherBefore: Set<string>;
  private readonly forOtherWants: Set<string>;
  /** "She", "he": the relative named in an earlier clause, as the one who wants to come. */
  private readonly forOtherPronoun: Set<string>;
  /** Titles before a name ("Mrs", "Mr"): `booking.words.nameTitle`. */
  private readonly nameTitles: string[];
  private readonly self: Set<string>;
  private readonly also: Set<string>;
  private readonly and: Set<string>;
  private readonly wait: Set<string>;
  private readonly anyTime: string[];
  private readonly goOn: Set<string>;
  /** Words of impatience with the questions ("this takes too long"): `booking.words.impatience`. */
  private readonly impatience: string[];
  /** Signs that say yes or okay: `booking.words.yesSigns`. */
  private readonly yesSigns: Set<string>;
  private readonly duration: Set<string>;
  private readonly softStop: Set<string>;
  /** Words that lead into an aside before a question ("and by the way"): `booking.words.asideLeads`, longest first. */
  private readonly asideLeads: string[];
  /** Small words before what was meant ("the", "with my"): `booking.words.meantFillers`. */
  private readonly meantFillers: ReadonlySet<string>;
  /** Ways of asking what the question on screen means ("what do you mean?"): `booking.words.whatMeant`. */
  private readonly whatMeant: string[];
  /** Yes words that say yes only alone ("good", "indeed"): after a no ("no, but the left one is good") they are no yes. */
  private readonly yesOnlyAlone: Set<string>;
  private readonly bookingOffer: Set<string>;
  /** Phrases that invite to book in this chat anywhere in an answer (`booking.words.bookingInvite`). */
  private readonly bookingInvites: string[];
  /** Words that join an inviting clause to the rest of its sentence (`booking.words.bookingInviteJoin`). */
  private readonly inviteJoins: Set<string>;
  /** The plain yes and no words an answer opens with (not "ok", "no one", "not"): `booking.words.answerOpeners`. */
  private readonly answerOpeners: Set<string>;
  private readonly detailFillers: Set<string>;
  /** Words that may stand before a no and leave it one ("haha no"): `booking.words.noBefore`. */
  private readonly noBefore: Set<string>;
  /** Phrases that may follow a no and leave it one ("no sorry", "no, I'm all right"): `booking.words.noAfter`, longest first. */
  private readonly noAfter: string[];
  /** Thanks or a refusal after a no ("no thanks", "rather not"): `booking.words.noThanks`. */
  private readonly noThanks: string[];
  /** Words for the patient's data ("details", "data"): `booking.words.dataNouns`. */
  private readonly dataNouns: string[];
  /** Words of taking data away ("gone", "delete"): `booking.words.dataGone`. */
  private readonly dataGone: string[];
  /** Phrases that take a no to the crisis question back ("actually yes after all"): `booking.words.noTakenBack`. */
  private readonly noTakenBack: string[];
  /** Phrases of an appointment one has already ("I already have one booked"): `booking.words.alreadyBooked`. */
  private readonly alreadyBooked: string[];
  /** What a privacy question is about ("my details", "my messages"): `booking.words.privacyNouns`. */
  private readonly privacyNouns: string[];
  /** What a privacy question asks is done with it (kept, read, shared): `booking.words.privacyVerbs`. */
  private readonly privacyVerbs: string[];
  /** Words that make a privacy question of a sentence anywhere in it ("I'd like to know who ..."): `booking.words.privacyAsks`. */
  private readonly privacyAsks: string[];
  /** Words for a referral: `booking.words.referralWords`. */
  private readonly referralWords: string[];
  /** Ways of asking for a call back: `booking.words.callback`. */
  private readonly callbackWords: string[];
  /** Words that make a callback word a complaint, not a request ("nobody ever calls back"): `booking.words.callbackNobody`. */
  private readonly callbackNobody: Set<string>;
  /** Who says they will call ("I", "we"): `booking.words.willCall.who`. */
  private readonly willCallWho: Set<string>;
  /** Calling ("call", "ring"): `booking.words.willCall.verbs`. */
  private readonly willCallVerbs: Set<string>;
  /** Words of being called instead ("me", "back"): `booking.words.willCall.not`. */
  private readonly willCallNot: Set<string>;

  constructor(translator: Translator) {
    const list = (key: string) => new Set(SUPPORTED_LOCALES.flatMap((l) => translator.list(l, `booking.words.${key}`)).map(fold));
    this.yes = list('yes');
    this.no = list('no');
    this.yesSigns = new Set(SUPPORTED_LOCALES.flatMap((l) => translator.list(l, 'booking.words.yesSigns')).map(bareSign));
    this.answerOpeners = list('answerOpeners');
    this.fillers = list('fillers');
    this.back = list('back');
    this.park = list('park');
    this.resume = list('resume');
    this.resumeVerbs = [...list('resumeVerbs')].filter(Boolean);
    this.resumeObjects = list('resumeObjects');
    this.resumeGap = list('resumeGap');
    this.withoutCode = [...list('withoutCode')].filter(Boolean);
    this.codeWords = [...list('codeWords')].filter(Boolean);
    this.mistake = [...list('mistake')].filter(Boolean);
    this.meant = [...list('meant')].filter(Boolean);
    this.skip = list('skip');
    this.changeTriggers = list('change.trigger');
    this.questionWords = list('questionWords');
    this.unsure = [...list('unsure')].filter(Boolean);
    this.unsureFillers = list('unsureFillers');
    this.partlyYes = [...list('partlyYes')].filter(Boolean);
    this.hedgedNo = [...list('hedgedNo')].filter(Boolean);
    this.goingBadly = [...list('goingBadly')].filter(Boolean);
    this.lostHeart = [...list('lostHeart')].filter(Boolean);
    this.distress = [...list('distress')].filter(Boolean);
    this.impatience = [...list('impatience')].filter(Boolean);
    this.takeBack = list('takeBack');
    // Longest first: "after all rather" is stripped whole, not its first word only.
    this.selfCorrection = [...list('selfCorrection')].sort((a, b) => b.length - a.length);
    this.correctionBreaks = [...list('selfCorrectionBreak')];
    this.correctionOr = list('selfCorrectionOr');
    this.selfWords = [...list('selfWords')].filter(Boolean);
    this.reassured = [...list('reassured')].filter(Boolean);
    // Longest first: "so I did not mean it" is taken out whole before "so I meant", leaving no negation behind.
    this.misread = [...new Set([...this.reassured, ...list('misread')])].filter(Boolean).sort((a, b) => b.length - a.length);
    this.practical = [...list('practical')].filter(Boolean);
    this.life = [...list('life')].filter(Boolean);
    this.bodyBurden = [...list('bodyBurden')].filter(Boolean);
    this.bodyBurdenUnless = [...list('bodyBurdenUnless')].filter(Boolean);
    this.fedUp = list('fedUp');
    this.correctionMarkers = list('correction');
    this.sentenceWords = list('sentence');
    this.possessives = list('possessive');
    this.ofOther = list('ofOther');
    this.correctionFillers = list('correctionFillers');
    this.negations = list('negation');
    this.clauseBreaks = list('clauseBreak');
    for (const p of POSITIONS) for (const w of list(`positions.${p}`)) this.positions.set(w, p);
    for (const part of ['first', 'last'] as const) for (const w of list(`namePart.${part}`)) this.nameParts.set(w, part);
    this.valueIntros = list('valueIntro');
    this.valueEnds = list('valueEnd');
    this.verdicts = list('verdict');
    this.askBack = [...list('askBack')].filter(Boolean);
    this.forOtherBefore = list('forOtherBefore');
    this.forOtherWants = list('forOtherWants');
    this.forOtherPronoun = list('forOtherPronoun');
    this.nameTitles = [...list('nameTitle')].filter(Boolean).sort((a, b) => b.length - a.length);
    this.self = list('self');
    this.also = list('also');
    this.and = list('and');
    this.wait = list('wait');
    this.anyTime = [...list('anyTime')].filter(Boolean);
    this.goOn = list('goOn');
    this.duration = list('duration');
    this.softStop = list('softStop');
    this.meantFillers = list('meantFillers');
    this.asideLeads = [...list('asideLeads')].filter(Boolean).sort((a, b) => b.split(' ').length - a.split(' ').length);
    this.whatMeant = [...list('whatMeant')].filter(Boolean);
    this.yesOnlyAlone = list('yesOnlyAlone');
    this.bookingOffer = list('bookingOffer');
    this.bookingInvites = [...list('bookingInvite')].filter(Boolean);
    this.inviteJoins = list('bookingInviteJoin');
    this.detailFillers = list('detailFillers');
    this.noBefore = list('noBefore');
    this.noAfter = [...list('noAfter')].filter(Boolean).sort((a, b) => b.split(' ').length - a.split(' ').length);
    this.noTakenBack = [...list('noTakenBack')].filter(Boolean);
    this.noThanks = [...list('noThanks')].filter(Boolean);
    this.dataNouns = [...list('dataNouns')].filter(Boolean);
    this.dataGone = [...list('dataGone')].filter(Boolean);
    this.alreadyBooked = [...list('alreadyBooked')].filter(Boolean);
    this.privacyNouns = [...list('privacyNouns')].filter(Boolean);
    this.privacyVerbs = [...list('privacyVerbs')].filter(Boolean);
    this.privacyAsks = [...list('privacyAsks')].filter(Boolean);
    this.referralWords = [...list('referralWords')].filter(Boolean);
    this.callbackWords = [...list('callback')].filter(Boolean);
    this.callbackNobody = list('callbackNobody');
    this.willCallWho = list('willCall.who');
    this.willCallVerbs = list('willCall.verbs');
    this.willCallNot = list('willCall.not');
    for (const f of CHANGEABLE_FIELDS) for (const w of list(`change.${f}`)) if (!this.changeWords.has(w)) this.changeWords.set(w, f);
    // A `*` is kept through folding: it marks where a word may go on (a side as the start of a compound, a joint anywhere in one).
    for (const k of COMPLAINT_WORDS) {
      this.complaintWords.set(k, SUPPORTED_LOCALES.flatMap((l) => translator.list(l, `booking.words.complaint.${k}`)).map((w) => w.split('*').map(fold).join('*')));
    }
    if (!this.yes.size || !this.no.size) throw new Error('locales: booking.words.yes and booking.words.no must not be empty');
  }

  /**
   * Whether the message opens with a word of yes or no ("no, that is not needed", "yes, …"): an
   * answer to something the bot asked, whatever follows it.
   */
  opensWithYesOrNo(text: string): boolean {
    return this.opener(text) !== undefined;
  }

  /** The yes or no word the message opens with ("no, a bit overdone of me" → no), if it opens with one. */
  opener(text: string): 'yes' | 'no' | undefined {
    const first = fold(text).split(' ')[0];
    if (!first || !this.answerOpeners.has(first)) return undefined;
    return this.no.has(first) ? 'no' : this.yes.has(first) ? 'yes' : undefined;
  }

  /** The whole message is a way of saying no ("no", "no thanks", "rather not"), with nothing after it. */
  isPlainNo(text: string): boolean {
    return this.no.has(fold(text));
  }

  /**
   * A no with nothing after it but words that leave it a no: a plain no ({@link isPlainNo}), or a
   * no word the message opens with (after a laugh: "haha no"), followed only by phrases of
   * `booking.words.noAfter` ("no sorry", "no, I'm all right"). A thirteenth patient-style test's
   * "no, mate", "haha no" and "no sorry" to the crisis question were asked about again, and the
   * name typed next got the crisis text.
   */
  saysNo(text: string): boolean {
    if (this.isPlainNo(text)) return true;
    const words = fold(text).split(' ').filter(Boolean);
    let i = 0;
    while (i < words.length && this.noBefore.has(words[i])) i++;
    const first = words[i];
    if (!first || !this.answerOpeners.has(first) || !this.no.has(first)) return false;
    for (i++; i < words.length; ) {
      const phrase = this.noAfter.find((p) => p.split(' ').every((w, k) => words[i + k] === w));
      if (phrase) i += phrase.split(' ').length;
      else if (this.no.has(words[i]) && this.answerOpeners.has(words[i])) i++;
      else return false;
    }
    return true;
  }

  /**
   * The message is a name typed as one ("Anna de Wit"): two to five words of letters, the first and
   * the last with a capital, no digit and no question. After the crisis question was asked twice,
   * only such a message goes on with the flow; a review found that any other words went on too,
   * despair among them ("what does it matter", "everything is pointless"), once even as the name.
   */
  looksLikeName(text: string): boolean {
    const words = text.trim().split(/\s+/);
    if (words.length < 2 || words.length > 5 || /[\d?]/.test(text)) return false;
    const capital = (w: string | undefined) => Boolean(w && /^\p{Lu}/u.test(w));
    return words.every((w) => /^[\p{L}'’-]+[.,]?$/u.test(w)) && capital(words[0]) && capital(words[words.length - 1]);
  }

  /**
   * The message takes back a no given to the crisis question ("well, actually yes, sometimes I do
   * think so", "yes after all"): a phrase of `booking.words.noTakenBack`. Not with a number: a
   * value typed for the question the flow asked again ("after all since 2 years") is that answer.
   */
  takesBackNo(text: string): boolean {
    return !/\d/.test(text) && hasPhrase(fold(text), this.noTakenBack);
  }

  /**
   * The message says the patient has an appointment already ("no thanks, I already have an
   * appointment", "mine is booked already"): a fact, not a request for one, though it names one.
   */
  saysAlreadyBooked(text: string): boolean {
    return hasPhrase(fold(text), this.alreadyBooked);
  }

  /**
   * The message asks for data to be taken away ("those details must go too"): a word for data and
   * one of removing, without a negation ("don't delete my details").
   */
  asksDataGone(text: string): boolean {
    const t = fold(text);
    return hasPhrase(t, this.dataNouns) && hasPhrase(t, this.dataGone) && !this.negates(t);
  }

  /** The message has a word of removing ("yes, delete it") and no question or negation: said to have something taken away. */
  asksRemoval(text: string): boolean {
    const t = fold(text);
    return hasPhrase(t, this.dataGone) && !this.isQuestion(text) && !this.negates(t);
  }

  /**
   * A question about what happens to what the patient tells ("what do you do with my details?",
   * "who can read my messages?"): a word for one's data or privacy and one of keeping, reading or
   * using it, asked as a question, and no word of removing it. Such a question was read as the
   * deletion, and a yes to being told deleted the data and cancelled the booking (a fifteenth
   * patient-style test); it is answered instead.
   */
  asksAboutPrivacy(text: string): boolean {
    const t = fold(text);
    if (!hasPhrase(t, this.privacyNouns) || !hasPhrase(t, this.privacyVerbs) || hasPhrase(t, this.dataGone)) return false;
    // A question by its mark or first word, or one that opens with what is done ("do you keep ...").
    return this.isQuestion(text) || this.privacyVerbs.includes(t.split(' ')[0]) || hasPhrase(t, this.privacyAsks);
  }

  /**
   * A short message that says it is going badly with the writer ("it is going badly with me"), not
   * with a joint or a practical matter: the crisis question's other half, said without being asked.
   */
  saysGoingBadly(text: string): boolean {
    const t = fold(text);
    const words = t.split(' ');
    if (words.length > GOING_BADLY_WORDS || !hasPhrase(t, this.goingBadly) || this.namesPractical(text)) return false;
    const aboutJoint = this.names(words, 'hip') || this.names(words, 'knee');
    // About the writer ("with me"), or that alone ("it is going badly"); "which exercise, I don't
    // know any more" is about something else.
    return !aboutJoint && (hasPhrase(t, this.selfWords) || words.length <= GOING_BADLY_ALONE);
  }

  /**
   * The message says the writer is sad or at a loss (`booking.words.distress`), in words that are
   * no crisis: the crisis net and rules read those first. An answer to it opens with a warm line.
   */
  saysDistress(text: string): boolean {
    return hasPhrase(fold(text), this.distress);
  }

  /**
   * The message says the writer has lost heart or wish (`booking.words.lostHeart`). The router
   * reads the same words as a treatment's use ("is there any point in taping"), so such a message,
   * asking nothing, has no sure topic: a fourteenth patient-style test got the answer on useless
   * treatments for it after a no to the crisis question.
   */
  saysLostHeart(text: string): boolean {
    return hasPhrase(fold(text), this.lostHeart);
  }

  /**
   * After a crisis text, a no that corrects it ("no, really", "haha no"): {@link saysNo} with more
   * than the bare word, and no thanks or refusal in it ("no thanks" declines the line offered:
   * `booking.words.noThanks`).
   */
  correctsWithNo(text: string): boolean {
    const t = fold(text);
    return this.saysNo(text) && t.split(' ').length > 1 && !hasPhrase(t, this.noThanks);
  }

  /** The locale lists' ways of saying yes ("yes", "right", "go ahead") or no ("no", "rather not"); anything else undefined. */
  yesNo(text: string): 'yes' | 'no' | undefined {
    const t = fold(text);
    if (!t) return this.isYesSign(text) ? 'yes' : undefined;
    if (this.yes.has(t)) return 'yes';
    if (this.no.has(t)) return 'no';
    return this.selfCorrected(text) ?? this.headYesNo(t);
  }

  /**
   * An answer that corrects itself ("no, yes after all, delete it all", "yes, no, rather not after
   * all", "no wait, yes"): its last part, where a word of correcting oneself is in the message and
   * its parts answer both ways. The head of the message alone took the first no (a review heard a
   * booking resumed after "no, yes after all, delete everything" at the deletion question). A part
   * counts when it is a yes or no as a whole or opens with one; "yes but no" stays unread.
   * A later part overrules the first answer only when it corrects: it comes right after a word
   * that breaks the answer off ("no wait, yes") or carries its own word of correcting ("yes, no
   * not after all"). A bare "yes" or "ok" trailing a clear no is a habit of speech, not a
   * correction: round 19's review saw "no, rather not after all, yes sorry" save a conversation.
   */
  private selfCorrected(text: string): 'yes' | 'no' | undefined {
    const t = fold(text);
    // Split at punctuation only: the clause breaks ("but", the Dutch word for "after all, yes") belong to the answer.
    const clauses = text.split(/[,;!?]|\.(?!\d)/);
    const opensWithOr = clauses.some((c) => {
      const [first, second] = fold(c).split(' ');
      return this.breaksOffBefore(first, second);
    });
    if (!hasPhrase(t, this.selfCorrection) && !opensWithOr) return undefined;
    // A break that ends a clause ("no wait, yes") carries over to the next one.
    const parts: { text: string; afterBreak: boolean }[] = [];
    let pending = false;
    for (const clause of clauses) {
      const split = this.splitAtCorrection(fold(clause));
      if (!split.parts.length) continue;
      if (pending) split.parts[0].afterBreak = true;
      parts.push(...split.parts);
      pending = split.endsWithBreak;
    }
    const answered = parts
      .map((p) => ({ answer: this.partAnswer(p.text), corrects: p.afterBreak || hasPhrase(p.text, this.selfCorrection) }))
      .filter((p): p is { answer: 'yes' | 'no'; corrects: boolean } => p.answer !== undefined);
    const answers = answered.map((p) => p.answer);
    if (!answers.includes('yes') || !answers.includes('no')) return undefined;
    const counted = answered.filter((p, i) => i === 0 || p.corrects);
    return counted[counted.length - 1].answer;
  }

  /** A part of a self-correcting answer as a yes or no: whole, after its word of correcting ("after all not"), or by the yes or no it opens with. */
  private partAnswer(part: string): 'yes' | 'no' | undefined {
    const lead = this.selfCorrection.find((m) => part.startsWith(`${m} `));
    const rest = lead ? part.slice(lead.length + 1) : part;
    for (const p of [part, rest]) {
      if (this.yes.has(p)) return 'yes';
      if (this.no.has(p)) return 'no';
    }
    return this.opener(rest) ? this.headYesNo(rest) : undefined;
  }

  /**
   * A folded clause split where a word of breaking off stands ("no wait yes" is "no" and "yes"),
   * without that word; each part says whether such a word stood right before it.
   */
  private splitAtCorrection(folded: string): { parts: { text: string; afterBreak: boolean }[]; endsWithBreak: boolean } {
    const words = folded.split(' ').filter(Boolean);
    const out: { words: string[]; afterBreak: boolean }[] = [{ words: [], afterBreak: false }];
    for (let i = 0; i < words.length; ) {
      const marker = this.correctionBreaks.find((m) => m.split(' ').every((w, k) => words[i + k] === w));
      // "yes, or no": an "or" that opens a clause breaks off, the no after it is the new answer ("yes or no" asks back).
      const or = !marker && i === 0 && this.breaksOffBefore(words[i], words[i + 1]);
      if (marker || or) out.push({ words: [], afterBreak: true });
      else out[out.length - 1].words.push(words[i]);
      i += marker ? marker.split(' ').length : 1;
    }
    const last = out[out.length - 1];
    return {
      parts: out.filter((p) => p.words.length > 0).map((p) => ({ text: p.words.join(' '), afterBreak: p.afterBreak })),
      endsWithBreak: last.afterBreak && last.words.length === 0,
    };
  }

  /** "or" right before a bare yes or no ("or no"): a word that breaks the answer off when it opens a clause. */
  private breaksOffBefore(word: string, next: string | undefined): boolean {
    return this.correctionOr.has(word) && next !== undefined && (this.yes.has(next) || this.no.has(next));
  }

  /** "yes, that is right", "no thanks": a yes or no phrase first, no word of the other kind after it. */
  private headYesNo(t: string): 'yes' | 'no' | undefined {
    const words = t.split(' ');
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const head = words.slice(0, n).join(' ');
      const rest = words.slice(n);
      if (this.yes.has(head) && !rest.some((w) => this.no.has(w))) return 'yes';
      if (this.no.has(head) && !rest.some((w) => this.yes.has(w) && !this.yesOnlyAlone.has(w))) return 'no';
    }
    return undefined;
  }

  /** The whole message is a way of saying yes or no ("rather not", "yes sure"), nothing more. */
  isYesOrNo(text: string): boolean {
    const t = fold(text);
    return this.yes.has(t) || this.no.has(t);
  }

  /**
   * A patient who does not know, or asks back, instead of answering yes or no: "I don't
   * know", "no idea" (whose negation words must not count as a no), "is that right?" (no yes).
   */
  isUnsure(text: string): boolean {
    if (text.trim().endsWith('?')) return true;
    return this.saysUnsure(text);
  }

  /**
   * The message says in words that the patient does not know ("not sure", "no idea"), also with
   * words that leave it as it is ("I still don't know": it got "I did not quite understand" at a
   * red-flag question in an eleventh patient-style test); a question mark alone does not count.
   */
  saysUnsure(text: string): boolean {
    const t = fold(text);
    return hasPhrase(t, this.unsure) || hasPhrase(this.withoutUnsureFillers(t), this.unsure);
  }

  /** The folded text without the words that leave not knowing as it is (`unsureFillers`). */
  private withoutUnsureFillers(folded: string): string {
    return folded.split(' ').filter((w) => !this.unsureFillers.has(w)).join(' ');
  }

  /**
   * How a message that hedges answers a red-flag question: a partial yes ("a bit", "sometimes",
   * "I think so", also in a sentence that goes on to tell more) is `yes`, for a sign that is
   * there a little is there. A partial yes beside a no or a negation ("a bit, but not warm"),
   * or a no that leaves room for a yes ("not really", "hardly"), is `doubt`: asked again, never
   * taken for a no. Undefined when the message does not hedge.
   */
  hedge(text: string): 'yes' | 'doubt' | undefined {
    const t = fold(text);
    if (hasPhrase(t, this.hedgedNo)) return 'doubt';
    if (!hasPhrase(t, this.partlyYes)) return undefined;
    return t.split(' ').some((w) => this.negations.has(w) || this.no.has(w)) ? 'doubt' : 'yes';
  }

  /**
   * An answer to the crisis question that is no no: a hedge ("sometimes", "a bit", "not really"),
   * not knowing ("I don't know"), or the question's other half ("it is going very badly"). Such an
   * answer gets the crisis text, on the safe side, as a yes does.
   */
  isCrisisHedge(text: string): boolean {
    const t = fold(text);
    const words = t.split(' ');
    // "It is going badly with my hip" speaks of the joint, not of the patient ("… and with myself" does).
    const aboutJoint = this.names(words, 'hip') || this.names(words, 'knee');
    const badly = hasPhrase(t, this.goingBadly) && (!aboutJoint || hasPhrase(t, this.selfWords));
    // A message that opens with a plain no has answered: its hedge words speak of something else
    // ("no, a bit overdone of me", "no, I don't know why you ask"; a review of round 15 found such
    // noes given the crisis text), unless it goes on to say it is going badly ("no, very badly"),
    // takes the no back ("no, sometimes I do", "no … maybe it is"), or says nothing but that it does
    // not know ("no, I don't know"; a second review).
    if (this.opener(text) === 'no') {
      const rest = words.slice(1).join(' ');
      return badly || (words.some((w) => this.takeBack.has(w)) && this.hedge(text) !== undefined) || this.unsure.includes(rest);
    }
    return this.hedge(text) !== undefined || this.saysUnsure(text) || badly;
  }

  /** A message that asks something: a question mark, or a question word first ("how long does it take"). */
  isQuestion(text: string): boolean {
    return text.includes('?') || this.questionWords.has(fold(text).split(' ')[0]);
  }

  isBack(text: string): boolean {
    return this.back.has(fold(text));
  }

  isPark(text: string): boolean {
    return this.park.has(fold(text));
  }

  /**
   * Going on with a flow set aside: one of the resume words alone ("go on"), or a sentence that
   * says to go on with, finish or pick up the appointment or booking (see {@link resumesBooking}).
   */
  isResume(text: string): boolean {
    return this.resume.has(fold(text)) || this.resumesBooking(text);
  }

  /**
   * A sentence that says to go on with, finish or pick up the appointment or booking: a verb of
   * going on (`booking.words.resumeVerbs`) with the appointment or booking (`resumeObjects`)
   * right before or after it, only small words (`resumeGap`: articles, possessives) between.
   * "Going on with cycling until my appointment" is a question about cycling, and a negation
   * ("not going on with it") or a long story is no resume.
   */
  resumesBooking(text: string): boolean {
    const words = fold(text).split(' ').filter(Boolean);
    if (!words.length || words.length > 12 || words.some((w) => this.negations.has(w))) return false;
    const object = (from: number, step: 1 | -1) => {
      let i = from;
      while (i >= 0 && i < words.length && this.resumeGap.has(words[i])) i += step;
      return i >= 0 && i < words.length && this.resumeObjects.has(words[i]);
    };
    return this.resumeVerbs.some((verb) => {
      const v = verb.split(' ');
      return words.some((_, i) => v.every((x, k) => words[i + k] === x) && (object(i + v.length, 1) || object(i - 1, -1)));
    });
  }

  /**
   * The patient says they do not have the code asked for: lost, forgotten, not at hand
   * (`booking.words.withoutCode`), not knowing, or the code or its message (`codeWords`) named
   * with a negation ("no code", "the code I do not have").
   */
  isWithoutCode(text: string): boolean {
    const t = fold(text);
    return hasPhrase(t, this.withoutCode) || hasPhrase(t, this.unsure) || (hasPhrase(t, this.codeWords) && this.negates(t));
  }

  /**
   * The whole message plainly says the code is not at hand, as an answer to the question for it:
   * it is a phrase of `withoutCode` of three words or more ("that one I don't have any more", "I
   * don't have the code any more"), after a no at most. A shorter phrase ("not any more") is what
   * despair says too, and a longer message may say more than the code: the learned crisis net's
   * reading of those stands (FysioBot).
   */
  plainlyWithoutCode(text: string): boolean {
    const words = fold(text).split(' ').filter(Boolean);
    const said = (this.no.has(words[0] ?? '') ? words.slice(1) : words).join(' ');
    return this.withoutCode.some((p) => p === said && p.split(' ').length >= 3);
  }

  /**
   * The patient says they are fine or were misunderstood ("no, I'm fine, the chat is just slow"):
   * after the crisis question, that is a no to it (`booking.words.reassured`).
   */
  saysFine(text: string): boolean {
    return this.saysOneOf(text, this.reassured);
  }

  /**
   * The patient says they are fine, or that the bot misread them ("no, I didn't mean it like that,
   * it is about my knee", "I'm not suicidal, I just want an appointment", "no, I meant the site is
   * slow", "just a question about my knee"): `reassured` and `misread` of `booking.words`. As in
   * {@link saysFine}, a negation outside the phrases turns it around ("no, it is not going well").
   */
  saysMisread(text: string): boolean {
    return this.saysOneOf(text, this.misread);
  }

  /**
   * The message without its words of having been misread (folded): what is left must carry no
   * red flag of its own before a correction counts ("I didn't mean it like that, I bought a rope").
   */
  withoutMisread(text: string): string {
    return without(fold(text), this.misread).trim();
  }

  /** A phrase of `phrases` in the message, and no negation outside the phrases found. */
  private saysOneOf(text: string, phrases: readonly string[]): boolean {
    const t = fold(text);
    if (!hasPhrase(t, phrases)) return false;
    // "no, I am not fine", "that was no joke": a negation outside the phrases ("nothing wrong" has
    // its own) turns the words around.
    return !this.negates(without(t, phrases));
  }

  /**
   * The message names an everyday practical matter: coming to the practice, a day, a code, the
   * trip (`booking.words.practical`). Where only the learned net reads it as a crisis ("I won't manage
   * to come tomorrow after all"), the crisis line is given as a question.
   */
  namesPractical(text: string): boolean {
    const t = fold(text);
    // "no wish left for the exercises, nor for life": a message that also names life or death is
    // not an everyday one (`booking.words.life`).
    return hasPhrase(t, this.practical) && !hasPhrase(t, this.life);
  }

  /**
   * The message tells a heavy burden of the body ("so tired of it all, the pain never stops", "I
   * cannot face those stairs any more") or only that the writer is done with it: heavy words, no
   * plan. A tester and a reviewer (round 19) got the full crisis text for such messages; a
   * clinician would ask. Not when the message also names life, death or a way out
   * (`bodyBurdenUnless`): those keep the crisis text.
   */
  heavyAboutBody(text: string): boolean {
    const t = fold(text);
    if (hasPhrase(t, this.life) || hasPhrase(t, this.bodyBurdenUnless)) return false;
    return this.fedUp.has(t) || hasPhrase(t, this.bodyBurden);
  }

  /**
   * The message says the answer before it was a mistake: a word of mistyping or of the wrong
   * button (`booking.words.mistake`), or a word of meaning (`meant`) with a no in the message.
   */
  isMistake(text: string): boolean {
    const t = fold(text);
    return hasPhrase(t, this.mistake) || (hasPhrase(t, this.meant) && t.split(' ').some((w) => this.no.has(w)));
  }

  /** Asking the bot to wait a moment ("one moment", "hold on"): no answer, and no wish to set the flow aside. */
  isWait(text: string): boolean {
    const t = fold(text);
    if (this.wait.has(t)) return true;
    // "wait a moment, please", "one moment, you know": the fillers around it ask nothing more.
    const core = t.split(' ').filter((w) => w && !this.fillers.has(w)).join(' ');
    return core !== t && this.wait.has(core);
  }

  /**
   * A message that opens with a wait ("one moment, my phone is ringing", "hold on, the doorbell"):
   * the rest says why, and asks nothing. It was read as a request for a person for its "phone"
   * (a fifteenth patient-style test).
   */
  opensWithWait(text: string): boolean {
    if (this.isWait(text)) return true;
    // "Wait, that number is no longer right": a correction (its negation says so), which the question on screen must hear.
    if (text.includes('?') || this.negates(fold(text))) return false;
    const first = this.clauses(text)[0];
    return first !== undefined && first.trim() !== text.trim() && this.isWait(first);
  }

  /**
   * The patient says they will call (after an emergency text: "ok we'll call", "ok I'm calling the
   * GP"): a word for oneself and one of calling, with no one asked to call them and no negation.
   */
  saysWillCall(text: string): boolean {
    const words = fold(text).split(' ');
    if (text.includes('?') || words.some((w) => this.negations.has(w) || this.willCallNot.has(w))) return false;
    return words.some((w) => this.willCallWho.has(w)) && words.some((w) => this.willCallVerbs.has(w));
  }

  /** The message asks to be called back ("yes please, call me back"), without a negation: `booking.words.callback`. */
  asksCallback(text: string): boolean {
    const t = fold(text);
    // "This is the third time nobody calls back": a complaint, not the choice of a call (an
    // eighteenth patient-style test was asked for a number and never offered the chat).
    return hasPhrase(t, this.callbackWords) && !this.negates(t) && !t.split(' ').some((w) => this.callbackNobody.has(w));
  }

  /** The message refuses a call back ("not call me back, I'll wait"): its words with a negation. */
  refusesCallback(text: string): boolean {
    const t = fold(text);
    return hasPhrase(t, this.callbackWords) && this.negates(t);
  }

  /** A word of negation in the folded text. */
  private negates(folded: string): boolean {
    return folded.split(' ').some((w) => this.negations.has(w));
  }

  /** The message names a referral ("no referral", the Flemish "voorschrift"): `booking.words.referralWords`. */
  namesReferral(text: string): boolean {
    return hasPhrase(fold(text), this.referralWords);
  }

  /** Any time will do ("doesn't matter", "as soon as possible"), said anywhere in the message. */
  isAnyTime(text: string): boolean {
    return hasPhrase(fold(text), this.anyTime);
  }

  /** A word of going on ("ok", "next", "go on") that answers no open question: the question is asked again. */
  isGoOn(text: string): boolean {
    return this.goOn.has(fold(text)) || this.resume.has(fold(text)) || this.isYesSign(text);
  }

  /** The message sighs at the questions ("this takes far too long", "hurry up"), anywhere in it. */
  isImpatient(text: string): boolean {
    return hasPhrase(fold(text), this.impatience);
  }

  /** Only a word of going on, with fillers ("fine then", "ok sure"): an acknowledgement, no greeting. */
  isAcknowledgement(text: string): boolean {
    const core = fold(text).split(' ').filter((w) => w && !this.fillers.has(w)).join(' ');
    return Boolean(core) && this.isGoOn(core);
  }

  /**
   * A sign alone that says yes or okay (a thumbs up, `booking.words.yesSigns`), in any skin tone:
   * folding drops it, and a patient who sent it to "do you agree?" was told they were not understood.
   */
  isYesSign(text: string): boolean {
    return this.yesSigns.has(bareSign(text));
  }

  /**
   * Whether an answer of the bot's own closes with an offer to book ("Do you want an appointment?
   * You can make one here."): its last paragraph asks one question, and that question or what
   * follows it names an appointment (`booking.words.bookingOffer`). A paragraph that asks two
   * things ("warm, swollen joints? See your GP. Want to start exercising? Book.") is no offer a
   * bare yes could answer: the yes may be to the other question.
   */
  closesWithBookingOffer(answer: string): boolean {
    const last = answer.trim().split('\n').pop() ?? '';
    const parts = last.split('?');
    if (parts.length !== 2) return false;
    const question = parts[0].split(/[.!:;]\s/).pop() ?? '';
    return fold(`${question} ${parts[1]}`).split(' ').some((w) => this.bookingOffer.has(w));
  }

  /**
   * The answer without the booking offer it closes with ("No appointment yet? You can make one
   * here."), for an answer given while a booking or another flow runs: the rest of its last line stays.
   */
  withoutBookingOffer(answer: string): string {
    let text = answer;
    if (this.closesWithBookingOffer(answer)) {
      const lines = answer.trimEnd().split('\n');
      const last = lines.pop() ?? '';
      const before = last.split('?')[0];
      const end = Math.max(...['. ', '! ', ': ', '; '].map((m) => before.lastIndexOf(m)));
      const kept = end >= 0 ? last.slice(0, end + 1).trimEnd() : '';
      text = [...lines, ...(kept ? [kept] : [])].join('\n').trimEnd();
    }
    // An invitation elsewhere: in a last line that asks two things ("swollen joints? See your GP.
    // Want to start exercising? Book."), which the closing offer above leaves alone, or on an
    // earlier line ("which times are free you see at once when you book here").
    const before = text.split('\n');
    // A line left empty by it goes; a blank line the answer had stays.
    return before.map((line) => this.withoutInvites(line)).filter((line, i) => line.trim() || !before[i].trim()).join('\n').trimEnd();
  }

  /**
   * One line without its sentences that invite to book here (`booking.words.bookingInvite`), and
   * the question right before such a sentence, which leads into it ("Want to start exercising?
   * Book."). An invitation in a clause joined on by a word of `bookingInviteJoin` ("ask your
   * health fund, or book here") takes only that clause off; the other sentences stay as they are.
   */
  private withoutInvites(line: string): string {
    const sentences = line.split(/(?<=[.!?])\s+/);
    const invites = (s: string) => hasPhrase(fold(s), this.bookingInvites);
    if (!sentences.some(invites)) return line;
    const kept: string[] = [];
    for (const sentence of sentences) {
      if (!invites(sentence)) {
        kept.push(sentence);
        continue;
      }
      const clauses = sentence.split(/,\s+/);
      const at = clauses.findIndex((c, i) => i > 0 && invites(c) && this.inviteJoins.has(fold(c).split(' ')[0]));
      if (at > 0 && !clauses.slice(0, at).some(invites)) {
        kept.push(`${clauses.slice(0, at).join(', ').replace(/[,;:]$/, '')}.`);
        continue;
      }
      if (kept.length && kept[kept.length - 1].trimEnd().endsWith('?')) kept.pop();
    }
    return kept.join(' ');
  }

  /**
   * The message asks what the question on screen means ("what do you mean?", "sorry?", a bare
   * question mark): it is one of `booking.words.whatMeant`, or opens with one of its phrases of
   * more than a word and says at most {@link WHAT_MEANT_MORE} words more ("what do you mean by that"). Such a message is no answer
   * and no question for a topic: the question is asked again.
   */
  asksWhatMeant(text: string): boolean {
    if (/^\s*\?+\s*$/.test(text)) return true;
    const t = fold(text);
    const words = t.split(' ').length;
    // A word alone ("pardon", "huh") only as the whole message: "pardon, may I cycle?" asks a question.
    return this.whatMeant.some((p) => t === p || (p.includes(' ') && t.startsWith(`${p} `) && words - p.split(' ').length <= WHAT_MEANT_MORE));
  }

  /**
   * The message only says no or gives up ("no", "never mind, not after all", "no, forget it"):
   * every clause a plain no or a soft stop. Where a free text is asked, a message that opens with
   * a no and goes on ("no, I am not happy with ...") is a text, not a refusal.
   */
  onlyWithdraws(text: string): boolean {
    // Split at punctuation only: "but" (a clause break elsewhere) belongs to "never mind".
    const clauses = text.split(/[,;!?]|\.(?!\d)/).map(fold).filter(Boolean);
    return clauses.length > 0 && clauses.every((c) => this.no.has(c) || this.softStop.has(c));
  }

  /**
   * The text without the words that lead into an aside at its start ("and by the way, how long
   * ...?" is "how long ...?"): the router scores the question lower with them (round 19: a yes
   * with such a question at the consent was read as doubt). The text itself when none lead.
   */
  withoutAsideLead(text: string): string {
    let words = text.trim().split(/\s+/);
    for (;;) {
      const lead = this.asideLeads.find((l) => {
        const n = l.split(' ').length;
        return words.length > n && fold(words.slice(0, n).join(' ')) === l;
      });
      if (!lead) return words.join(' ');
      words = words.slice(lead.split(' ').length);
    }
  }

  /**
   * What a no says was meant instead ("no, I mean the stairs" is "stairs", "no I mean with my knee"
   * is "knee"): the words after a word of meaning (`meant`), without the small words before them
   * (`meantFillers`); undefined without a no, a word of meaning or words after it.
   */
  meantInstead(text: string): string | undefined {
    const words = fold(text).split(' ').filter(Boolean);
    if (!words.some((w) => this.no.has(w))) return undefined;
    const at = words.findIndex((w) => this.meant.includes(w));
    if (at < 0) return undefined;
    let rest = words.slice(at + 1);
    while (rest.length && this.meantFillers.has(rest[0])) rest = rest.slice(1);
    return rest.length ? rest.join(' ') : undefined;
  }

  /** A soft way of giving up ("never mind", "forget it"): asked whether the flow should stop, not stopped at once. */
  isSoftStop(text: string): boolean {
    return this.softStop.has(fold(text));
  }

  /**
   * The patient says they have none of a detail ("I have no e-mail address"): what is left
   * without the detail's own words, a leading no and small words (`detailFillers`) is a way of skipping.
   */
  declines(text: string, field: DetailField): boolean {
    const named = [...this.changeWords].filter(([, f]) => f === field).map(([w]) => w);
    let t = ` ${fold(text)} `;
    for (const w of named.sort((a, b) => b.length - a.length)) t = t.split(` ${w} `).join(' ');
    // Booking for someone else, the relative named is who has none ("no, my mother does not have one").
    const relatives = this.complaintWords.get('relative') ?? [];
    const all = t.split(' ');
    const relative = (i: number) => i > 0 && this.possessives.has(all[i - 1]) && relatives.some((p) => wordMatches(all[i], p));
    const words = all.filter((w, i) => w && !this.detailFillers.has(w) && !relative(i) && !relative(i + 1));
    while (words.length > 1 && this.no.has(words[0])) words.shift();
    return words.length > 0 && words.length < fold(text).split(' ').length && this.skip.has(words.join(' '));
  }

  /** Free text as the patient typed it, without a possessive it opens with ("my shoulder" → "shoulder"). */
  withoutPossessive(text: string): string {
    const tokens = text.trim().split(/\s+/);
    return tokens.length > 1 && this.possessives.has(fold(tokens[0])) ? tokens.slice(1).join(' ') : text.trim();
  }

  isSkip(text: string): boolean {
    const t = fold(text);
    return t === '' || this.skip.has(t) || this.skip.has(text.trim());
  }

  /** "change my phone number", "another time", "my name is wrong" → that field. */
  changeOf(text: string): ChangeableField | undefined {
    const t = fold(text);
    const words = t.split(' ');
    const mentioned = new Set<ChangeableField>();
    for (let i = 0; i < words.length; i++) {
      for (const n of [2, 1]) {
        const f = this.changeWords.get(words.slice(i, i + n).join(' '));
        if (f) mentioned.add(f);
      }
    }
    if (mentioned.size !== 1) return undefined;
    const triggered = words.some((w) => this.changeTriggers.has(w)) || [...this.changeTriggers].some((p) => p.includes(' ') && ` ${t} `.includes(` ${p} `));
    // The name of a detail alone ("phone number"), at the summary, also means: that one is wrong.
    return triggered || words.length <= 2 ? [...mentioned][0] : undefined;
  }

  /**
   * Which of `labels` the patient means: the label itself (or its start, the Flemish "right one" for
   * "Right"), a number ("2", "number 2"), a position ("the first", "the last"). A label that
   * is a yes or a no (`yesIndex` / `noIndex`) also takes every way of saying it.
   */
  choose(text: string, labels: string[], roles: { yes?: number; no?: number } = {}): number | undefined {
    const t = fold(text);
    if (!t) return this.isYesSign(text) ? roles.yes : undefined;
    const folded = labels.map(fold);
    const exact = folded.indexOf(t);
    if (exact >= 0) return exact;
    const yn = this.yesNo(text);
    if (yn === 'yes' && roles.yes !== undefined) return roles.yes;
    if (yn === 'no' && roles.no !== undefined) return roles.no;
    const core = t.split(' ').filter((w) => !this.fillers.has(w));
    const rest = core.join(' ');
    const again = folded.indexOf(rest);
    if (again >= 0) return again;
    if (/^\d{1,2}$/.test(rest)) {
      const n = Number(rest);
      return n >= 1 && n <= labels.length ? n - 1 : undefined;
    }
    // A yes-or-no question takes no position word: "the left one" (the left knee) was read as the
    // leftmost button, the consent's yes, with no yes said (a fifteenth patient-style test).
    const position = roles.yes !== undefined && roles.no !== undefined ? undefined : this.positions.get(rest);
    if (position) {
      const index = position === 'last' ? labels.length - 1 : POSITIONS.indexOf(position);
      if (index < labels.length) {
        // "the right one" for left/right is the label, not the last button.
        const byStart = this.byStart(rest, folded);
        return byStart ?? index;
      }
    }
    const byStart = this.byStart(rest, folded);
    if (byStart !== undefined) return byStart;
    // A label said within a sentence ("knee then", "I choose confirm please"), or
    // closing a compound (the Dutch "right-knee", "left-hip").
    const words = t.split(' ');
    const within = folded
      .map((l, i) => (l.length >= 3 && (` ${t} `.includes(` ${l} `) || (!l.includes(' ') && l.length >= 4 && words.some((w) => w.length > l.length && w.endsWith(l)))) ? i : -1))
      .filter((i) => i >= 0);
    return within.length === 1 ? within[0] : undefined;
  }

  /**
   * The joint and side a message names, so a booking does not ask again what the patient just
   * wrote. Only what is unambiguous: one joint family (both named: nothing), one side or both.
   */
  complaintIn(text: string): ComplaintHint {
    const { joint, side } = this.namedIn(text);
    const other = this.bookedFor(text);
    const forOther = other?.alsoWriter ? { alsoFor: other.relative }
      : other ? { forOther: true as const, ...(other.relative ? { relative: other.relative } : {}) } : {};
    return { ...(joint ? { joint } : {}), ...(joint && side ? { side } : {}), ...forOther };
  }

  /**
   * The relative whose appointment a message is about ("cancel my father's appointment", said
   * as "the appointment of my father"): a relative's word after a possessive and a word of
   * `ofOther`. Undefined when it names none: the appointment is the writer's.
   */
  appointmentOf(text: string): string | undefined {
    const relatives = this.complaintWords.get('relative') ?? [];
    for (const clause of this.clauses(text)) {
      const words = fold(clause).split(' ').filter(Boolean);
      for (let i = 2; i < words.length; i++) {
        if (this.ofOther.has(words[i - 2]) && this.possessives.has(words[i - 1]) && relatives.some((p) => wordMatches(words[i], p))) return words[i];
      }
    }
    return undefined;
  }

  /**
   * The message says the appointment is for the writer ("it is for me", "no, for myself after
   * all"): a word of `forOtherBefore` right before a word of the writer's own (`self`), and no
   * relative booked for ({@link bookedFor}).
   */
  forSelf(text: string): boolean {
    const clauses = this.clauses(text).map((c) => fold(c).split(' ').filter(Boolean));
    const saysSelf = clauses.some((w) => w.some((x, i) => i > 0 && this.forOtherBefore.has(w[i - 1]) && this.self.has(x)));
    return saysSelf && this.bookedFor(text) === undefined;
  }

  /**
   * Whom a message books for, when it is a relative of the writer: "(an appointment) for my
   * mother", "on behalf of my father" (a word of `forOtherBefore` before the relative), or the
   * relative as the one who wants or needs it ("my mother wants / needs one", "can our mum get
   * one": a word of `forOtherWants` in the relative's clause, and no word of the writer's own,
   * `self`, in it). A relative named in a story ("my father had a stroke, now I want an
   * appointment for my hip") is not the one booked for, nor is anyone when the message books
   * "for me" or "for myself". `relative` is the word the writer used, when the message names one.
   *
   * `alsoWriter`: the writer wants one as well, and the relative's is a second appointment: the
   * two named together ("for me and my mother", "my husband and I would like to come"), or the
   * relative wanting one in a clause of their own and the writer in another, with a word of
   * "too" ("I want to book, my mother wants one too"). Without that word the writer making
   * an appointment is taken as making the relative's, as before.
   */
  bookedFor(text: string): { relative?: string; alsoWriter?: true } | undefined {
    const clauses = this.clauses(text).map((c) => fold(c).split(' ').filter(Boolean));
    const relatives = this.complaintWords.get('relative') ?? [];
    const isRelative = (words: string[], i: number) => i > 0 && this.possessives.has(words[i - 1]) && relatives.some((p) => wordMatches(words[i], p));
    for (const words of clauses) {
      const both = this.twoNamed(words, isRelative);
      if (both) return { relative: both, alsoWriter: true };
    }
    if (clauses.some((w) => w.some((x, i) => i > 0 && this.forOtherBefore.has(w[i - 1]) && this.self.has(x)))) return undefined;
    const namedFor = clauses.some((w) => w.some((_, i) => i > 1 && this.forOtherBefore.has(w[i - 2]) && isRelative(w, i)));
    const writerWants = clauses.filter((w) => w.some((x) => this.self.has(x)) && w.some((x) => this.forOtherWants.has(x)));
    for (const words of clauses) {
      const ownClause = words.some((w) => this.self.has(w));
      const wants = words.some((w) => this.forOtherWants.has(w));
      for (let i = 1; i < words.length; i++) {
        if (!isRelative(words, i)) continue;
        if (i > 1 && this.forOtherBefore.has(words[i - 2])) return { relative: words[i] };
        if (!wants || ownClause) continue;
        const too = [words, ...writerWants].some((w) => w.some((x) => this.also.has(x)));
        return !namedFor && writerWants.length && too ? { relative: words[i], alsoWriter: true } : { relative: words[i] };
      }
    }
    // "My daughter (16) tore her meniscus, can she come to you?": the relative of an earlier
    // clause is the one who wants to come when a later clause says so with "she" or "he" and no
    // word of the writer's own (a nineteenth patient-style test heard the screening ask the writer).
    const told = clauses.findIndex((w) => w.some((_, i) => isRelative(w, i)));
    if (told >= 0) {
      const relative = clauses[told].find((_, i) => isRelative(clauses[told], i));
      const asks = clauses.slice(told + 1).some((w) => w.some((x) => this.forOtherPronoun.has(x)) && w.some((x) => this.forOtherWants.has(x)) && !w.some((x) => this.self.has(x)));
      if (asks && !writerWants.length) return { relative };
    }
    return undefined;
  }

  /**
   * The relative of the writer and the writer named together in one clause, joined by "and":
   * after a word of `forOtherBefore` ("for my mother and me"), or as the ones who want to come
   * (a word of `forOtherWants` in the clause: "my wife and I would like to come"). The relative's
   * word, or undefined.
   */
  private twoNamed(words: string[], isRelative: (words: string[], i: number) => boolean): string | undefined {
    const wants = words.some((w) => this.forOtherWants.has(w));
    for (let start = 0; start < words.length; start++) {
      let self = false;
      let relative: string | undefined;
      let k = start;
      for (let named = 0; ; named++) {
        // "for my mother and also for me": a word of "too" after the "and" (a review).
        if (named > 0 && this.also.has(words[k])) k += 1;
        if (named > 0 && this.forOtherBefore.has(words[k])) k += 1;
        if (this.self.has(words[k])) {
          self = true;
          k += 1;
        } else if (isRelative(words, k + 1)) {
          relative ??= words[k + 1];
          k += 2;
        } else break;
        if (!this.and.has(words[k])) break;
        k += 1;
      }
      const forWhom = start > 0 && this.forOtherBefore.has(words[start - 1]);
      if (self && relative && (forWhom || wants)) return relative;
    }
    return undefined;
  }

  /**
   * What a message corrects of the complaint or of whom the booking is for ("no wait, the right",
   * "it is the hip after all", "for my father"); undefined when it names none of these. Whether it
   * is meant as a correction is for the dialog to decide, from `marked` and `bare` and from
   * what has been answered already.
   */
  correctionIn(text: string): Correction | undefined {
    const words = fold(text).split(' ').filter(Boolean);
    if (!words.length) return undefined;
    const { forOther: named, relative, ...complaint } = this.namedIn(text);
    if (!complaint.joint && !complaint.side && !named) return undefined;
    const marked = this.isCorrection(words.join(' '));
    const bare = words.every((w) => this.fillers.has(w) || this.possessives.has(w) || this.correctionMarkers.has(w) || this.no.has(w) || this.correctionFillers.has(w)
      || COMPLAINT_WORDS.some((k) => (this.complaintWords.get(k) ?? []).some((p) => wordMatches(w, p))));
    // Mid-booking, a relative said on its own or as a correction ("oh wait, it is about my
    // mother-in-law") is whom the booking is for; in a longer story only as at the start.
    // A relative who wants one too, beside the writer, is a second booking, never this one's change.
    const other = this.bookedFor(text);
    const booked = named && (bare || marked) ? { relative } : other?.alsoWriter ? undefined : other;
    if (!complaint.joint && !complaint.side && !booked) return undefined;
    return { ...complaint, ...(booked ? { forOther: true as const, ...(booked.relative ? { relative: booked.relative } : {}) } : {}), marked, bare };
  }

  /** The message says it corrects an answer given before ("after all", "no wait", "I mean"). */
  isCorrection(text: string): boolean {
    const t = ` ${fold(text)} `;
    return [...this.correctionMarkers].some((m) => t.includes(` ${m} `));
  }

  /**
   * A sentence rather than a short answer such as a name: a question mark, or at least three
   * words of which one is a pronoun, a verb of wanting or asking, or another word names lack.
   */
  isSentence(text: string): boolean {
    if (text.includes('?')) return true;
    const words = fold(text).split(' ').filter(Boolean);
    return words.length >= 3 && words.some((w) => this.sentenceWords.has(w));
  }

  /**
   * The message without the words of correcting or the sounds it opens with ("sorry, 12 May
   * 1948", "no wait: 14-03-1961"), as typed: what is left is the answer itself.
   */
  withoutCorrection(text: string): string {
    const tokens = text.trim().split(/\s+/);
    let i = 0;
    while (i < tokens.length - 1) {
      const w = fold(tokens[i]);
      if (!w || this.correctionMarkers.has(w) || this.no.has(w) || this.correctionFillers.has(w)) i += 1;
      else break;
    }
    return tokens.slice(i).join(' ');
  }

  /** Whether a word says no to what stands beside it ("not", "no", and their Flemish forms). */
  isNegation(word: string): boolean {
    return this.negations.has(fold(word));
  }

  /**
   * The message's clauses, as typed: split at punctuation and at words that turn to something
   * else ("but"), so that "not Tuesday, Wednesday is fine" is two, each with its own day.
   */
  clauses(text: string): string[] {
    const out: string[][] = [[]];
    for (const token of text.split(/\s+/)) {
      if (this.clauseBreaks.has(fold(token))) {
        out.push([]);
        continue;
      }
      const parts = token.split(/[,;!?]|\.(?!\d)/);
      parts.forEach((part, i) => {
        if (i > 0) out.push([]);
        if (part) out[out.length - 1].push(part);
      });
    }
    return out.map((c) => c.join(' ')).filter((c) => fold(c));
  }

  /** The position or number a message picks ("the last", "2", "number 3"), ignoring filler words; undefined for anything else. */
  position(text: string): (typeof POSITIONS)[number] | number | undefined {
    const rest = fold(text).split(' ').filter((w) => w && !this.fillers.has(w)).join(' ');
    if (/^\d{1,2}$/.test(rest)) return Number(rest);
    return this.positions.get(rest);
  }

  /**
   * A message that asks back instead of answering: a question mark, or one of the locale's
   * openings of asking back ("why", "what do you mean"), at its start only: a reason told
   * after an answer is still an answer.
   */
  asksBack(text: string): boolean {
    if (text.includes('?')) return true;
    const t = `${fold(text)} `;
    return this.askBack.some((phrase) => t.startsWith(`${phrase} `));
  }

  /**
   * The whole message says that the patient does not know ("no idea", "don't know any more"),
   * or is a plain no: nothing in it is an answer to an open question. A longer message that
   * also says so ("a year, I think, but I'm not sure") keeps its answer.
   */
  saysNotKnown(text: string): boolean {
    const folded = fold(text);
    if (!folded) return false;
    if (this.no.has(folded)) return true;
    return [folded, this.withoutUnsureFillers(folded)].some((t) => {
      const words = t.split(' ').length;
      return this.unsure.some((phrase) => ` ${t} `.includes(` ${phrase} `) && words <= phrase.split(' ').length + 1);
    });
  }

  /**
   * The text dates something: it has a word of a time span or of when something began ("weeks",
   * "since", "summer"), as an answer to "since when?" has ("three weeks already"). `months` are
   * the date words' month names, which date it too ("it started in March").
   */
  datesSomething(text: string, months: Readonly<Record<string, number>> = {}): boolean {
    return fold(text).split(' ').some((w) => this.duration.has(w) || months[w] !== undefined);
  }

  /**
   * The one detail of the patient a message names ("my number", "the date of birth", "e-mail:"),
   * found in its tokens as typed; undefined when it names none or more than one.
   */
  detailNamed(tokens: string[]): DetailNamed | undefined {
    const found: DetailNamed[] = [];
    const detailOf = (phrase: string): DetailField | undefined => {
      const f = this.changeWords.get(phrase);
      return f && (DETAIL_FIELDS as readonly string[]).includes(f) ? (f as DetailField) : undefined;
    };
    for (let i = 0; i < tokens.length; i++) {
      for (const n of [2, 1]) {
        if (i + n > tokens.length) continue;
        const folded = fold(tokens.slice(i, i + n).join(' '));
        // A word with a hyphen in it ("e-mail", "mobile-number") is also read as one word.
        const phrase = detailOf(folded) || n > 1 ? folded : folded.replace(/ /g, '');
        const field = detailOf(phrase);
        if (!field) continue;
        const part = field === 'name' ? this.nameParts.get(phrase) : undefined;
        found.push({ field, ...(part ? { part } : {}), next: i + n, colon: tokens[i + n - 1].trim().endsWith(':') });
        i += n - 1;
        break;
      }
    }
    const fields = new Set(found.map((f) => f.field));
    return fields.size === 1 ? found[0] : undefined;
  }

  /**
   * The name typed without a title before it ("Mrs Truus de Boer" is "Truus de Boer"): the title
   * is no part of the name the practice keeps (a nineteenth patient-style test saw it on the summary).
   * A surname that reads as a title of several words (the Dutch "Mr" is also a surname) is not cut (round 20).
   */
  withoutTitle(name: string): string {
    const words = name.trim().split(/\s+/);
    for (const title of this.nameTitles) {
      const n = title.split(' ').length;
      if (words.length <= n || fold(words.slice(0, n).join(' ')) !== title) continue;
      // A title of several words is also a surname with its prefix (the Dutch "Mr"): written with a
      // capital after its first word, or set apart by a comma as a surname put first ("Mr, Anna"),
      // it is the name, which is kept whole; losing a surname is worse than keeping a title.
      if (n > 1 && (words.slice(1, n).some((w) => /^\p{Lu}/u.test(w)) || words[n - 1].endsWith(','))) return name;
      return words.slice(n).join(' ');
    }
    return name;
  }

  /** A word that says the value follows ("is", "should be"). */
  isValueIntro(word: string): boolean {
    return this.valueIntros.has(fold(word)) || word.trim() === '=' || word.trim() === ':';
  }

  /** A word that may close a value's sentence without being part of it ("... should *be*", "please"). */
  isValueEnd(word: string): boolean {
    return this.valueEnds.has(fold(word));
  }

  /** A word that judges a detail instead of giving it ("fine", "right", "spelled"): no part of a name. */
  isVerdict(word: string): boolean {
    return this.verdicts.has(fold(word));
  }

  /** Whether a word is one a name does not contain (a pronoun, a verb of wanting, "after all"). */
  isSentenceWord(word: string): boolean {
    return this.sentenceWords.has(fold(word));
  }

  /**
   * The side a message names, in a word of its own or in a compound ("right-knee", "the left
   * one", "both"), read clause by clause: a side with a negation just before or after it in its
   * clause ("not left", "left not", "no pain on the left") does not count, and `negated` says
   * one was refused. Left and right both named is both sides. With the `joint` the side is asked
   * for, a side that belongs to the other joint ("my right knee too", "right-knee" as one word) is not this
   * joint's, and `elsewhere` names that joint (a nineteenth patient-style test's "left, and my
   * right knee a bit too" was stored as both hips).
   */
  sideIn(text: string, joint?: 'hip' | 'knee' | 'both' | 'other'): { side?: 'left' | 'right' | 'both'; negated: boolean; elsewhere?: 'hip' | 'knee' } {
    const found = { left: false, right: false, bothSides: false };
    let negated = false;
    let elsewhere: 'hip' | 'knee' | undefined;
    const other = joint === 'hip' ? 'knee' : joint === 'knee' ? 'hip' : undefined;
    const isOther = (w: string | undefined) => other !== undefined && w !== undefined && (this.complaintWords.get(other) ?? []).some((p) => wordMatches(w, p));
    for (const clause of this.clauses(text)) {
      const words = fold(clause).split(' ').filter(Boolean);
      words.forEach((w, i) => {
        const kind = (['left', 'right', 'bothSides'] as const).find((k) => (this.complaintWords.get(k) ?? []).some((p) => wordMatches(w, p)));
        if (!kind) return;
        // "Left, and my right knee a bit too" at the hip's side question: the right is the knee's.
        if (isOther(w) || isOther(words[i + 1]) || isOther(words[i - 1])) {
          elsewhere = other;
          return;
        }
        if ([words[i - 1], words[i - 2], words[i + 1]].some((x) => x !== undefined && this.negations.has(x))) negated = true;
        else found[kind] = true;
      });
    }
    const side = found.bothSides || (found.left && found.right) ? 'both' : found.left ? 'left' : found.right ? 'right' : undefined;
    return { ...(side ? { side } : {}), negated, ...(elsewhere ? { elsewhere } : {}) };
  }

  /** A word of the complaint words' kind (a joint, a side, a relative) among the folded words. */
  private names(words: readonly string[], kind: (typeof COMPLAINT_WORDS)[number]): boolean {
    return (this.complaintWords.get(kind) ?? []).some((p) => words.some((w) => wordMatches(w, p)));
  }

  private namedIn(text: string): { joint?: 'hip' | 'knee'; side?: 'left' | 'right' | 'both'; forOther?: true; relative?: string } {
    const words = fold(text).split(' ').filter(Boolean);
    const says = (k: (typeof COMPLAINT_WORDS)[number]) => this.names(words, k);
    // A relative of the writer's ("my father"); "I am a woman" (the Dutch word is also "wife") is no booking for someone else.
    const relatives = this.complaintWords.get('relative') ?? [];
    const at = words.findIndex((w, i) => i > 0 && this.possessives.has(words[i - 1]) && relatives.some((p) => wordMatches(w, p)));
    const forOther = at > 0 ? { forOther: true as const, relative: words[at] } : {};
    let hip = says('hip');
    let knee = says('knee');
    if (hip && knee) {
      // "It is the hip, not the knee": a joint with a negation just before it is not the one meant
      // (a thirteenth patient-style test's correction named both and was kept as a duration).
      const negated = (k: 'hip' | 'knee') => words.some((w, i) => (this.complaintWords.get(k) ?? []).some((p) => wordMatches(w, p)) && this.negatedBefore(words, i));
      const [notHip, notKnee] = [negated('hip'), negated('knee')];
      if (notHip !== notKnee) [hip, knee] = [!notHip, !notKnee];
    }
    const joint = hip === knee ? undefined : hip ? ('hip' as const) : ('knee' as const);
    const { side } = this.sideIn(text);
    return { ...(joint ? { joint } : {}), ...(side ? { side } : {}), ...forOther };
  }

  /** A negation among the two words before word `i`, articles and possessives skipped ("not my knee", "no knee"). */
  private negatedBefore(words: readonly string[], i: number): boolean {
    let j = i - 1;
    while (j >= 0 && (this.possessives.has(words[j]) || this.fillers.has(words[j])) && j > i - 3) j--;
    return j >= 0 && this.negations.has(words[j]);
  }

  private byStart(word: string, folded: string[]): number | undefined {
    if (word.length < 4 || word.includes(' ')) return undefined;
    const hits = folded.map((l, i) => (l.split(' ')[0].length >= 4 && (word.startsWith(l.split(' ')[0]) || l.startsWith(word)) ? i : -1)).filter((i) => i >= 0);
    return hits.length === 1 ? hits[0] : undefined;
  }
}

/** Whether folded text holds one of the phrases as whole words. */
/** One of the folded phrases stands in the folded text, as whole words. */
export function hasPhrase(folded: string, phrases: readonly string[]): boolean {
  const t = ` ${folded} `;
  return phrases.some((p) => t.includes(` ${p} `));
}

/** A word against a pattern: "word" is the word itself, "word*" its start, "*word" its end, "*word*" any part of it. */
function wordMatches(word: string, pattern: string): boolean {
  const core = pattern.replace(/\*/g, '');
  if (!core) return false;
  const open = { start: pattern.startsWith('*'), end: pattern.endsWith('*') };
  if (open.start && open.end) return word.includes(core);
  if (open.end) return word.startsWith(core);
  if (open.start) return word.endsWith(core);
  return word === core;
}

/** Folded text with each of `phrases` taken out where it stands as whole words. */
function without(folded: string, phrases: readonly string[]): string {
  return phrases.reduce((left, phrase) => left.split(` ${phrase} `).join(' '), ` ${folded} `);
}

/** A sign without its skin tone or presentation selector, and without spaces around it. */
function bareSign(text: string): string {
  return text.replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F\s]/gu, '');
}

/** Lowercase, without accents or punctuation, single spaces ("Café!" → "cafe"). */
export function fold(text: string): string {
  return foldAndSplit(text.replace(/['’]/g, '')).join(' ');
}
