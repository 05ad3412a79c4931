/**
 * A request to the service that did not succeed, with a sentence fit for a
 * card. `status` is 0 when the service could not be reached at all.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** What the user reads when the service refuses or is unreachable. */
export function plainServiceMessage(status: number, serviceMessage?: string): string {
  switch (status) {
    case 0:
      return 'MailPing’s service can’t be reached right now. Try again in a minute.';
    case 400:
      return `MailPing’s service refused the request: ${serviceMessage ?? 'bad request'}.`;
    case 401:
      return 'MailPing’s service could not confirm who you are. Reopen the add-on and try again.';
    case 404:
      return 'That link no longer exists. It may have been deleted.';
    case 413:
      return 'That request was too large for MailPing’s service.';
    case 429:
      return 'Too many requests in a short time. Wait a minute and try again.';
    default:
      return 'MailPing’s service is having trouble right now. Try again in a few minutes.';
  }
}
