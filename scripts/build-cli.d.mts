/** Types for scripts/build-cli.mjs. */
export declare const defaultCliOutdir: string;
export declare function buildCli(opts?: { outdir?: string }): Promise<{ bundle: string; inputs: number }>;
