/** Types for scripts/build-electron.mjs. */
export declare const MAIN_OUT: string;
export declare const PRELOAD_OUT: string;
export declare const defaultOutdir: string;
export interface PublisherClient {
  clientId: string;
  clientSecret: string;
}
export declare function publisherClientDefine(client: PublisherClient | null | undefined): Record<string, string>;
export declare function buildElectron(opts?: { outdir?: string; minify?: boolean; publisherClient?: PublisherClient | null }): Promise<{ main: string; preload: string }>;
export declare function electronBuildOptions(opts?: { outdir?: string; minify?: boolean; publisherClient?: PublisherClient | null }): [import('esbuild').BuildOptions & { outfile: string }, import('esbuild').BuildOptions & { outfile: string }];
