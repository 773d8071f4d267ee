/** Types for bin/bundle-check.js. */
export declare function currentCliBundle(root: string): string | null;
