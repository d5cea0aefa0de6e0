// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Controls, type ControlsProps } from './controls';

afterEach(cleanup);

function setup(over: Partial<ControlsProps> = {}) {
  const props: ControlsProps = {
    canBack: true,
    canNext: true,
    autoPlay: { on: false, speed: 'normal' },
    status: '',
    onBack: vi.fn(),
    onNext: vi.fn(),
    onReset: vi.fn(),
    onAutoPlay: vi.fn(),
    presenting: true,
    onPresent: vi.fn(),
    ...over,
  };
  render(<Controls {...props} />);
  return props;
}

describe('Controls', () => {
  it('steps with → ← and space while presenting, and Escape leaves presenter mode', () => {
    const p = setup();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: ' ' });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(p.onNext).toHaveBeenCalledTimes(2);
    expect(p.onBack).toHaveBeenCalledTimes(1);
    expect(p.onPresent).toHaveBeenCalledTimes(1);
  });

  it('ignores Escape and space outside presenter mode, and keys typed in a field', () => {
    const p = setup({ presenting: false });
    fireEvent.keyDown(window, { key: 'Escape' });
    fireEvent.keyDown(window, { key: ' ' });
    fireEvent.keyDown(screen.getByLabelText('Auto-play speed'), { key: 'ArrowRight' });
    expect(p.onPresent).not.toHaveBeenCalled();
    expect(p.onNext).not.toHaveBeenCalled();
  });

  it('offers three speeds that say their delay, and toggles auto-play keeping the speed', () => {
    const p = setup({ autoPlay: { on: false, speed: 'slow' } });
    const select = screen.getByLabelText('Auto-play speed') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Slow (8 s per step)', 'Normal (4 s per step)', 'Fast (2 s per step)']);
    fireEvent.change(select, { target: { value: 'fast' } });
    expect(p.onAutoPlay).toHaveBeenLastCalledWith({ on: false, speed: 'fast' });
    fireEvent.click(screen.getByRole('button', { name: 'Auto-play' }));
    expect(p.onAutoPlay).toHaveBeenLastCalledWith({ on: true, speed: 'slow' });
  });
});
