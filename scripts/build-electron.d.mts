/** Types for scripts/build-electron.mjs. */
export declare const MAIN_OUT: string;
export declare const PRELOAD_OUT: string;
export declare const defaultOutdir: string;
export declare function buildElectron(opts?: { outdir?: string; minify?: boolean }): Promise<{ main: string; preload: string }>;
