export * from './review';
export * from './location';
export * from './source';
export * from './errors';
