/** Run by bench/import-200mb.ts in its own Node: imports one file into an empty data folder and prints its peak memory. */
import { createKalm } from '../electron/core/create-kalm';

async function main(): Promise<void> {
  const [file = '', dataDir = ''] = process.argv.slice(2);
  const kalm = await createKalm({ dataDir, host: 'cli', google: { client: null } });
  const started = performance.now();
  const report = await kalm.importer.run(file, { preset: 'trustpilot' });
  const seconds = (performance.now() - started) / 1000;
  await kalm.close();
  // maxRSS is in KiB: the peak resident memory of this whole process (the import and the store).
  process.stdout.write(JSON.stringify({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), seconds: Math.round(seconds * 10) / 10, rows: report.rows, valid: report.valid, added: report.added ?? 0 }));
}

void main();
