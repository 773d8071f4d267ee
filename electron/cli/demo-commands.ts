import type { Kalm } from '../core/kalm';
import { parseFlags, UsageError } from './args';
import type { Command } from './command';
import { removalText } from './demo-notes';

const demoFlags = { remove: { type: 'boolean' }, json: { type: 'boolean' } } as const;

export const demoUsage = `  demo                      load the demo workspace into the data folder
  demo --remove [--json]    remove the demo with every draft, reply, label and note on its
                            reviews (no file is left behind); prints what it removed`;

function checkDemo(args: string[]): void {
  const v = parseFlags(args, demoFlags);
  if (v.json && !v.remove) throw new UsageError('--json goes with --remove: kalm demo --remove --json');
}

/** `kalm demo` loads the demo; `kalm demo --remove [--json]` removes it with everything on its reviews. */
async function runDemo(kalm: Kalm, args: string[]): Promise<string> {
  const v = parseFlags(args, demoFlags);
  if (v.remove) {
    const removed = await kalm.call('workspace.remove', { target: { kind: 'demo' } });
    return v.json ? JSON.stringify({ removed }, null, 2) : `Removed the demo: ${removalText(removed)}.`;
  }
  const ws = await kalm.call('workspace.loadDemo', {});
  return `Loaded the demo: ${ws.reviewCount} reviews at ${ws.locations.length} locations into ${kalm.dataDir}`;
}

export const demoCommands: Record<string, Command> = {
  demo: { check: checkDemo, readOnly: false, run: runDemo },
};
