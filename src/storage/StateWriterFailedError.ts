/** The state writer stopped; nothing written since can be promised to be stored. */
export class StateWriterFailedError extends Error {
  constructor(reason: string) {
    super(`storage: the conversation-state writer stopped (${reason}); restart the service`);
    this.name = 'StateWriterFailedError';
  }
}
