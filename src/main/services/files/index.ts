/**
 * Paths the user names (a script to read, a certificate, a folder to back up to): read and
 * checked so that no such path can hang, exhaust or surprise the studio; and the choosing of
 * them: places (USB sticks first), folder listings, native dialogs, staged uploads.
 */
export { readBoundedStream, readUserFile } from './read-user-file.ts';
export { prepareDestinationFolder } from './destination-folder.ts';
export { createFiles, type Files, type FilesDeps, type NativeDialogs } from './files-service.ts';
export { systemRoots, type PlaceRoots } from './places.ts';
export { cleanUploadName, STAGED_MAX_AGE_MS, type StageOptions } from './uploads.ts';
