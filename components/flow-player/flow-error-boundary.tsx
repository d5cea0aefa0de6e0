'use client';
import { Component, type ReactNode } from 'react';

interface Props {
  /** Clears the saved run and starts a fresh one. */
  onReset: () => void;
  children: ReactNode;
}

/**
 * A run that cannot be restored or rendered (a snapshot saved by an older version of the machine,
 * edited session storage) must not leave a blank page: say what happened and offer a fresh start.
 */
export class FlowErrorBoundary extends Component<Props, { message?: string }> {
  state: { message?: string } = {};

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  render() {
    if (this.state.message === undefined) return this.props.children;
    return (
      <div role="alert" className="space-y-3 rounded-lg border border-rose-300 bg-rose-50 p-4 text-rose-950">
        <p className="font-semibold">This run could not be restored.</p>
        <p className="text-sm">
          The flow saved in this tab does not match the current version of the player ({this.state.message.slice(0, 200)}). Nothing was sent
          to any server.
        </p>
        <button
          type="button"
          className="rounded bg-rose-800 px-3 py-2 font-semibold text-white hover:bg-rose-900"
          onClick={() => {
            this.setState({ message: undefined });
            this.props.onReset();
          }}
        >
          Start the flow again
        </button>
      </div>
    );
  }
}
