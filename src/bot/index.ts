export * from './FysioBot';
