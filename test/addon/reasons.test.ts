import { describeReason, describeReasons } from '../../addon/reasons';

describe('reasons in plain words', () => {
  it('joins Apple’s relay on delivery into one sentence', () => {
    expect(describeReasons(['net:apple-relay', 'window:delivery'])).toEqual([
      'Apple Mail Privacy Protection fetched the image on delivery',
    ]);
  });

  it('describes known codes one by one, in order', () => {
    expect(describeReasons(['signal:sender-view', 'net:google'])).toEqual([
      'You were viewing the message yourself',
      'The request came from Google’s network',
    ]);
  });

  it('falls back to the namespace, then to the bare code', () => {
    expect(describeReason('ua:new-client')).toBe(
      'The requesting software gave a telling name (ua:new-client)',
    );
    expect(describeReason('mystery')).toBe('Other evidence (mystery)');
  });
});
