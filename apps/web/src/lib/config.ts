/** Settings the deployment gives the built app at run time (`/config.json`), so one build serves every environment. */
export type RuntimeConfig =
  | { authMode: 'dev' }
  | { authMode: 'oidc'; issuer: string; clientId: string; scope?: string };

let current: RuntimeConfig | undefined;

export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  current = (await response.json()) as RuntimeConfig;
  return current;
}

export function config(): RuntimeConfig {
  if (!current) throw new Error('the runtime configuration is not loaded yet');
  return current;
}

/** For tests, which run without a server to read /config.json from. */
export function setConfig(value: RuntimeConfig): void {
  current = value;
}
