import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from './run-scenario';
import { inOrder, SCENARIOS } from './scenarios';
import { startTftpd, tftpdMissingReason, type Tftpd } from './tftpd-hpa';

const missing = tftpdMissingReason();
if (missing !== undefined) console.warn(`skipping virtual phone scenarios against tftpd-hpa: ${missing}`);

describe.skipIf(missing !== undefined)('virtual phone scenarios served by tftpd-hpa from disk', () => {
  let server: Tftpd;
  beforeAll(async () => {
    server = await startTftpd();
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    for (const [name, content] of s.files) await server.write(name, content);
    try {
      const { outcome, requests } = await runScenario(s, server.port);
      expect(outcome).toMatchObject(s.expect);
      if (s.requests) expect(inOrder(requests, s.requests), `requests were ${requests.join(', ')}`).toBe(true);
      for (const n of s.never ?? []) expect(requests).not.toContain(n);
    } finally {
      for (const [name] of s.files) await server.remove(name);
    }
  });
});
