type Listener<M, K extends keyof M = keyof M> = (name: K, payload: M[K]) => void;
import { logSwallowed } from './engine-log';

/** A typed fan-out of engine events to every host that listens. */
export class EventBus<M extends object> {
  private readonly listeners = new Set<Listener<M>>();

  emit<K extends keyof M>(name: K, payload: M[K]): void {
    for (const listener of [...this.listeners]) {
      try {
        (listener as Listener<M, K>)(name, payload);
      } catch (error) {
        // A failing listener must not stop the others or the emitter; the log keeps what it threw.
        logSwallowed('events', 'deliver event', error, { event: String(name) });
      }
    }
  }

  /** Returns the unsubscribe function. */
  listen(listener: Listener<M>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
