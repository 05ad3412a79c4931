import { describeNotice, describeReason, describeReasons } from '../../addon/reasons';
import { RULES } from '../../shared/classify/rules';

describe('reasons in plain words', () => {
  it('says what the deciding rule concluded, then each piece of evidence', () => {
    expect(
      describeReasons(['rule:apple-privacy', 'net:apple-relay', 'window:device-sync']),
    ).toEqual([
      'Apple Mail Privacy Protection fetched the image on delivery.',
      "The request came from Apple's Private Relay network.",
      'It came within 30 minutes of sending.',
    ]);
  });

  it('has words for every rule in the shared table', () => {
    for (const rule of RULES) expect(describeReason(`rule:${rule.code}`)).toBe(rule.says);
  });

  it('marks a code this add-on does not know, rather than hiding it', () => {
    expect(describeReason('ua:new-client')).toBe('Other evidence (ua:new-client)');
    expect(describeReason('rule:new-rule')).toBe('Other evidence (rule:new-rule)');
  });

  it('gives link-wide notices in plain words, with the same fallback', () => {
    expect(describeNotice('window:delivery-open')).toMatch(/sent less than a minute ago/);
    expect(describeNotice('x-new:notice')).toBe('Note from MailPing (x-new:notice).');
  });
});
