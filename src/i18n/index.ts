export * from './Translator';
