/**
 * Delivery: finished bulletins to the provincial source system or to package folders (a USB
 * stick), through a persistent outbox that survives restarts and lost connections; and packages
 * read back into the library. It owns the outbox, its settings and the package imports.
 */
import { DeliveryService, type DeliveryDeps } from './delivery-service.ts';

export { DeliveryService } from './delivery-service.ts';

export const createDelivery = (deps: DeliveryDeps): DeliveryService => new DeliveryService(deps);
