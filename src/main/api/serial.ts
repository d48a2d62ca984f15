/** The `serial.*` requests, mapped onto the serial service's face (no logic here). */
import type { DomainHandlers } from './dispatch.ts';
import type { SerialService } from '../services/serial/index.ts';

export const serialApi = ({ serial }: { serial: SerialService }): DomainHandlers<'serial'> =>
  ({
    'serial.port.list': () => serial.listPorts(),
    'serial.port.watch': (arg) => serial.watchPorts(arg),
    'serial.port.unwatch': (arg) => serial.unwatchPorts(arg),
    'serial.port.check': (arg) => serial.checkPort(arg),
    'serial.profile.list': () => serial.listProfiles(),
    'serial.profile.get': (arg) => serial.getProfile(arg),
    'serial.profile.create': (arg) => serial.createProfile(arg),
    'serial.profile.update': (arg) => serial.updateProfile(arg),
    'serial.profile.delete': (arg) => serial.deleteProfile(arg),
    'serial.identify': (arg) => serial.identify(arg),
    'serial.status': (arg) => serial.status(arg),
    'serial.modbus.read': (arg) => serial.readModbus(arg),
    'serial.firmware.check': (arg) => serial.checkFirmware(arg),
    'serial.flash.audit': (arg) => serial.flashAudit(arg),
    'serial.sendFile': (arg) => serial.sendFile(arg),
    'serial.receiveFile': (arg) => serial.receiveFile(arg),
    'serial.flash': (arg) => serial.flash(arg),
  });
