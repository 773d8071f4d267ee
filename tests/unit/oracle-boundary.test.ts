import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The reference query lives in tests/oracle/; the lint rule keeps every production folder from importing it (or any test file). */
describe('production code never imports tests/', () => {
  const eslint = new ESLint();
  const importing = "import { queryReviews } from '../../tests/oracle/query-reviews';\nexport const run = queryReviews;\n";
  const messages = async (filePath: string) => (await eslint.lintText(importing, { filePath }))[0]?.messages.map((m) => m.ruleId) ?? [];

  it.each(['shared/reviews/probe.ts', 'electron/cli/probe.ts', 'electron/main.ts', 'renderer/features/inbox/probe.tsx'])('%s may not import the oracle', async (file) => {
    expect(await messages(file)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('tests may', async () => {
    expect(await messages('tests/unit/probe.test.ts')).not.toContain('@typescript-eslint/no-restricted-imports');
  });
});
