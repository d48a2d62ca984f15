/**
 * The parent's side of a translation pack: starts the pack's child process through the same
 * launcher as the speech engine's child (a Node fork in browser mode, the CLI and tests; an
 * Electron utility process in the app, through the platform's `launchChild`), loads the pack
 * there once, and passes translate calls to it — several at once, each with its own id — until
 * disposed. A crashed child fails every call in flight with a coded error; nothing hangs.
 */
import { StudioError, type ErrorCode } from '../../../../shared/errors.ts';
import { workerPath, workerUrl, startChild, type ChildLauncher, type ChildLink } from '../../jobs/index.ts';
import type { FromPackChild, ToPackChild } from './mt-pack-protocol.ts';
import type { MtModelInfo, PackTranslation } from './pack-model.ts';

interface Pending {
  resolve: (translations: PackTranslation[]) => void;
  reject: (error: unknown) => void;
}

const fromChild = (message: { code: string; message: string; details?: Record<string, unknown> }) =>
  new StudioError(message.code as ErrorCode, message.message, message.details);

export interface PackRunnerOptions {
  /** How the child is started; by default a fork, or the main thread's host in Electron (startChild). */
  launch?: ChildLauncher;
  /** The folder or zip name the user chose (for a Marian pair named like opus-mt-vi-tyz). */
  originalName?: string;
}

export class PackRunner {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: string | null = null;
  /** URLs something in the child tried to fetch (all refused). */
  readonly networkRefused: string[] = [];

  private constructor(
    private readonly child: ChildLink,
    readonly info: MtModelInfo,
  ) {}

  static start(dir: string, options: PackRunnerOptions = {}): Promise<PackRunner> {
    const launch = options.launch ?? startChild;
    const child = launch(workerPath('tts/onnx-child-bootstrap.mjs'), {
      STUDIO_ONNX_CHILD_ENTRY: workerUrl('translation-engines/packs/mt-pack-child.ts').href,
    });
    return new Promise<PackRunner>((resolve, reject) => {
      let runner: PackRunner | null = null;
      const refused: string[] = [];
      child.onMessage((raw) => {
        const message = raw as FromPackChild;
        if (message.type === 'network_refused') (runner?.networkRefused ?? refused).push(message.url);
        else if (message.type === 'loaded') {
          runner = new PackRunner(child, message.info);
          runner.networkRefused.push(...refused);
          resolve(runner);
        } else if (message.type === 'error' && message.id === null) {
          child.kill();
          reject(fromChild(message));
        } else runner?.settle(message);
      });
      child.onExit((description) => {
        if (runner) runner.childExited(description);
        else reject(new StudioError('internal', `the translation pack process stopped while loading (${description})`, { exit: description }));
      });
      child.send({ type: 'load', dir, originalName: options.originalName } satisfies ToPackChild);
    });
  }

  private settle(message: FromPackChild): void {
    if (message.type !== 'result' && message.type !== 'error') return;
    const pending = message.id === null ? undefined : this.pending.get(message.id);
    if (!pending || message.id === null) return;
    this.pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.translations);
    else pending.reject(fromChild(message));
  }

  private childExited(description: string): void {
    this.exited = description;
    for (const pending of this.pending.values()) {
      pending.reject(new StudioError('internal', `the translation pack process stopped (${description})`, { exit: description }));
    }
    this.pending.clear();
  }

  /** One translation per segment, in order. */
  translate(segments: string[], from: string, to: string, signal?: AbortSignal): Promise<PackTranslation[]> {
    if (this.exited !== null) return Promise.reject(new StudioError('internal', `the translation pack process stopped (${this.exited})`));
    if (signal?.aborted) return Promise.reject(new StudioError('cancelled', 'cancelled by the user'));
    const id = this.nextId++;
    return new Promise<PackTranslation[]>((resolve, reject) => {
      const onAbort = () => this.child.send({ type: 'cancel', id } satisfies ToPackChild);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (value) => (done(), resolve(value)),
        reject: (error) => (done(), reject(error)),
      });
      this.child.send({ type: 'translate', id, segments, from, to } satisfies ToPackChild);
    });
  }

  /** Ends the child (without onnxruntime's native teardown, as the speech child is ended). */
  dispose(): void {
    this.child.kill();
  }
}
