/**
 * The single source of truth for every call the screen (or the CLI) can make.
 * Each domain contributes its own map, in its own file; names are `domain.verb`.
 */
import type { z } from 'zod';
import { audioRequests } from './audio.ts';
import { translationRequests } from './translation.ts';
import { updatesRequests } from './updates.ts';
import { serialRequests } from './serial.ts';
import { ledRequests } from './led.ts';
import { auditRequests } from './audit.ts';
import { deliveryRequests } from './delivery.ts';
import { jobRequests } from './jobs.ts';
import { libraryRequests } from './library.ts';
import { packageRequests } from './package.ts';
import { readingRequests } from './reading.ts';
import { recorderRequests } from './recorder.ts';
import { settingsRequests } from './settings.ts';
import { ttsRequests } from './tts.ts';
import { filesRequests } from './files.ts';

/** Each domain's requests, by the domain's name: the request map in src/main/api follows it file by file. */
export const requestsByDomain = {
  settings: settingsRequests,
  jobs: jobRequests,
  audit: auditRequests,
  library: libraryRequests,
  audio: audioRequests,
  delivery: deliveryRequests,
  package: packageRequests,
  recorder: recorderRequests,
  tts: ttsRequests,
  reading: readingRequests,
  translation: translationRequests,
  updates: updatesRequests,
  serial: serialRequests,
  led: ledRequests,
  files: filesRequests,
} as const;

export const requests = {
  ...settingsRequests,
  ...jobRequests,
  ...auditRequests,
  ...libraryRequests,
  ...audioRequests,
  ...deliveryRequests,
  ...packageRequests,
  ...recorderRequests,
  ...ttsRequests,
  ...readingRequests,
  ...translationRequests,
  ...updatesRequests,
  ...serialRequests,
  ...ledRequests,
  ...filesRequests,
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type Domain = keyof typeof requestsByDomain;
/** The names of one domain's requests. */
export type DomainRequestName<D extends Domain> = keyof (typeof requestsByDomain)[D] & RequestName;
/** What a caller may send (defaults still unfilled). */
export type Arg<N extends RequestName> = z.input<Requests[N]['arg']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedArg<N extends RequestName> = z.output<Requests[N]['arg']>;
export type Result<N extends RequestName> = Requests[N]['result'];

export const requestNames = Object.keys(requests) as RequestName[];

export const isRequestName = (name: unknown): name is RequestName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name);

export type { AppInfo } from './settings.ts';
export type { SearchFilters } from './library.ts';
