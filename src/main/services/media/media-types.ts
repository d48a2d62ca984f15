import path from 'node:path';

/**
 * The media type of a file the studio serves, packages or delivers, by its extension: one table
 * for the screen's media route, USB packages and the source system's metadata.
 */
const MEDIA_TYPES: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.json': 'application/json',
  '.png': 'image/png',
};

export const mediaType = (file: string): string => MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
