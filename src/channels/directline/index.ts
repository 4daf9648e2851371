export * from './AzureDirectLineTokenClient';
export * from './DirectLineAdapter';
export * from './DirectLineConversationStore';
export * from './DirectLineRoutes';
export * from './DirectLineTokenEndpoint';
export * from './DirectLineTokenIssuer';
export * from './httpHelpers';
