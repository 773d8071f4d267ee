/** Types for scripts/build-web.mjs. */
export declare const defaultWebOutdir: string;
export declare function buildWeb(opts?: { outdir?: string }): Promise<{ bundle: string; inputs: number }>;
