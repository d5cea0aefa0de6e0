// GET /jwt – the in-browser JWT debugger (RFC 7515/7516/7519); nothing typed here leaves the browser.
import { JwtDebugger } from '@/components/jwt/jwt-debugger';

export const metadata = { title: 'JWT debugger' };

export default function Page() {
  return (
    <>
      <h1 className="text-3xl font-bold">JWT debugger</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Paste a token to read, verify and check it; or write one and sign it. Everything runs in your browser: no token, secret or key is
        sent anywhere.
      </p>
      <div className="mt-6">
        <JwtDebugger />
      </div>
    </>
  );
}
