/**
 * Which update the messages being sent now answer. The dispatcher runs each update's handler inside a
 * scope (AsyncLocalStorage follows it through every await), and the reliable client tells the scope
 * after each message it delivered, so the inbox can record how far a reply got. After a crash the
 * update is handled again and the scope skips the messages already delivered: a duplicate is then
 * possible only for the one message whose delivery and record straddle the crash.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface DeliveryScope {
  updateId: number;
  /** Messages of this reply delivered before a restart, still to be skipped. */
  skip: number;
  /** Called after each message of the reply is delivered (or durably queued in the outbox). */
  delivered(): void;
}

const storage = new AsyncLocalStorage<DeliveryScope>();

export function runInDeliveryScope<T>(scope: DeliveryScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentDeliveryScope(): DeliveryScope | undefined {
  return storage.getStore();
}
