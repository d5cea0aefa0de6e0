import { IntentLink } from '@/components/ui/intent-link';
import { SiteNav } from './site-nav';
import { SkipLink } from './skip-link';
import { ThemeToggle } from './theme-toggle';

/**
 * The client app's header. The AS pages deliberately use a different one (lib/oauth-server/pages).
 * Presenter mode hides it: the projector's screen is the step's (globals.css, `data-presenter-hidden`).
 */
export function SiteHeader() {
  return (
    <header data-presenter-hidden="" className="relative border-b border-slate-200 bg-white">
      <SkipLink />
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-3 sm:gap-6">
        <IntentLink href="/" className="text-lg font-bold text-indigo-700">
          Flowlab
        </IntentLink>
        <SiteNav />
        <div className="sm:ml-auto">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
