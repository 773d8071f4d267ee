import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { createFakeApi } from './fake-api';

const openSettings = async (name = 'Settings') => {
  fireEvent.click(await screen.findByRole('button', { name }));
  return screen.findByRole('heading', { name, level: 1 });
};
const updates = (fake: ReturnType<typeof createFakeApi>) => fake.calls.filter((c) => c.name === 'settings.update');
/** The message a field points to with aria-describedby (its own status line). */
const statusOf = (field: HTMLElement): string => {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
};

describe('Settings fields say what is wrong next to them', () => {
  it('a business name that is too long is refused next to the field, kept for correcting and not saved; a short one is', async () => {
    const fake = createFakeApi({ settings: { businessName: 'Zon', language: 'en' } });
    render(<App api={fake.api} />);
    await openSettings();
    const name = await screen.findByLabelText('Business name');
    fireEvent.change(name, { target: { value: 'x'.repeat(201) } });
    fireEvent.keyDown(name, { key: 'Enter' });
    await waitFor(() => expect(statusOf(name)).toBe('At most 200 characters.'));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect((name as HTMLInputElement).value).toHaveLength(201);
    expect(screen.queryByText('Saved')).toBeNull();
    expect(updates(fake)).toHaveLength(0);

    fireEvent.change(name, { target: { value: 'Bakkerij De Zon' } });
    expect(name.getAttribute('aria-invalid')).toBe('false');
    fireEvent.blur(name);
    await waitFor(() => expect(statusOf(name)).toBe('Saved'));
    expect(updates(fake).map((c) => c.input)).toEqual([{ businessName: 'Bakkerij De Zon' }]);
  });

  it('the sign-off line and the signer each show their own limit, and only that field', async () => {
    const fake = createFakeApi({ settings: { language: 'en' } });
    render(<App api={fake.api} />);
    await openSettings();
    const signature = await screen.findByLabelText('Extra sign-off line');
    fireEvent.change(signature, { target: { value: 's'.repeat(501) } });
    fireEvent.blur(signature);
    await waitFor(() => expect(statusOf(signature)).toContain('At most 500 characters.'));
    const signer = screen.getByLabelText('Signed by');
    expect(statusOf(signer)).not.toContain('At most');
    fireEvent.change(signer, { target: { value: 'n'.repeat(101) } });
    fireEvent.blur(signer);
    await waitFor(() => expect(statusOf(signer)).toContain('At most 100 characters.'));
    expect(updates(fake)).toHaveLength(0);
  });

  it('speaks Dutch in the Dutch UI', async () => {
    const fake = createFakeApi({ settings: { language: 'nl' } });
    render(<App api={fake.api} />);
    await openSettings('Instellingen');
    const name = await screen.findByLabelText('Bedrijfsnaam');
    fireEvent.change(name, { target: { value: 'x'.repeat(300) } });
    fireEvent.blur(name);
    await waitFor(() => expect(statusOf(name)).toBe('Hoogstens 200 tekens.'));
    const zone = screen.getByLabelText('Tijdzone');
    fireEvent.change(zone, { target: { value: 'Mars/Olympus' } });
    fireEvent.blur(zone);
    await waitFor(() => expect(statusOf(zone)).toBe('Onbekende tijdzone; gebruik een naam als Europe/Amsterdam.'));
    expect(updates(fake)).toHaveLength(0);
  });

  it('an unknown time zone is refused next to the field and kept; a real one is saved', async () => {
    const fake = createFakeApi({ settings: { language: 'en' } });
    render(<App api={fake.api} />);
    await openSettings();
    const zone = await screen.findByLabelText('Time zone');
    fireEvent.change(zone, { target: { value: 'Mars/Olympus' } });
    fireEvent.blur(zone);
    await waitFor(() => expect(statusOf(zone)).toBe('Unknown time zone; use a name such as Europe/Amsterdam.'));
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect((zone as HTMLInputElement).value).toBe('Mars/Olympus');
    fireEvent.change(zone, { target: { value: '' } });
    fireEvent.blur(zone);
    await waitFor(() => expect(statusOf(zone)).toBe('Fill this in.'));
    expect(updates(fake)).toHaveLength(0);

    fireEvent.change(zone, { target: { value: ' Europe/London ' } });
    fireEvent.keyDown(zone, { key: 'Enter' });
    await waitFor(() => expect(statusOf(zone)).toBe('Saved'));
    expect(updates(fake)[0]?.input).toMatchObject({ businessHours: { timeZone: 'Europe/London' } });
  });

  it('business hours that close before they open are refused in that day\'s row and not saved; fixed hours are', async () => {
    const fake = createFakeApi({ settings: { language: 'en' } });
    render(<App api={fake.api} />);
    await openSettings();
    const closes = await screen.findByLabelText('Monday closes at');
    fireEvent.change(closes, { target: { value: '08:00' } });
    fireEvent.blur(closes);
    await waitFor(() => expect(statusOf(closes)).toBe('The closing time must be after the opening time.'));
    expect(closes.getAttribute('aria-invalid')).toBe('true');
    expect((closes as HTMLInputElement).value).toBe('08:00');
    expect(statusOf(screen.getByLabelText('Tuesday closes at'))).toBe('');
    expect(updates(fake)).toHaveLength(0);

    const opens = screen.getByLabelText('Monday opens at');
    fireEvent.change(opens, { target: { value: '07:30' } });
    fireEvent.blur(opens);
    await waitFor(() => expect(statusOf(closes)).toBe('Saved'));
    const days = (updates(fake)[0]?.input as { businessHours: { days: unknown[] } }).businessHours.days;
    expect(days[1]).toEqual({ open: '07:30', close: '08:00' });
  });

  it('a team member name that is too long is refused under its form and kept; a short one is added', async () => {
    const fake = createFakeApi({ settings: { language: 'en' } });
    render(<App api={fake.api} />);
    await openSettings();
    const member = await screen.findByLabelText('Team member’s name');
    fireEvent.change(member, { target: { value: 'm'.repeat(201) } });
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
    await waitFor(() => expect(statusOf(member)).toBe('At most 200 characters.'));
    expect((member as HTMLInputElement).value).toHaveLength(201);
    expect(updates(fake)).toHaveLength(0);
    fireEvent.change(member, { target: { value: 'Anna' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
    await waitFor(() => expect(statusOf(member)).toBe('Saved'));
    expect((member as HTMLInputElement).value).toBe('');
    expect(updates(fake)[0]?.input).toMatchObject({ team: [{ name: 'Anna' }] });
  });

  it('the alert threshold shows a refusal by the core next to it and Saved (with the new choice kept) once accepted', async () => {
    const fake = createFakeApi({ settings: { language: 'en', alertMaxRating: 2 } });
    render(<App api={fake.api} />);
    await openSettings();
    const threshold = await screen.findByLabelText(/Alert me about new reviews/);
    fake.failNext('settings.update', { code: 'locked', message: 'Kalm opened this data folder read-only, so it cannot save settings.' });
    fireEvent.change(threshold, { target: { value: '3' } });
    await waitFor(() => expect(statusOf(threshold)).toContain('read-only, so it cannot save settings'));
    expect((threshold as HTMLSelectElement).value).toBe('2');
    fireEvent.change(threshold, { target: { value: '4' } });
    await waitFor(() => expect(statusOf(threshold)).toBe('Saved'));
    expect((threshold as HTMLSelectElement).value).toBe('4');
    expect(updates(fake).at(-1)?.input).toEqual({ alertMaxRating: 4 });
  });
});
