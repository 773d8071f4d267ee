/** Types for scripts/dist.mjs. */
export declare const DOWNLOAD_HOST: string;
export declare function plainDistFailure(output: string, exitCode: number): string;
export declare function publisherClientFromEnv(env?: NodeJS.ProcessEnv): { clientId: string; clientSecret: string } | null;
export declare function resolvedConfig(env?: NodeJS.ProcessEnv): { publish: null | { provider: string; url?: string; owner?: string; repo?: string } } & Record<string, unknown>;
