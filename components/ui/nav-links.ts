/** The site's main sections, in nav order: the header, the 404 page and the home page read them. */
export const NAV = [
  { href: '/learn', label: 'Learn' },
  { href: '/flows', label: 'Flows' },
  { href: '/jwt', label: 'JWT debugger' },
  { href: '/attacks', label: 'Attack lab' },
] as const;
