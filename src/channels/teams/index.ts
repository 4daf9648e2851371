export * from './PngCodec';
export * from './TeamsIcons';
export * from './TeamsAppPackage';
export * from './StaffTeamsNotifier';
