/**
 * The recipient's opt-out page. Opening it changes nothing: mail scanners
 * follow links, so only the button (a POST) opts out. It needs no account
 * and no script.
 */
import { page } from './layout';

const TITLE = 'Read receipt: opt out';

export function askPage(alreadyOptedOut: boolean): string {
  if (alreadyOptedOut) return donePage();
  return page(
    TITLE,
    [
      '<h1>Stop read receipts for this message?</h1>',
      '<p>The sender used MailPing, which notices when the small image in their',
      'message is loaded. If you opt out, MailPing stops recording it for this',
      'message and deletes everything it recorded so far. The sender will see',
      'that you opted out, and nothing else.</p>',
      '<form method="post"><button type="submit">Opt out</button></form>',
    ].join('\n'),
  );
}

export function donePage(): string {
  return page(
    TITLE,
    [
      '<h1>You have opted out</h1>',
      '<p>MailPing no longer records when this message is opened, and what it',
      'had recorded has been deleted.</p>',
    ].join('\n'),
  );
}

export function invalidPage(): string {
  return page(
    TITLE,
    [
      '<h1>This opt-out link is not valid</h1>',
      '<p>It may have been shortened or changed when it was copied. Use the',
      'link exactly as it appears in the message.</p>',
    ].join('\n'),
  );
}

export function retryPage(): string {
  return page(
    TITLE,
    [
      '<h1>That did not work this time</h1>',
      '<p>MailPing could not save your choice just now. Go back and press the',
      'button again in a minute.</p>',
    ].join('\n'),
  );
}
