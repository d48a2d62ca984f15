/** The voice-pack install job; validation loads ONNX models, so it runs in a child process. */
import { defineJobWorker } from '../jobs/index.ts';
import type { VoiceInstallInput, VoiceInstallOutput } from './install-pack.ts';
import { runInChild } from './onnx-child.ts';

defineJobWorker<VoiceInstallInput, VoiceInstallOutput>((input, job) => runInChild<VoiceInstallOutput>('install', input, job));
