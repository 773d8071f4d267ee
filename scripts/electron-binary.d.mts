/** Types for scripts/electron-binary.mjs (plain JS so `npm start` needs no compiler). */
export declare const projectRoot: string;
export declare function findElectronBinary(opts?: { root?: string; env?: NodeJS.ProcessEnv }): { path: string } | { reason: string };
