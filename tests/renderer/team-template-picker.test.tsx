import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api';
import { inboxReviews, locations } from './fixtures';
import { detail, renderInbox } from './helpers';

beforeEach(() => localStorage.clear());

describe('a team member\'s template in the open composer', () => {
  it('shows up in the open template picker when it arrives (templates.changed), and goes when it is deleted', async () => {
    const fake = createFakeApi({ reviews: inboxReviews, locations, settings: { signer: 'Sanne', coolDown: { enabled: false, seconds: 60 } } });
    await renderInbox(fake);
    fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
    await within(detail()).findByLabelText<HTMLTextAreaElement>('Your reply');
    fireEvent.click(within(detail()).getByRole('button', { name: 'Templates' }));
    const panel = await screen.findByRole('region', { name: 'Templates' });
    await within(panel).findByText('Calm reply to criticism');
    expect(within(panel).queryByText('Van Bram')).toBeNull();

    // What replication does in the core: the template is stored, then the core says the templates changed.
    const arrived = await fake.api.call('templates.save', { name: 'Van Bram', lang: 'en', band: 'criticism', variants: ['Sorry, {name}.'] });
    expect(within(panel).queryByText('Van Bram')).toBeNull(); // nothing asked for the list again
    fake.emit('templates.changed', {});
    expect(await within(panel).findByText('Van Bram')).toBeTruthy();

    await fake.api.call('templates.delete', { id: arrived.id });
    fake.emit('templates.changed', {});
    await waitFor(() => expect(within(panel).queryByText('Van Bram')).toBeNull());
  });
});
