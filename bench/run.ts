// `npm run bench`: the store at 100,000 reviews, measured against baselines taken in the same run.
// Prints one JSON object: the figures, the goal next to each goal figure, and whether it is met.
import { benchDashboard } from './dashboard';
import { benchDrafts } from './drafts';
import { benchGoogleSync } from './google-sync';
import { benchReplyLint } from './reply-lint';
import { benchRules } from './rules';
import { benchInbox } from './inbox';
import { benchStore } from './store';
import { benchTeam } from './team';

type Goal = { max: number } | { min: number };

const GOALS: Record<string, Goal> = {
  load_ratio: { max: 1.5 },
  unanswered_first_page_p95_ms: { max: 5 },
  low_at_location_p95_ms: { max: 5 },
  text_croissant_p95_ms: { max: 5 },
  label_p95_ms: { max: 5 },
  page_400_of_all_p95_ms: { max: 5 },
  draft_ratio: { max: 1.2 },
  naive_ratio: { min: 50 },
  rss_mb: { max: 300 },
  // The calm check runs on every keystroke: well under a millisecond on a 4096-byte reply.
  reply_lint_ms: { max: 1 },
  reply_lint_ratio: { max: 10 },
  inbox_first_rows_ms: { max: 1000 },
  inbox_filter_change_p95_ms: { max: 100 },
  // dashboard (issue 8): a summary of 100,000 reviews costs at most 5 bare passes over them
  stats_ratio: { max: 5 },
  // auto-label rules (issue 10): a rule's preview at 100,000 reviews, live while the owner types
  rule_preview_p95_ms: { max: 100 },
  rule_preview_ratio: { max: 2 },
  // team workspace (issue 20), against the in-process CouchDB stand-in
  team_join_100k_ms: { max: 60_000 },
  team_edit_latency_p95_ms: { max: 2_000 },
  team_query_p95_ratio: { max: 1.2 },
};

/** Goals whose limit is itself a figure of the run. */
const relativeGoals = (f: Record<string, number>): Record<string, Goal> => ({
  incremental_requests: { max: f.incremental_goal_requests ?? 0 },
});

const describeGoal = (g: Goal): string => ('max' in g ? `<= ${g.max}` : `>= ${g.min}`);
const meets = (value: number, g: Goal): boolean => ('max' in g ? value <= g.max : value >= g.min);

async function main(): Promise<void> {
  process.stderr.write('bench: store at 100,000 reviews over 200 locations…\n');
  const store = await benchStore();
  process.stderr.write('bench: draft saves at 100 and 100,000 reviews, and the one-file conf baseline…\n');
  const drafts = await benchDrafts();
  process.stderr.write('bench: Google sync of 200 locations × 500 reviews from the emulator…\n');
  const google = await benchGoogleSync();
  process.stderr.write('bench: the calm check on a 4096-byte reply…\n');
  const lint = benchReplyLint();
  process.stderr.write('bench: the inbox in Chromium at 100 and 100,000 reviews (first rows, filter change)…\n');
  const inbox = await benchInbox();
  process.stderr.write('bench: dashboard stats and export at 100,000 reviews…\n');
  const dashboard = benchDashboard();
  process.stderr.write('bench: auto-label rule previews at 100,000 reviews…\n');
  const rules = benchRules();
  process.stderr.write('bench: team workspace: first join of 100,000 reviews, edit latency between two live desktops, inbox query…\n');
  const team = await benchTeam();
  const figures: Record<string, number> = { ...store, ...drafts, ...google, ...lint, ...inbox, ...dashboard, ...rules, ...team };
  const goals: Record<string, { value: number | null; goal: string; met: boolean }> = {};
  for (const [name, goal] of Object.entries({ ...GOALS, ...relativeGoals(figures) })) {
    const value = figures[name];
    goals[name] = { value: value ?? null, goal: describeGoal(goal), met: value !== undefined && meets(value, goal) };
  }
  const met = Object.values(goals).filter((g) => g.met).length;
  console.log(JSON.stringify({ figures, goals, summary: `${met} of ${Object.keys(goals).length} goals met` }, null, 2));
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
