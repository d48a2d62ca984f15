import type { Migration } from './index.ts';

/**
 * How each imported package's signature was judged (issue 8): 'trusted' kept its approval,
 * 'untrusted' or 'unsigned' landed as submitted. Null for imports made before signatures.
 */
export const packageSignatures: Migration = {
  version: 37,
  name: 'package-signatures',
  sql: /* sql */ `
    ALTER TABLE package_imports ADD COLUMN signature TEXT;
    ALTER TABLE package_imports ADD COLUMN signer_key TEXT;
  `,
};
