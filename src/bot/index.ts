export * from './FysioBot';
export * from './TrackedState';
export * from './DialogTurnPresets';
export * from './TurnLocale';
export * from './TurnSafety';
export * from './BotStorage';
