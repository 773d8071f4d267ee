import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-write';
import { TEAM_APPLIED_FILE as FILE } from './team-config';

/** How far this data folder has applied the team replica's changes feed (so a restart does not re-read 100,000 documents). */
export class AppliedSeq {
  private value: number | string = 0;
  private written: number | string = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `beforeWrite`: the local writes of what was applied are on disk first, so the stored sequence is never ahead of the files. */
  constructor(private readonly dataDir: string, private readonly beforeWrite: () => Promise<void>) {}

  async load(): Promise<number | string> {
    try {
      const parsed: unknown = JSON.parse(await readFile(join(this.dataDir, FILE), 'utf8'));
      const seq = (parsed as { seq?: unknown }).seq;
      if (typeof seq === 'number' || typeof seq === 'string') this.value = this.written = seq;
    } catch {
      this.value = this.written = 0;
    }
    return this.value;
  }

  set(seq: number | string): void {
    this.value = seq;
    this.timer ??= setTimeout(() => void this.flush(), 500);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.value === this.written) return;
    const seq = this.value;
    await this.beforeWrite();
    await writeFileAtomic(join(this.dataDir, FILE), JSON.stringify({ seq }));
    this.written = seq;
  }
}
