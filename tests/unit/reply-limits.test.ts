import { describe, expect, it } from 'vitest';
import { MAX_PLAY_REPLY_CHARS, checkReplyLimits, codePoints, guessSourceRef, importSiteOf, replyLimitFor, replySize, sourceRefOf } from '../../shared/reply/limits';

describe('checkReplyLimits — Google Business Profile (4096 UTF-8 bytes)', () => {
  it('accepts exactly 4096 bytes of multi-byte text and refuses 4097', () => {
    const ok = 'é'.repeat(2048); // 2 bytes each
    expect(replySize(ok, 'google')).toBe(4096);
    expect(ok.length).toBe(2048);
    expect(checkReplyLimits(ok, 'google')).toBeNull();
    const over = ok + 'a';
    const problem = checkReplyLimits(over, 'google');
    expect(problem).toMatchObject({ code: 'too_long', limit: 4096, size: 4097, unit: 'bytes' });
    expect(problem?.message).toContain('4096');
    expect(problem?.message).toContain('4097');
  });

  it('counts bytes, not characters: 2049 × "é" is over although only 2049 characters', () => {
    expect(checkReplyLimits('é'.repeat(2049), 'google')).toMatchObject({ code: 'too_long', size: 4098 });
  });

  it('counts an emoji as 4 bytes', () => {
    expect(replySize('😀', 'google')).toBe(4);
    expect(checkReplyLimits('😀'.repeat(1024), 'google')).toBeNull();
    expect(checkReplyLimits('😀'.repeat(1024) + '!', 'google')).toMatchObject({ code: 'too_long', size: 4097, limit: 4096 });
    // A family emoji (ZWJ sequence) is 25 bytes.
    expect(replySize('👨‍👩‍👧‍👦', 'google')).toBe(25);
  });

  it('uses the byte limit for Google Business Profile sources, whatever their id', () => {
    expect(checkReplyLimits('x'.repeat(4097), { id: 'google', kind: 'google-business' })).toMatchObject({ unit: 'bytes', limit: 4096 });
    expect(checkReplyLimits('x'.repeat(4097), 'some-google-id')).toMatchObject({ unit: 'bytes', limit: 4096 });
  });
});

describe('checkReplyLimits — Google Play (350 characters as code points)', () => {
  it('accepts 350 code points and refuses 351', () => {
    expect(checkReplyLimits('a'.repeat(MAX_PLAY_REPLY_CHARS), 'play')).toBeNull();
    const problem = checkReplyLimits('a'.repeat(351), 'play');
    expect(problem).toMatchObject({ code: 'too_long', limit: 350, size: 351, unit: 'characters' });
    expect(problem?.message).toMatch(/350 characters/);
    expect(problem?.message).toMatch(/351 characters/);
  });

  it('counts an emoji (a surrogate pair) as one character', () => {
    const emoji = '😀'.repeat(350);
    expect(emoji.length).toBe(700);
    expect(codePoints(emoji)).toBe(350);
    expect(checkReplyLimits(emoji, 'play')).toBeNull();
    expect(checkReplyLimits(emoji + 'é', 'play')).toMatchObject({ code: 'too_long', size: 351 });
  });

  it('is not bound by bytes: 350 × "é" (700 bytes) passes', () => {
    expect(checkReplyLimits('é'.repeat(350), 'play')).toBeNull();
  });
});

describe('checkReplyLimits — empty replies', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['newlines and tabs', '\n\t \r\n'],
    ['non-breaking and zero-width spaces', '\u00a0\u200b\u3000'],
  ])('refuses %s', (_label, text) => {
    const problem = checkReplyLimits(text, 'google');
    expect(problem).toMatchObject({ code: 'empty', limit: 4096, unit: 'bytes', size: replySize(text, 'google') });
    expect(problem?.message).toMatch(/empty/);
    expect(problem?.message).toContain('4096');
    expect(problem?.message).toContain(String(replySize(text, 'google')));
  });

  it('refuses an empty Play reply naming the character limit', () => {
    expect(checkReplyLimits(' ', 'play')).toMatchObject({ code: 'empty', limit: 350, size: 1, unit: 'characters' });
  });

  it('accepts a one-character reply and keeps surrounding white space allowed', () => {
    expect(checkReplyLimits('.', 'google')).toBeNull();
    expect(checkReplyLimits('  Dank je wel!  ', 'google')).toBeNull();
  });
});

describe('replyLimitFor — by source kind, and by site for imports', () => {
  it('decides by the stored kind, not the id: a Play app stored under another id still gets 350 characters', () => {
    expect(replyLimitFor({ id: 'my-app', kind: 'google-play' })).toEqual({ limit: 350, unit: 'characters', service: 'Google Play' });
    expect(replyLimitFor({ id: 'play', kind: 'google-play' }).limit).toBe(MAX_PLAY_REPLY_CHARS);
  });

  it.each([
    ['trustpilot', 'Trustpilot', 'Trustpilot'],
    ['tripadvisor', 'Tripadvisor NL', 'Tripadvisor'],
    ['facebook', 'Facebook', 'Facebook'],
    ['kiyoh', 'Kiyoh', 'Kiyoh'],
    ['klantenvertellen', 'Klantenvertellen', 'Kiyoh'],
  ])('imported %s has no documented maximum (service %s → %s)', (id, name, service) => {
    expect(replyLimitFor({ id, kind: 'file-import', name })).toEqual({ limit: null, unit: 'characters', service });
  });

  it('an import under another name is known by its name, else named after itself', () => {
    expect(importSiteOf({ id: 'shop-reviews', name: 'Shop (Trustpilot export)' })).toBe('trustpilot');
    expect(importSiteOf({ id: 'winkel', name: 'Winkel' })).toBeNull();
    expect(replyLimitFor({ id: 'winkel', kind: 'file-import', name: 'Winkel' })).toEqual({ limit: null, unit: 'characters', service: 'Winkel' });
  });

  it('never refuses a long reply to an imported review, but still refuses an empty one', () => {
    const trustpilot = { id: 'trustpilot', kind: 'file-import' as const, name: 'Trustpilot' };
    expect(checkReplyLimits('Bedankt! '.repeat(2000), trustpilot)).toBeNull();
    expect(replySize('é😀', trustpilot)).toBe(2);
    const empty = checkReplyLimits(' \n ', trustpilot);
    expect(empty).toMatchObject({ code: 'empty', limit: null, unit: 'characters' });
    expect(empty?.message).not.toContain('null');
  });

  it('resolves a bare id from the workspace sources first, then by guessing', () => {
    const sources = [{ id: 'winkel', kind: 'file-import' as const, name: 'Winkel' }];
    expect(sourceRefOf(sources, 'winkel').kind).toBe('file-import');
    expect(sourceRefOf(sources, 'play').kind).toBe('google-play');
    expect(guessSourceRef('trustpilot').kind).toBe('file-import');
    expect(guessSourceRef('import').kind).toBe('file-import');
    expect(guessSourceRef('google').kind).toBe('google-business');
    // A bare unknown id is Google's: the 4096-byte limit, as before.
    expect(checkReplyLimits('x'.repeat(4097), 'winkel')).toMatchObject({ code: 'too_long', limit: 4096 });
    expect(checkReplyLimits('x'.repeat(4097), sourceRefOf(sources, 'winkel'))).toBeNull();
  });
});
