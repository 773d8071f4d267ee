export * from './review';
export * from './location';
export * from './source';
export * from './errors';
export * from './draft';
export * from './outbox';
export * from './label';
export * from './settings';
