/** The composer's steps per review: a guided calm flow for criticism, a short one for praise. */
import type { PhraseStep } from './phrases/types';

export type ComposerStep = 'calm' | PhraseStep | 'check';

/** 1–3★ (and rating-only reviews without stars): stay calm, thank, empathise, own, offer, sign; 4–5★: thank, liked, invite, sign. */
export function stepsFor(rating: number | null): ComposerStep[] {
  if (rating !== null && rating >= 4) return ['thank', 'liked', 'invite', 'close', 'check'];
  return ['calm', 'thank', 'empathise', 'own', 'offer', 'close', 'check'];
}

/** A cool-down before the editor unlocks: for 1–2★ only, the reviews that sting most. */
export const needsCoolDown = (rating: number | null): boolean => rating !== null && rating <= 2;

/** The checklist may be skipped for praise (4–5★), never for criticism. */
export const checklistRequired = (rating: number | null): boolean => !(rating !== null && rating >= 4);
