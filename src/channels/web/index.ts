export * from './ChatPage';
export * from './registerWebChannel';
export * from './SecurityHeaders';
export * from './StaticAsset';
export * from './TokenKeyFile';
export * from './WebAssets';
export * from './WebChatStrings';
