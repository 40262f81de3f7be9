/** Builds with `next build` when the build is missing or older than the sources; false when the build failed. */
export function ensureBuild(message?: string): boolean;
