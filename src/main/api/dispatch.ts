import { z } from 'zod';
import { isRequestName, requests, type Domain, type DomainRequestName, type ParsedArg, type RequestName, type Result } from '../../shared/api/index.ts';
import { StudioError, systemErrorToStudioError } from '../../shared/errors.ts';
import type { Response } from '../../shared/transport.ts';

export interface CallContext {
  /** Who is making the change, for the audit trail. */
  actor: string;
  /** Which connection made the call (one WebSocket, the Electron window, the CLI), for per-client caps. */
  client?: string;
}

export type Handler<N extends RequestName> = (arg: ParsedArg<N>, ctx: CallContext) => Result<N> | Promise<Result<N>>;
export type Handlers = { [N in RequestName]: Handler<N> };
export type Dispatch = (name: string, arg: unknown, ctx: CallContext) => Promise<Response>;

/**
 * The one entry point of every transport (IPC, WebSocket, CLI): look the name up, validate the
 * argument with its schema, run the handler, and answer with a result or a typed error.
 */
export interface DispatchOptions {
  onInternalError: (error: unknown, name: string) => void;
  /** The user's language, for the wording of validation messages. */
  language: () => 'vi' | 'en';
}

const VALIDATION_MESSAGES = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

export function createDispatch(handlers: Handlers, { onInternalError, language }: DispatchOptions): Dispatch {
  return async (name, arg, ctx) => {
    if (!isRequestName(name)) {
      // `name` comes straight off the wire: it may be an object whose toString throws.
      const shown = typeof name === 'string' ? name.slice(0, 100) : `(${name === null ? 'null' : typeof name})`;
      return fail(new StudioError('unknown_request', `no request named "${shown}"`));
    }
    try {
      const parsed = requests[name].arg.safeParse(arg, { error: VALIDATION_MESSAGES[language()] });
      if (!parsed.success) {
        return fail(
          new StudioError('invalid_argument', z.prettifyError(parsed.error).slice(0, 4000), {
            issues: parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String), message: issue.message })),
          }),
        );
      }
      const handler = handlers[name] as Handler<typeof name>;
      return { ok: true, result: await handler(parsed.data as never, ctx) };
    } catch (error) {
      const typed = systemErrorToStudioError(error);
      if (typed) return fail(typed);
      onInternalError(error, name);
      return fail(new StudioError('internal', error instanceof Error ? error.message : 'unexpected error'));
    }
  };
}

const fail = (error: StudioError): Response => ({ ok: false, error: error.toPayload() });

/** One domain's part of the handler map: exactly the requests its contract file declares. */
export type DomainHandlers<D extends Domain> = { [N in DomainRequestName<D>]: Handler<N> };
