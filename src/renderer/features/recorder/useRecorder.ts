import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Asset } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { classifyMicError, MicCapture, type Levels, type MicFailure } from './mic-capture.ts';
import { TakeUploader } from './take-uploader.ts';
import { fmt } from '../../components/useFormat.ts';

export type RecorderPhase = 'idle' | 'opening' | 'ready' | 'recording' | 'saving';

const SILENT: Levels = { peakDb: -Infinity, momentaryLufs: -Infinity };

/**
 * The recorder's state: the chosen input, its live meters, and the take being streamed to disk.
 * The microphone opens as soon as the screen shows, so the level can be set before recording.
 */
export function useRecorder(forBulletin: number | null = null) {
  const { t } = useTranslation('recorder');
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string | undefined>(undefined);
  const [channels, setChannels] = useState(1);
  const [phase, setPhase] = useState<RecorderPhase>('idle');
  const [levels, setLevels] = useState<Levels>(SILENT);
  const [savedSeconds, setSavedSeconds] = useState(0);
  const [micFailure, setMicFailure] = useState<MicFailure | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [lastTake, setLastTake] = useState<Asset | null>(null);
  /** Bumped to open the input again (a retry, or a device plugged in after a failure). */
  const [attempt, setAttempt] = useState(0);
  const capture = useRef<MicCapture | null>(null);
  const take = useRef<TakeUploader | null>(null);
  /** "Ghi âm cho bản tin": the bulletin the take becomes the audio of, read when the take stops. */
  const bulletinRef = useRef(forBulletin);
  bulletinRef.current = forBulletin;
  const bulletinArg = () => (bulletinRef.current === null ? {} : { bulletinId: bulletinRef.current });

  const listDevices = useCallback(async () => {
    const all = await navigator.mediaDevices.enumerateDevices();
    setDevices(all.filter((d) => d.kind === 'audioinput'));
  }, []);

  // (Re)open the chosen input whenever it or the channel count changes.
  useEffect(() => {
    let cancelled = false;
    setPhase('opening');
    setMicFailure(null);
    MicCapture.open(deviceId, channels).then(
      async (opened) => {
        if (cancelled) return void opened.close();
        opened.onLevels = setLevels;
        capture.current = opened;
        setPhase('ready');
        await listDevices(); // labels are only visible once permission is granted
      },
      (failure: unknown) => {
        if (cancelled) return;
        setMicFailure(classifyMicError(failure));
        setPhase('idle');
      },
    );
    return () => {
      cancelled = true;
      const open = capture.current;
      capture.current = null;
      const running = take.current;
      take.current = null;
      // Leaving mid-take keeps what was recorded: finish and save it.
      if (running) void running.finish().then(() => api.call('recorder.stop', { sessionId: running.sessionId, ...bulletinArg() }));
      void open?.close();
      setLevels(SILENT);
    };
  }, [deviceId, channels, attempt, listDevices]);

  // A microphone plugged in (or pulled out) shows up in the list at once; after a failure, try again.
  useEffect(() => {
    const onChange = () => {
      void listDevices();
      if (!capture.current && !take.current) setAttempt((n) => n + 1);
    };
    navigator.mediaDevices?.addEventListener('devicechange', onChange);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', onChange);
  }, [listDevices]);

  const start = useCallback(async () => {
    const mic = capture.current;
    if (!mic || take.current) return;
    setError(null);
    setLastTake(null);
    setSavedSeconds(0);
    try {
      const { sessionId } = await api.call('recorder.start', {
        sampleRate: mic.sampleRate,
        channels: mic.channels,
        deviceLabel: mic.deviceLabel.slice(0, 300),
      });
      // If the disk refuses a chunk (full, unplugged), stop the take there rather than record into nothing.
      const uploader = new TakeUploader(sessionId, mic.sampleRate, setSavedSeconds, () => void stopRef.current());
      take.current = uploader;
      mic.onBlock = (block) => uploader.push(block);
      setPhase('recording');
    } catch (failure) {
      setError(failure);
    }
  }, []);

  const stop = useCallback(async () => {
    const uploader = take.current;
    if (!uploader) return;
    if (capture.current) capture.current.onBlock = null;
    take.current = null;
    setPhase('saving');
    try {
      // A chunk that could not be saved is reported, but what reached the disk is still kept.
      await uploader.finish().catch(setError);
      const name = t('takeName', { time: fmt.dateTime(new Date()) });
      setLastTake(await api.call('recorder.stop', { sessionId: uploader.sessionId, name, ...bulletinArg() }));
    } catch (failure) {
      setError(failure);
    } finally {
      setPhase(capture.current ? 'ready' : 'idle');
    }
  }, []);

  const stopRef = useRef(stop);
  stopRef.current = stop;

  return {
    devices,
    deviceId,
    setDeviceId,
    channels,
    setChannels,
    phase,
    levels,
    savedSeconds,
    micFailure,
    retry: () => setAttempt((n) => n + 1),
    error,
    clearError: () => setError(null),
    lastTake,
    start,
    stop,
  };
}
