/**
 * The realtime layer's database reads still running. Shutdown waits for them before the ORM
 * closes: a pool ended under a read that has not got its connection yet never settles either,
 * and the instance would hang on its way down.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
