/**
 * Coded errors for serial work. Each carries the stage, the state the device is left in and the
 * next step, so the screen (not the service) can put it into words.
 */
import { StudioError, type ErrorCode } from '../../../shared/errors.ts';
import type { DeviceErrorDetails, DeviceState, NextStep } from '../../../shared/api/serial-types.ts';

export function deviceError(
  code: ErrorCode,
  stage: string,
  deviceState: DeviceState,
  nextStep: NextStep,
  extra: Record<string, unknown> = {},
): StudioError {
  const details: DeviceErrorDetails = { stage, deviceState, nextStep, ...extra };
  return new StudioError(code, stage, details);
}

/** Re-labels a link error (timeout, unplug, cancel) with the state a driver knows it left. */
export function withDeviceState(error: unknown, stage: string, deviceState: DeviceState, nextStep?: NextStep): never {
  if (error instanceof StudioError) {
    const previous = (error.details ?? {}) as Partial<DeviceErrorDetails>;
    const step: NextStep =
      nextStep ?? (error.code === 'serial_disconnected' ? 'check_cable' : error.code === 'cancelled' ? 'retry' : previous.nextStep ?? 'retry');
    throw new StudioError(error.code, stage, { ...previous, stage, deviceState, nextStep: step });
  }
  throw error;
}

export function cancelledError(stage: string, deviceState: DeviceState = 'unknown'): StudioError {
  return deviceError('cancelled', stage, deviceState, 'retry');
}
