import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const __dirname = dirname(fileURLToPath(import.meta.url));
void __dirname;

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next*/**',
      'out/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'dist/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier (npm run format) lays code out at 140 columns but never splits a string: no line may reach 250.
      'max-len': ['error', { code: 249, ignoreUrls: false }],
      // Links prefetch on intent, not on sight (components/ui/intent-link.tsx says why).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'next/link', message: 'Use IntentLink from @/components/ui/intent-link: it prefetches on hover, touch or focus.' },
          ],
        },
      ],
    },
  },
  { files: ['components/ui/intent-link.tsx'], rules: { 'no-restricted-imports': 'off' } },
  // CommonJS on purpose (bin/thread-pool.cjs says why): require is how it imports.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
];

export default config;
