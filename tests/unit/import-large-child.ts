/** Run by import-large.test.ts in a Node with a small heap: reads an import file (preview) and prints the report's counts. */
import { readImport } from '../../electron/core/sources/import/read-import';

async function main(): Promise<void> {
  const { report } = await readImport(process.argv[2] ?? '', { preset: 'trustpilot' });
  process.stdout.write(JSON.stringify({ rows: report.rows, valid: report.valid, errorCount: report.errorCount, firstError: report.errors[0]?.message ?? null }));
}

void main();
