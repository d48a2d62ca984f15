/** Secrets (the source server's token): the platform's keychain in the app, a private file elsewhere. */
export { fileSecretStore } from './file-secrets.ts';
