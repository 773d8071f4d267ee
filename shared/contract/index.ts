import type { z } from 'zod';
import { appCalls, appEvents } from './app';
import { assemble } from './assemble';
import { alertEvents } from './alerts';
import { backupCalls } from './backup';
import { draftCalls, draftEvents } from './drafts';
import { googleCalls, googleEvents } from './google';
import { handoffCalls, handoffEvents } from './handoff';
import { importCalls, importEvents } from './import';
import { labelCalls, labelEvents } from './labels';
import { noteCalls } from './notes';
import { outboxCalls, outboxEvents } from './outbox';
import { playCalls } from './play';
import { reviewCalls, reviewEvents } from './reviews';
import { settingsCalls, settingsEvents } from './settings';
import { syncCalls, syncEvents } from './sync';
import { teamCalls, teamEvents } from './team';
import { templateCalls, templateEvents } from './templates';
import { workspaceCalls, workspaceEvents } from './workspace';

export { AppInfo } from './app';
export { ImportProgressEvent } from './import';
export { WorkspaceSummary } from './workspace';

/**
 * The one source of truth for every call between the renderer and the core, assembled from one module per
 * domain (`<domain>.<verb>` names). Hosts (Electron IPC, web host HTTP, CLI) validate input with `input`
 * and clients type results with `output`. Add a call to its domain's module and every host gets it.
 */
export const contract = assemble(
  'call',
  appCalls, workspaceCalls, reviewCalls, draftCalls, outboxCalls, googleCalls, playCalls, importCalls, syncCalls,
  labelCalls, noteCalls, handoffCalls, backupCalls, settingsCalls, templateCalls, teamCalls,
);

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;
export const callNames = Object.keys(contract) as CallName[];
export const isCallName = (name: string): name is CallName => Object.hasOwn(contract, name);

/** Everything the core tells its clients without being asked. */
export const events = assemble(
  'event',
  appEvents, workspaceEvents, reviewEvents, draftEvents, outboxEvents, googleEvents, importEvents, syncEvents,
  labelEvents, handoffEvents, alertEvents, settingsEvents, teamEvents, templateEvents,
);

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);

/** What the renderer talks to, whichever host it runs in. */
export interface KalmApi {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** IPC channel names, derived from the contract so no host writes them by hand. */
export const ipcChannel = {
  call: (name: CallName) => `kalm:call:${name}`,
  event: 'kalm:event',
} as const;
