import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KalmApi } from '../../shared/contract';
import { ApiContext } from '../../renderer/api-context';
import { RemoveTarget } from '../../renderer/features/removal/RemoveTarget';
import { i18n } from '../../renderer/i18n';
import { createFakeApi } from './fake-api';

const COUNT = { reviews: 12, drafts: 1, replies: 0, labels: 0, notes: 0, handoffs: 0 };

/** The fake core, counting what removing the market stall takes along. */
function withCount(team: boolean): KalmApi {
  const fake = createFakeApi();
  if (team) void fake.api.call('team.join', { server: 'https://couch.bakkerij.nl', db: 'bakkerij', user: 'anna', password: 'anna-pw' });
  return {
    on: fake.api.on,
    call: (async (name: Parameters<KalmApi['call']>[0], input: never) => (name === 'workspace.removalCount' ? COUNT : fake.api.call(name, input))) as KalmApi['call'],
  };
}

async function ask(api: KalmApi): Promise<string> {
  render(<ApiContext.Provider value={api}><RemoveTarget target={{ kind: 'location', sourceId: 'trustpilot', locationId: 'markt' }} name="Marktkraam" /></ApiContext.Provider>);
  fireEvent.click(screen.getByRole('button', { name: i18n.t('removal.remove', { name: 'Marktkraam' }) }));
  return (await screen.findByRole('alertdialog')).textContent ?? '';
}

describe('removing a location: the confirmation', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('says in a team workspace that every member loses it too', async () => {
    expect(await ask(withCount(true))).toContain('Everyone in the team workspace “bakkerij” loses it too: it is removed on every computer.');
  });

  it('says so in Dutch too', async () => {
    await i18n.changeLanguage('nl');
    expect(await ask(withCount(true))).toContain('Iedereen in de teamwerkruimte “bakkerij” raakt het ook kwijt');
  });

  it('says nothing of a team in a local-only workspace', async () => {
    const text = await ask(withCount(false));
    expect(text).toContain('Marktkraam');
    expect(text).not.toMatch(/team/);
  });
});
