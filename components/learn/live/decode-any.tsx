'use client';
import { useId, useState } from 'react';
import { TokenPeek } from './token-peek';

const MAX = 64 * 1024;

/** Paste any token and read it: the same decoder as /jwt, nothing leaves the browser. */
export function DecodeAny({ sample }: { sample: string }) {
  const id = useId();
  const [text, setText] = useState(sample);
  const tooLong = text.length > MAX;
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block text-sm font-semibold">
        Token to decode
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        spellCheck={false}
        className="mt-1 w-full rounded-md border border-slate-400 bg-white p-2 font-mono text-xs break-all"
      />
      {tooLong ? (
        <p role="alert" className="text-sm text-red-800">
          That is over 64 KB: no real token is that long. Paste a compact JWT.
        </p>
      ) : (
        <TokenPeek token={text} name="Pasted token" />
      )}
    </div>
  );
}
