export * from './PngCodec';
export * from './TeamsIcons';
export * from './TeamsAppPackage';
