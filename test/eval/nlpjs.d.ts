// NLP.js ships no type declarations; the baseline narrows what it uses itself.
declare module '@nlpjs/core';
declare module '@nlpjs/nlp';
declare module '@nlpjs/lang-nl';
