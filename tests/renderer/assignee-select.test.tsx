import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiContext } from '../../renderer/api-context';
import { AssigneeSelect } from '../../renderer/features/handoff/AssigneeSelect';
import '../../renderer/i18n';
import { createFakeApi } from './fake-api';

const team = [
  { id: 'sanne', name: 'Sanne' },
  { id: 'joris', name: 'Joris' },
];

describe('AssigneeSelect', () => {
  it('shows an assignment made elsewhere (a new prop), not the value it had when it opened', () => {
    const fake = createFakeApi();
    const ui = (assignee: string | null) => (
      <ApiContext value={fake.api}>
        <AssigneeSelect reviewId="r1" assignee={assignee} team={team} me="sanne" />
      </ApiContext>
    );
    const { rerender } = render(ui(null));
    const select = screen.getByRole<HTMLSelectElement>('combobox');
    expect(select.value).toBe('');
    rerender(ui('joris'));
    expect(select.value).toBe('joris');
    rerender(ui(null));
    expect(select.value).toBe('');
  });
});
