/** Lets the event loop run (IPC, timers, the UI in Electron's main process) between batches. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
