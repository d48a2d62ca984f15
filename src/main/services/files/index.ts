/**
 * Paths the user names (a script to read, a certificate, a folder to back up to): read and
 * checked so that no such path can hang, exhaust or surprise the studio.
 */
export { readBoundedStream, readUserFile } from './read-user-file.ts';
export { prepareDestinationFolder } from './destination-folder.ts';
