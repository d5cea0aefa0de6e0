/** WCAG 2.4.1: the first tab stop jumps to `<main id="main">`, shown only while focused. Used by every page shell of the app. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only rounded bg-indigo-700 px-3 py-2 font-semibold text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
    >
      Skip to main content
    </a>
  );
}
