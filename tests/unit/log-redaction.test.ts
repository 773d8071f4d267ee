import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLog, createStderrLog, logFileName } from '../../electron/core/log/logger';
import { redactLogText } from '../../electron/core/log/redact-log';
import { tempDataDir } from './helpers';

const REFRESH = '1//0gAbCdEfGhIjKlMnOpQrStUvWxYz-0123456789';
const ACCESS = 'ya29.a0AfH6SMBxTokenThatMustNeverBeLogged';
const REVIEW = 'De taart was oud en de verkoopster was onbeleefd tegen mijn moeder';

describe('log redaction', () => {
  it('removes tokens, review texts, replies and e-mail addresses from a line', () => {
    const line = redactLogText(
      `sync failed: {"refresh_token":"${REFRESH}","comment":"${REVIEW}"} Authorization: Bearer ${ACCESS} reply='Dank je wel, we bellen je' from jan@bakkerij.nl`,
    );
    expect(line).not.toContain(REFRESH);
    expect(line).not.toContain(ACCESS);
    expect(line).not.toContain('taart');
    expect(line).not.toContain('Dank je');
    expect(line).not.toContain('jan@bakkerij.nl');
    expect(line).toContain('sync failed');
  });

  it('a token and a review text never reach the log file; the file is per day, in logs/, owner-only', async () => {
    const dataDir = await tempDataDir();
    const day = new Date(2026, 11, 7, 10, 0, 0);
    const log = createFileLog({ dataDir, now: () => day });
    const err = new Error(`Google answered 400 for {"comment": "${REVIEW}", "access_token": "${ACCESS}"} with refresh_token=${REFRESH}`);
    log.error('kalm: sync.run failed', err);
    log.warn(`could not publish the reply "${REVIEW}"`);
    log.info('background sync done: 3 locations');
    const dir = path.join(dataDir, 'logs');
    expect(readdirSync(dir)).toEqual([logFileName(day)]);
    expect(logFileName(day)).toBe('kalm-2026-12-07.log');
    const file = path.join(dir, logFileName(day));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('kalm: sync.run failed');
    expect(text).toContain('background sync done: 3 locations');
    for (const secret of [REFRESH, ACCESS, REVIEW, 'verkoopster']) expect(text).not.toContain(secret);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    expect(log.recent().join('\n')).not.toContain(ACCESS);
    expect(log.recent()).toHaveLength(2);
  });

  it('the CLI logs to stderr only, redacted, and writes no file', () => {
    const lines: string[] = [];
    const log = createStderrLog((l) => lines.push(l));
    log.error('kalm: failed', new Error(`token ${ACCESS}`));
    expect(log.dir).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(ACCESS);
  });
});
