/** Media: the data folder's audio files served to the screen (with ranges), and nothing outside them. */
export { MEDIA_ROOTS, reachedWithoutLinks } from './media-roots.ts';
export { mediaType } from './media-types.ts';
export { parseRange, resolveMediaPath, serveMedia, type MediaResponse } from './serve-media.ts';
