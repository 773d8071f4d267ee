import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

/** A Trustpilot "Service reviews" CSV of about `megabytes` MB (real column names, quoted cells, CRLF). */
export async function writeTrustpilotCsv(path: string, megabytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('"Review Id","Review Created (UTC)","Review Title","Review Content","Review Stars","Review Username","Location Name","Company Response","Company Reply Date (UTC)"\r\n');
  const body = 'Lekker brood, vriendelijke mensen; we komen zeker terug. '.repeat(6);
  let bytes = 0, rows = 0;
  // Lines go out a thousand at a time (one write each): the file is made in seconds, not minutes.
  while (bytes < megabytes * 1024 * 1024) {
    let chunk = '';
    for (let k = 0; k < 1000 && bytes < megabytes * 1024 * 1024; k++) {
      rows++;
      const month = String((rows % 12) + 1).padStart(2, '0');
      const reply = rows % 3 === 0 ? `"Dank je wel, klant ${rows}!","2025-${month}-16 09:00:00"` : '"",""';
      const line = `"tp-${rows}","2025-${month}-15 10:${String(rows % 60).padStart(2, '0')}:00","Top ${rows}","${body}${rows}","${(rows % 5) + 1}","Klant ${rows}","Bakkerij ${rows % 20}",${reply}\r\n`;
      bytes += Buffer.byteLength(line);
      chunk += line;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

/**
 * `import_200mb_peak_rss_mb`: the peak resident memory of a whole Kalm process (a child, so nothing else
 * counts) importing a generated 200 MB Trustpilot export into an empty data folder with `kalm import`'s core
 * (host 'cli'). Goal < 400 MB whatever the file size: the import streams the file twice (check, then spill the
 * valid reviews per shard to disk) and merges one shard at a time. The app (Electron, web host) also keeps the
 * imported reviews in its workspace afterwards, so its memory grows with the store, not with the import.
 */
export async function benchImport(megabytes = 200): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'kalm-bench-import-'));
  try {
    const file = join(dir, 'trustpilot.csv');
    const started = performance.now();
    const rows = await writeTrustpilotCsv(file, megabytes);
    const generated = (performance.now() - started) / 1000;
    const size = (await stat(file)).size;
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', 'bench/import-child.ts', file, join(dir, 'data')], { cwd: root, maxBuffer: 1 << 20, timeout: 30 * 60_000 });
    const r = JSON.parse(stdout) as { peakRssMb: number; seconds: number; rows: number; valid: number };
    if (r.valid !== rows) throw new Error(`the bench import stored ${r.valid} of ${rows} rows`);
    return { import_200mb_peak_rss_mb: r.peakRssMb, import_200mb_rows: rows, import_200mb_file_mb: Math.round(size / 1048576), import_200mb_seconds: r.seconds, import_200mb_generate_seconds: Math.round(generated * 10) / 10 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// `node --import tsx bench/import-200mb.ts [MB]`: this bench alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void benchImport(Number(process.argv[2] ?? 200)).then((f) => process.stdout.write(`${JSON.stringify(f)}\n`));
}
