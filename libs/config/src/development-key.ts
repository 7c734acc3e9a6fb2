/**
 * The HS256 key of AUTH_MODE=dev when AUTH_DEV_SECRET is not set: public, so production refuses dev
 * mode. Here, the lowest platform lib, because the configuration's default needs it and @globac/auth
 * (which signs and verifies with it) builds on the configuration, not the other way round.
 */
export const DEFAULT_DEV_SECRET = 'globac-development-key-not-for-production-use';
