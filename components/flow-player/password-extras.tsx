'use client';
import { useState, type FormEvent } from 'react';
import { MAX_CREDENTIAL } from '@/machines/password.actors';
import type { PasswordContext } from '@/machines/password.machine';
import { DeprecatedGrantNotice } from './deprecated-grant-notice';
import type { FlowExtrasProps } from './flow-definition';

/** The password flow's panels: the lab-realm notice and the app's own password form. */
export function PasswordExtras({ step, context: base, live, send }: FlowExtrasProps) {
  const context = base as PasswordContext;
  // The notice on every step, not only the first: a restored run (a reload) starts later.
  const notice = (
    <DeprecatedGrantNotice
      realm={context.input.realm}
      weakness="as-password-grant-allowed"
      grant="password grant (grant_type=password)"
      slug="password"
    />
  );
  if (step !== 'askPassword') return notice;
  const submit = (username: string, password: string) => {
    const event = { type: 'user.submitPassword', username, password };
    send(event);
  };
  return (
    <div className="space-y-3">
      {notice}
      <PasswordForm live={live} onSubmit={submit} />
    </div>
  );
}

/** The legacy app's own sign-in form: it is the client, not the AS, that receives what is typed here. */
export function PasswordForm({
  live,
  onSubmit,
  heading = 'Legacy App — sign in',
  button = 'Sign in to Legacy App',
}: {
  live: boolean;
  onSubmit: (username: string, password: string) => void;
  heading?: string;
  button?: string;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username || !password) return setProblem('Enter a username and a password.');
    setProblem(undefined);
    onSubmit(username, password);
  };
  return (
    <form onSubmit={submit} aria-label={heading} className="space-y-2 rounded-lg border border-slate-300 bg-white p-3 text-sm">
      <p className="font-semibold">{heading}</p>
      <p className="text-slate-700">This form belongs to the app, not to the authorization server. Demo user: alice / wonderland.</p>
      <label className="block">
        Username
        <input
          className="mt-1 block w-full max-w-xs rounded border border-slate-400 px-2 py-1"
          name="username"
          autoComplete="off"
          maxLength={MAX_CREDENTIAL}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          disabled={!live}
        />
      </label>
      <label className="block">
        Password
        <input
          className="mt-1 block w-full max-w-xs rounded border border-slate-400 px-2 py-1"
          name="password"
          type="password"
          autoComplete="off"
          maxLength={MAX_CREDENTIAL}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          disabled={!live}
        />
      </label>
      {problem && (
        <p role="alert" className="text-rose-900">
          {problem}
        </p>
      )}
      <button
        type="submit"
        disabled={!live}
        className="rounded bg-indigo-700 px-3 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {button}
      </button>
    </form>
  );
}
