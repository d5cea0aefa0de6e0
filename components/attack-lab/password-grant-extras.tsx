'use client';
import { PasswordForm } from '@/components/flow-player/password-extras';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';

/** The look-alike app's form: what Alice types goes to PhotoPrint (Mallory), not to the authorization server. */
export function PasswordGrantExtras({ step, live, send }: FlowExtrasProps) {
  if (step !== 'lookAlike') return null;
  return (
    <PasswordForm
      live={live}
      heading="PhotoPrint — sign in with your Photo Gallery account"
      button="Sign in and print my photos"
      onSubmit={(username, password) => {
        const event = { type: 'user.submitPassword', username, password };
        send(event);
      }}
    />
  );
}
