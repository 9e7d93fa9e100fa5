/**
 * jsdom does no layout and has no ResizeObserver; Fluent's MessageBar observes its own size to decide
 * whether to wrap. A no-op observer is faithful here: in jsdom nothing ever resizes.
 */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const w = window as unknown as { ResizeObserver?: unknown };
if (typeof w.ResizeObserver === "undefined") w.ResizeObserver = NoLayoutResizeObserver;
