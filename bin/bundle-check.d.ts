/** Types for bin/bundle-check.js. */
export declare function currentBundle(root: string, dir: string, file: string): string | null;
export declare function currentCliBundle(root: string): string | null;
