import { describe, expect, it } from 'vitest';
import { defaultReplyLanguage, detectReviewLanguage } from '../../shared/reply/language';
import { checklistRequired, needsCoolDown, stepsFor } from '../../shared/reply/steps';

describe('reply language', () => {
  it('detects Dutch and English from the original text', () => {
    expect(detectReviewLanguage('Het brood was oud en de bediening was onvriendelijk.')).toBe('nl');
    expect(detectReviewLanguage('The bread was stale and the staff were rude.')).toBe('en');
    expect(detectReviewLanguage('Lekker brood!')).toBe('nl');
    expect(detectReviewLanguage('!!')).toBeNull();
  });
  it('defaults the reply to the review language, else the UI language', () => {
    expect(defaultReplyLanguage({ text: 'Het brood was oud en de bediening was onvriendelijk.', language: null }, 'en')).toBe('nl');
    expect(defaultReplyLanguage({ text: 'The bread was stale and the staff were rude.', language: null }, 'nl')).toBe('en');
    // A source's own language tag wins (nl-BE is Dutch).
    expect(defaultReplyLanguage({ text: 'Top!', language: 'nl-BE' }, 'en')).toBe('nl');
    // German or no text: the UI language.
    expect(defaultReplyLanguage({ text: 'Das Brot war sehr lecker und frisch, wir kommen wieder.', language: null }, 'nl')).toBe('nl');
    expect(defaultReplyLanguage({ text: 'Das Brot war sehr lecker und frisch, wir kommen wieder.', language: null }, 'en')).toBe('en');
    expect(defaultReplyLanguage({ text: null, language: null }, 'en')).toBe('en');
  });
});

describe('steps', () => {
  it('guides criticism through the calm steps and praise through the short flow', () => {
    expect(stepsFor(1)).toEqual(['calm', 'thank', 'empathise', 'own', 'offer', 'close', 'check']);
    expect(stepsFor(null)[0]).toBe('calm');
    expect(stepsFor(5)).toEqual(['thank', 'liked', 'invite', 'close', 'check']);
    expect([1, 2, 3, 4, 5, null].map(needsCoolDown)).toEqual([true, true, false, false, false, false]);
    expect([3, 4].map(checklistRequired)).toEqual([true, false]);
  });
});
