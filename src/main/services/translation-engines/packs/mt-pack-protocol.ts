/** Messages between a translation pack's runner (parent) and its child process (mt-pack-child.ts). */
import type { MtModelInfo, PackTranslation } from './pack-model.ts';

export type ToPackChild =
  | { type: 'load'; dir: string; originalName?: string }
  | { type: 'translate'; id: number; segments: string[]; from: string; to: string }
  | { type: 'cancel'; id: number };

export type FromPackChild =
  | { type: 'loaded'; info: MtModelInfo }
  | { type: 'result'; id: number; translations: PackTranslation[] }
  /** `id` null: the load failed. */
  | { type: 'error'; id: number | null; code: string; message: string; details?: Record<string, unknown> }
  /** Something in the child tried to reach the network (refused); reported so it cannot go unnoticed. */
  | { type: 'network_refused'; url: string };
