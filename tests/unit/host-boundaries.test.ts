import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-kalm';

/**
 * The hosts stay thin (docs/ARCHITECTURE.md, "The folders and what each may import"): the web host reaches the core
 * only through its entry points, and each CLI command goes through the contract (`kalm.call`) — the few CLI files
 * that need more of the core are listed here with the reason, so a new reach past the contract fails this test.
 */

/** The modules under electron/core/ that a file imports (paths relative to electron/core, without extension). */
function coreImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)].map((m) => m[1] ?? '');
  const core = path.join(ROOT, 'electron/core');
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s))
    .filter((abs) => abs.startsWith(core + path.sep))
    .map((abs) => path.relative(core, abs).split(path.sep).join('/'));
}

const filesIn = (dir: string): string[] => readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, dir, f));

/** Any host may use these: the core's type and builder, where the data folder is, the version. */
const ENTRY_POINTS = new Set(['kalm', 'create-kalm', 'data-dir', 'version']);

/** CLI files that use the core beyond the contract, and why (each file says so in a comment too). */
const CLI_CORE_USES: Record<string, { modules: string[]; why: string }> = {
  'doctor-command.ts': {
    modules: ['store/lock', 'store/quarantine', 'settings/open-settings', 'store/workspace-files', 'store/data-files', 'sources/registry', 'store/record-files-check'],
    why: 'kalm doctor checks the files without opening a core (a broken store must still be diagnosed)',
  },
  'read-view.ts': {
    modules: ['events', 'settings/preferences', 'settings/reply-policy', 'store/workspace-files'],
    why: 'the read commands answer from the files without building the index (bench: cli_list_ratio)',
  },
  'sync-watch.ts': { modules: ['background/power-state', 'background/scheduler'], why: 'kalm sync --watch runs the scheduler in the CLI process' },
  'source-commands.ts': { modules: ['sources/registry'], why: 'connect/sync --source route by the registry names' },
  'import-command.ts': { modules: ['sources/import/read-import'], why: 'kalm import reads the file in place (progress type)' },
  'team-status-command.ts': {
    modules: ['store/lock', 'team/team-config', 'team/team-state-file'],
    why: 'kalm team status reads the team files without opening a core, so it answers while the app runs',
  },
  'format.ts': { modules: ['store/quarantine'], why: 'the doctor report prints quarantined files (type only)' },
};

describe('host boundaries', () => {
  it('the web host uses only the core entry points, dispatch, the early start, logs, shutdown, the power state and the renderer files', () => {
    // The power state is a host seam: each host tells background sync about battery saver its own way. The early
    // start (the deferred Kalm and the saved first page) is shared with Electron's main process.
    const allowed = new Set([...ENTRY_POINTS, 'dispatch', 'deferred-kalm', 'early-first-page', 'log/logger', 'log/log', 'shutdown', 'renderer-files', 'background/power-state']);
    const found = filesIn('electron/web-host').flatMap((f) => coreImports(f).filter((m) => !allowed.has(m)).map((m) => `${path.basename(f)} → core/${m}`));
    expect(found).toEqual([]);
  });

  it('CLI commands go through the contract; the listed files that need the core say why', () => {
    const found: string[] = [];
    for (const file of filesIn('electron/cli')) {
      const listed = CLI_CORE_USES[path.basename(file)];
      for (const m of coreImports(file)) {
        if (ENTRY_POINTS.has(m) || listed?.modules.includes(m)) continue;
        found.push(`${path.basename(file)} → core/${m}`);
      }
    }
    expect(found, 'a CLI command reaches past the contract: use kalm.call, or list it here with the reason').toEqual([]);
  });

  it('every CLI file listed as needing the core still does (the list stays true)', () => {
    for (const [file, { modules }] of Object.entries(CLI_CORE_USES)) {
      const used = coreImports(path.join(ROOT, 'electron/cli', file));
      expect(modules.filter((m) => !used.includes(m)), file).toEqual([]);
    }
  });
});
