import { z } from 'zod';
import { ReplyTemplate, TemplateInput } from '../reply/templates';
import { call, Empty, NoInput, Signal } from './fields';

/** Reply templates for the composer. */
export const templateCalls = {
  /** The owner's templates plus Kalm's built-in starters (in the business's Dutch form of address). */
  'templates.list': call(NoInput, z.object({ templates: z.array(ReplyTemplate) })),
  /** Creates (no id) or replaces a template of the owner's. */
  'templates.save': call(TemplateInput, ReplyTemplate),
  'templates.delete': call(z.object({ id: z.string().min(1).max(100) }).strict(), Empty),
} as const;

export const templateEvents = {
  /** The owner's templates changed without the composer asking (a team member's template arrived or was deleted). */
  'templates.changed': Signal,
} as const;
