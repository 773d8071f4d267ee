import type { Source } from '../../../shared/domain/source';

/** The demo's sources while the owner's own reviews sit beside them (then demo rows are marked); otherwise none. */
export function demoBesideOwn(sources: readonly Source[]): ReadonlySet<string> | undefined {
  const demo = sources.filter((s) => s.state === 'demo').map((s) => s.id);
  return demo.length > 0 && sources.some((s) => s.state !== 'demo') ? new Set(demo) : undefined;
}

/** What a question about the demo needs: the workspace, its count, and a yes/no from the owner. */
export interface DemoAsk {
  demo(): Promise<boolean>;
  count(): Promise<{ drafts: number; replies: number; labels: number; notes: number }>;
  confirm(text: string): boolean;
  text(what: { drafts: number; replies: number; labels: number; notes: number }): string;
}

/** Before Google is connected (the demo sits on Google's source id, so it cannot stay): asks with the count; true to go on. */
export async function confirmDemoReplaced(ask: DemoAsk): Promise<boolean> {
  if (!(await ask.demo())) return true;
  return ask.confirm(ask.text(await ask.count()));
}
