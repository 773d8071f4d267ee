import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/App';
import { createFakeApi } from './fake-api';

describe('updates and support', () => {
  it('offers "Restart to update" in the header once an update is downloaded, and nothing before', async () => {
    const fake = createFakeApi();
    render(<App api={fake.api} />);
    await screen.findByRole('button', { name: 'Sources' });
    expect(screen.queryByRole('button', { name: 'Restart to update' })).toBeNull();
    fake.emit('app.updateChanged', { state: 'ready', version: '0.2.0', percent: 100 });
    const restart = await screen.findByRole('button', { name: 'Restart to update' });
    expect(restart.getAttribute('title')).toContain('0.2.0');
    fake.calls.length = 0;
    fireEvent.click(restart);
    await waitFor(() => expect(fake.calls.map((c) => c.name)).toContain('app.restartToUpdate'));
  });

  it('Settings → Data opens the logs folder (or names it) and copies the diagnostics', async () => {
    const fake = createFakeApi();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<App api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open logs folder' }));
    expect(await screen.findByText('The log files are in /tmp/kalm-test/logs')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(expect.stringContaining('Kalm 0.0.0-test')));
    expect(await screen.findByText(/Diagnostics copied/)).toBeTruthy();
  });
});
