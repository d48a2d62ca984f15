import { describe, expect, it } from 'vitest';
import { chunkSizeFor, recordLineSpeed } from '../../../../../src/main/services/delivery/source/line-speed.ts';

const MiB = 1 << 20;

describe('chunk size fitted to the line', () => {
  it('uses the configured size until the line to that server has been measured', () => {
    expect(chunkSizeFor('https://nguon.example.vn/', 8 * MiB)).toBe(8 * MiB);
  });

  it('shrinks chunks on a slow commune line, so a dropped connection costs little', () => {
    const server = 'https://tinh.example.vn:8443/api';
    recordLineSpeed(server, 20 * MiB, 160); // ≈ 1 Mbit/s
    expect(chunkSizeFor('https://tinh.example.vn:8443/files/x', 8 * MiB)).toBe(MiB);
  });

  it('grows chunks on a fast line, up to a ceiling, and smooths single measurements', () => {
    const server = 'http://127.0.0.1:9999';
    recordLineSpeed(server, 200 * MiB, 1); // 200 MiB/s: capped
    expect(chunkSizeFor(server, 8 * MiB)).toBe(32 * MiB);
    recordLineSpeed(server, 10 * MiB, 10); // one slow upload halves the estimate, no more
    expect(chunkSizeFor(server, 8 * MiB)).toBe(32 * MiB);
    recordLineSpeed('http://10.0.0.5', 2 * MiB, 1); // too short to say anything
    expect(chunkSizeFor('http://10.0.0.5', 8 * MiB)).toBe(8 * MiB);
  });
});
