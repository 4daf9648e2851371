import { expectTiers } from './helpers/redFlagTiers';

// What a review of round 17 found, as the bot reads it (rules and the crisis net). Our own wordings.

describe('a cause the patient guesses does not clear a chest sign they have now', () => {
  expectTiers([
    ['mijn borst drukt en ik zweet, het was toch mijn maag?', '112'],
    ['ik heb druk op de borst en zweet, het was vast mijn maag', '112'],
    ['sinds een uur pijn op de borst, ik denk het was de stress', '112'],
  ], true);
});

describe('asking for a person is the plea of despair, not a complaint about the service', () => {
  expectTiers([
    ['ik trek het niet meer, ik wil nu iemand aan de telefoon', 'crisis'],
    ['ik trek het niet meer, kan ik iemand spreken', 'crisis'],
    // Fed up with the service itself stays no crisis (a fifteenth patient-style test).
    ['ik ben het zat!! al 3 keer gebeld en niemand belt terug. ik wil NU een mens spreken', null],
    ['ik ben niet suicidaal, ik ben boos. geef me een medewerker', null],
  ], true);
});

describe('someone fainting now, and too little air with sweating, are 112', () => {
  expectTiers([
    ['mijn man valt flauw en is helemaal bleek', '112'],
    ['mijn vrouw valt net flauw in de keuken', '112'],
    ['mijn moeder krijgt nauwelijks adem en is klam', '112'],
    ['ik val soms flauw als ik te snel opsta', null],
    ['wat moet ik doen als mijn man flauw valt?', null],
    ['na het fietsen krijg ik nauwelijks adem en zweet ik', null],
  ], true);
});

describe('a cup not held with one hand after a broken wrist is no stroke sign', () => {
  expectTiers([
    ['sinds mijn polsbreuk kan ik mijn kopje niet vasthouden met rechts', null],
    ['ik kan mijn glas niet vasthouden met links, mijn pols zit in het gips', null],
    ['ik kan sinds vanmiddag mijn kopje niet vasthouden met rechts', '112'],
  ], true);
});
