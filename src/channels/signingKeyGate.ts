/**
 * The signing-key ids each token issuer publishes, fetched at most once a minute per key set.
 * The SDK's token check (jwks-rsa, its rate limit off) fetches the issuer's key set again for
 * every token whose key id it has not cached, so anyone could make the bot call the issuer once
 * per request with random key ids. A token whose key id is not in the set fetched here is refused
 * before the SDK sees it; the SDK then only ever looks up keys the issuer really has.
 */

/** Options of {@link SigningKeyGate}. */
export interface SigningKeyGateOptions {
  /** A key set is fetched again at most this often, even for unknown key ids (the rate limit). */
  minRefreshIntervalMs?: number;
  /** A key set older than this is fetched again before it is used (issuers rotate keys). */
  maxAgeMs?: number;
  /** A fetch taking longer than this fails (the token is refused, the next one may retry). */
  fetchTimeoutMs?: number;
}

/** Defaults: about the cadence jwks-rsa uses when its own cache and rate limit are on. */
export const SIGNING_KEY_GATE_DEFAULTS = Object.freeze({
  minRefreshIntervalMs: 60_000,
  maxAgeMs: 60 * 60_000,
  fetchTimeoutMs: 5_000,
});

interface KeySet {
  keyIds: ReadonlySet<string>;
  /** When the set was last fetched successfully (0: never). */
  fetchedAt: number;
  /** When a fetch was last started, successful or not: the rate limit counts attempts. */
  attemptedAt: number;
  pending?: Promise<void>;
}

/** Knows which key ids each JWKS URI publishes; the number of URIs is fixed by the configured connections. */
export class SigningKeyGate {
  private readonly sets = new Map<string, KeySet>();
  private readonly options: Required<SigningKeyGateOptions>;
  /** Fetches started so far (for tests and diagnostics). */
  fetches = 0;

  constructor(options: SigningKeyGateOptions = {}, private readonly now: () => number = Date.now) {
    this.options = { ...SIGNING_KEY_GATE_DEFAULTS, ...options };
  }

  /** Whether the issuer behind `jwksUri` publishes a key with this id (fetching its set when allowed). */
  async knows(jwksUri: string, keyId: string): Promise<boolean> {
    let set = this.sets.get(jwksUri);
    const stale = !set || this.now() - set.fetchedAt > this.options.maxAgeMs;
    if (set && !stale && set.keyIds.has(keyId)) return true;
    const mayFetch = !set || this.now() - set.attemptedAt >= this.options.minRefreshIntervalMs;
    if (mayFetch || set?.pending) {
      await this.refresh(jwksUri);
      set = this.sets.get(jwksUri);
    }
    return set?.keyIds.has(keyId) ?? false;
  }

  /** Fetches a key set; concurrent callers share one fetch. */
  private refresh(jwksUri: string): Promise<void> {
    const set = this.sets.get(jwksUri) ?? { keyIds: new Set<string>(), fetchedAt: 0, attemptedAt: 0 };
    this.sets.set(jwksUri, set);
    if (set.pending) return set.pending;
    set.attemptedAt = this.now();
    this.fetches += 1;
    set.pending = fetchKeyIds(jwksUri, this.options.fetchTimeoutMs)
      .then(
        (keyIds) => {
          set.keyIds = keyIds;
          set.fetchedAt = this.now();
        },
        // Unreachable issuer: the keys known so far stay; the next attempt waits for the interval.
        () => undefined,
      )
      .finally(() => {
        set.pending = undefined;
      });
    return set.pending;
  }
}

/** The `kid` of each key of a JWKS document. */
async function fetchKeyIds(jwksUri: string, timeoutMs: number): Promise<Set<string>> {
  const response = await fetch(jwksUri, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${jwksUri}`);
  const document = (await response.json()) as { keys?: { kid?: unknown }[] };
  return new Set((document.keys ?? []).map((key) => key.kid).filter((kid): kid is string => typeof kid === 'string'));
}
