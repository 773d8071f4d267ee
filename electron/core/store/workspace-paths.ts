/** Where the workspace files live inside the data folder. */
export const SOURCES_FILE = 'sources.json';
export const REVIEWS_DIR = 'reviews';

/** One file per source location, with a name that is safe on every file system. */
export const shardFileName = (source: string, locationId: string): string =>
  `${source}--${locationId}`.replace(/[^a-zA-Z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`) + '.json';

/** A shard's path relative to the data folder, as used in problems and `readOnly`. */
export const shardPath = (source: string, locationId: string): string => `${REVIEWS_DIR}/${shardFileName(source, locationId)}`;
