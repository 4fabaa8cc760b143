import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The per-start secret of `phonebench serve`, and the checks every request passes. */
export class WebAuth {
  readonly token: string;

  /** `token`: one kept from an earlier start (npm start keeps its address); a fresh one otherwise. */
  constructor(
    private readonly port: () => number,
    token?: string,
  ) {
    this.token = token ?? randomBytes(24).toString('base64url');
  }

  get cookieName(): string {
    return `phonebench_${this.port()}`;
  }

  /** The origins a page of ours can have; anything else is foreign. */
  allowedOrigins(): string[] {
    const port = this.port();
    return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  }

  /** Refuses foreign Host headers (DNS rebinding) and foreign Origins. */
  sameSite(req: IncomingMessage, requireOrigin: boolean): boolean {
    const origins = this.allowedOrigins();
    const host = req.headers.host;
    if (!host || !origins.includes(`http://${host}`)) return false;
    const origin = req.headers.origin;
    if (origin === undefined) return !requireOrigin;
    return origins.includes(origin);
  }

  /**
   * True when the request carries the token in its query or in our cookie. A query token decides (an older start's
   * token is refused, so its tab knows it is stale); an absent or empty one leaves it to the cookie, so a tab
   * reopened from history or a bookmark without `?token` still works.
   */
  hasToken(req: IncomingMessage, url: URL): boolean {
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null && fromQuery !== '') return this.matches(fromQuery);
    const cookie = parseCookies(req.headers.cookie)[this.cookieName];
    return cookie !== undefined && this.matches(cookie);
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  private matches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
