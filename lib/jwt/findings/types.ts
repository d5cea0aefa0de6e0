export type Severity = 'high' | 'medium' | 'low' | 'info';

export interface Citation {
  label: string;
  href: string;
}

export interface Finding {
  /** Stable id tests and the UI switch on. */
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  cite: Citation[];
}

export const CITE = {
  bcp225: (section: string): Citation => ({
    label: `RFC 8725 §${section}`,
    href: `https://www.rfc-editor.org/rfc/rfc8725#section-${section}`,
  }),
  rfc9068: (section: string): Citation => ({
    label: `RFC 9068 §${section}`,
    href: `https://www.rfc-editor.org/rfc/rfc9068#section-${section}`,
  }),
  rfc7518: (section: string): Citation => ({
    label: `RFC 7518 §${section}`,
    href: `https://www.rfc-editor.org/rfc/rfc7518#section-${section}`,
  }),
  rfc7515: (section: string): Citation => ({
    label: `RFC 7515 §${section}`,
    href: `https://www.rfc-editor.org/rfc/rfc7515#section-${section}`,
  }),
  owasp: {
    label: 'OWASP JWT Cheat Sheet',
    href: 'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html',
  },
} as const;
