import type { z } from 'zod';
import { contract, type CallName, type CallOutput, type Contract } from '../../shared/contract';

/** The calls one domain answers (its composition root returns these). */
export type CallHandlers<N extends CallName> = { [K in N]: (input: z.output<Contract[K]['input']>) => Promise<CallOutput<K>> };

/** The handler of every contract call, as one core implements them (a source's descriptor may answer without a promise). */
export type CoreHandlers = { [N in CallName]: (input: z.output<Contract[N]['input']>) => Promise<CallOutput<N>> | CallOutput<N> };

/**
 * Merges the handlers of every domain into the one map a core answers calls from. Each call has exactly one
 * handler: a call two domains register, a name the contract does not have, or a contract call nobody registers
 * stops the core at start with the name in the message, so no handler silently replaces another and the
 * order of the domains never matters.
 *
 * @param domains handlers by domain name (the name is only for the message)
 */
export function buildHandlerMap(domains: Readonly<Record<string, Partial<CoreHandlers>>>): CoreHandlers {
  const owner = new Map<string, string>();
  const merged: Record<string, unknown> = {};
  for (const [domain, handlers] of Object.entries(domains)) {
    for (const [name, handler] of Object.entries(handlers)) {
      const first = owner.get(name);
      if (first !== undefined) throw new Error(`The call "${name}" is registered twice, by ${first} and by ${domain}: give it one handler (compose the two in one domain).`);
      if (!Object.hasOwn(contract, name)) throw new Error(`${domain} registers "${name}", which is not a call of the contract (shared/contract/).`);
      if (typeof handler !== 'function') throw new Error(`${domain} registers "${name}" without a handler function.`);
      owner.set(name, domain);
      merged[name] = handler;
    }
  }
  const missing = (Object.keys(contract) as CallName[]).filter((name) => !owner.has(name));
  if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}: add it to a source descriptor or to the domain's wiring.`);
  return merged as CoreHandlers;
}
