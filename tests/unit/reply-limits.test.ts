import { describe, expect, it } from 'vitest';
import { MAX_PLAY_REPLY_CHARS, checkReplyLimits, codePoints, replySize } from '../../shared/reply/limits';

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

  it('uses the byte limit for other sources than Play', () => {
    expect(checkReplyLimits('x'.repeat(4097), 'import')).toMatchObject({ unit: 'bytes', limit: 4096 });
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
