/** Types for scripts/icons.mjs. */
export declare const LINUX_SIZES: number[];
export declare function renderPng(svg: string, size: number): Buffer;
export declare function renderIcons(opts?: { source?: string; outdir?: string }): Promise<string[]>;
