import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import type { Marker } from '../../../shared/api/audio.ts';

export interface Selection {
  start: number;
  end: number;
}

const SELECTION_COLOR = 'rgba(59, 130, 196, 0.28)';
const MARKER_COLOR = 'rgba(230, 126, 34, 0.9)';
const MARKER_PREFIX = 'marker:';

/**
 * One wavesurfer.js view: waveform from peaks the main process computed (never decoded here), a
 * timeline, one drag-selected range and the document's named markers.
 */
export function useWaveform(container: RefObject<HTMLDivElement | null>) {
  const ws = useRef<WaveSurfer | null>(null);
  const regions = useRef<RegionsPlugin | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [cursor, setCursor] = useState(0);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const plugin = RegionsPlugin.create();
    const surfer = WaveSurfer.create({
      container: container.current,
      height: 180,
      waveColor: '#5f8fbf',
      progressColor: '#2f5f8f',
      cursorColor: '#c62828',
      cursorWidth: 2,
      minPxPerSec: 50,
      normalize: false,
      autoScroll: true,
      autoCenter: false,
      // The timeline inside wavesurfer's own scroll area, so it scrolls and zooms with the waveform.
      plugins: [plugin, TimelinePlugin.create({ height: 18, style: { fontSize: '11px', color: '#4a5563' } })],
    });
    plugin.enableDragSelection({ color: SELECTION_COLOR });
    // One selection at a time: a new drag replaces the old range.
    plugin.on('region-created', (region: Region) => {
      if (region.id.startsWith(MARKER_PREFIX)) return;
      for (const other of plugin.getRegions()) if (other !== region && !other.id.startsWith(MARKER_PREFIX)) other.remove();
      setSelection({ start: region.start, end: region.end });
    });
    plugin.on('region-updated', (region: Region) => {
      if (!region.id.startsWith(MARKER_PREFIX)) setSelection({ start: region.start, end: region.end });
    });
    surfer.on('timeupdate', setCursor);
    surfer.on('interaction', (time) => {
      setCursor(time);
    });
    surfer.on('play', () => setPlaying(true));
    surfer.on('pause', () => setPlaying(false));
    surfer.on('finish', () => setPlaying(false));
    ws.current = surfer;
    regions.current = plugin;
    return () => {
      surfer.destroy();
      ws.current = null;
      regions.current = null;
    };
  }, [container]);

  const clearSelection = useCallback(() => {
    for (const region of regions.current?.getRegions() ?? []) if (!region.id.startsWith(MARKER_PREFIX)) region.remove();
    setSelection(null);
  }, []);

  /** Shows a new state of the document: its rendered preview for playback, its peaks for drawing. */
  const load = useCallback(async (url: string, peaks: number[][], duration: number) => {
    const surfer = ws.current;
    if (!surfer) return;
    const at = Math.min(surfer.getCurrentTime(), duration);
    clearSelection();
    await surfer.load(url, peaks, duration);
    surfer.setTime(at);
    setCursor(at);
  }, [clearSelection]);

  /** New peaks for the same audio (after a zoom): redraw without reloading the media. */
  const redraw = useCallback((peaks: number[][], duration: number) => {
    ws.current?.setOptions({ peaks, duration });
  }, []);

  const showMarkers = useCallback((markers: Marker[]) => {
    const plugin = regions.current;
    if (!plugin) return;
    for (const region of plugin.getRegions()) if (region.id.startsWith(MARKER_PREFIX)) region.remove();
    for (const marker of markers) {
      // The regions live in wavesurfer's shadow DOM, out of reach of our stylesheet: style inline.
      const label = document.createElement('span');
      label.textContent = `⚑ ${marker.name}`;
      label.style.cssText = 'white-space:nowrap;font-size:12px;background:rgba(255,255,255,.85);padding:0 4px;border-radius:3px;color:#8a4b0f';
      plugin.addRegion({ id: `${MARKER_PREFIX}${marker.name}`, start: marker.at, content: label, color: MARKER_COLOR, drag: false, resize: false });
    }
  }, []);

  const select = useCallback((start: number, end: number) => {
    const plugin = regions.current;
    if (!plugin) return;
    clearSelection();
    plugin.addRegion({ start, end, color: SELECTION_COLOR });
  }, [clearSelection]);

  return {
    surfer: ws,
    selection,
    cursor,
    playing,
    load,
    redraw,
    showMarkers,
    select,
    clearSelection,
    /**
     * Through setOptions, not zoom(): zoom() throws before audio is loaded, and a later
     * setOptions (new peaks) would put back the old level that zoom() did not record.
     */
    zoom: (pixelsPerSecond: number) => ws.current?.setOptions({ minPxPerSec: pixelsPerSecond }),
    seek: (time: number) => {
      ws.current?.setTime(time);
      setCursor(time);
    },
    /** Plays the selection if there is one, else from the cursor; stops if playing. */
    togglePlay: () => {
      const surfer = ws.current;
      if (!surfer) return;
      if (surfer.isPlaying()) return surfer.pause();
      if (selection) void surfer.play(selection.start, selection.end);
      else void surfer.play();
    },
  };
}
