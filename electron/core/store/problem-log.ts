import type { StoreProblem } from '../../../shared/domain/store-problem';
import type { EventBus } from '../events';
import type { CallHandlers } from '../handler-map';

export interface ProblemLog {
  /** Files that could not be used as they are (found at start or while running); one array for the core's lifetime. */
  readonly problems: readonly StoreProblem[];
  /** Records a problem and tells clients. */
  report(problem: StoreProblem): void;
  /** The problems found while opening the store come first. */
  atStart(found: readonly StoreProblem[]): void;
  /** A failed write landed on a retry: its problem is over. */
  recovered(file: string): void;
  handlers: CallHandlers<'app.storeProblems'>;
}

/** The store problems of one core, for `app.storeProblems`, the diagnostics and the events the pages show. */
export function createProblemLog(bus: EventBus): ProblemLog {
  const problems: StoreProblem[] = [];
  return {
    problems,
    report(problem) {
      problems.push(problem);
      bus.emit('app.storeProblem', problem);
    },
    atStart: (found) => void problems.unshift(...found),
    recovered(file) {
      for (let i = problems.length - 1; i >= 0; i--) if (problems[i]?.file === file && problems[i]?.kind === 'write-failed') problems.splice(i, 1);
      bus.emit('app.storeRecovered', { file });
    },
    handlers: { 'app.storeProblems': () => Promise.resolve({ problems }) },
  };
}
