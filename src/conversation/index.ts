export * from './Reply';
export * from './ConversationMemory';
export * from './PracticeInfo';
export * from './ReplyComposer';
export * from './MessageResponder';
export * from './AnswerWords';
export * from './EnglishOffer';
export * from './DayQuestion';
