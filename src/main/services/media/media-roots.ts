/**
 * The folders of the data directory that the screen may play or show. Nothing else under the
 * data directory (the database, secrets) is ever served.
 */
export const MEDIA_ROOTS = ['assets', 'tts-preview', 'previews', 'renders'] as const;
