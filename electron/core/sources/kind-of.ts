import type { Review } from '../../../shared/domain/review';
import type { SourceKind } from '../../../shared/domain/source';
import { sourceRefOf } from '../../../shared/reply/limits';
import type { Workspace } from '../workspace';

/** The kind of source a review belongs to: its stored source's, or guessed from the id (a review whose source record is gone). */
export const kindOfReview = (workspace: Workspace, review: Pick<Review, 'source'>): SourceKind => sourceRefOf(workspace.sources, review.source).kind;
