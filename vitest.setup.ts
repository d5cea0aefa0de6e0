// Stubs that jsdom lacks and React Flow needs; harmless under the node environment.
if (typeof globalThis.window !== 'undefined') {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
  class DOMMatrixReadOnlyStub {
    m22 = 1;
    constructor(_init?: string | number[]) {}
  }
  (globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub;
}
