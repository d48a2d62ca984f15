/**
 * The single source of truth for every call the screen (or the CLI) can make.
 * Each domain contributes its own map; names are `domain.verb`.
 */
import type { z } from 'zod';
import { audioRequests } from './audio.ts';
import { deliveryRequests } from './delivery.ts';
import { libraryRequests } from './library.ts';
import { packageRequests } from './package.ts';
import { readingRequests } from './reading.ts';
import { recorderRequests } from './recorder.ts';
import { systemRequests } from './system.ts';
import { translationRequests } from './translation.ts';
import { ttsRequests } from './tts.ts';

export const requests = {
  ...systemRequests,
  ...libraryRequests,
  ...audioRequests,
  ...deliveryRequests,
  ...packageRequests,
  ...recorderRequests,
  ...ttsRequests,
  ...readingRequests,
  ...translationRequests,
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
/** What a caller may send (defaults still unfilled). */
export type Arg<N extends RequestName> = z.input<Requests[N]['arg']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedArg<N extends RequestName> = z.output<Requests[N]['arg']>;
export type Result<N extends RequestName> = Requests[N]['result'];

export const requestNames = Object.keys(requests) as RequestName[];

export const isRequestName = (name: unknown): name is RequestName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name);

export type { AppInfo } from './system.ts';
export type { SearchFilters } from './library.ts';
