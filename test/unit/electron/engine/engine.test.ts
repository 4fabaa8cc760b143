import { en, errorText } from '../../../support/error-text';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../../electron/engine/engine';
import packageJson from '../../../../package.json';

describe('Engine', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
  });

  const create = async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-engine-'));
    engine = await Engine.create({ dataDir, host: 'cli' });
    return { engine, dataDir };
  };

  it('answers app:status with version, host and data directory', async () => {
    const { engine, dataDir } = await create();
    const result = await engine.request('app:status', {});
    expect(result).toMatchObject({ ok: true, value: { version: packageJson.version, host: 'cli', dataDir } });
  });

  it('lists every service from the start, stopped until used', async () => {
    const { engine } = await create();
    const result = await engine.request('app:status', {});
    if (!result.ok) throw new Error(errorText(result.error));
    const states = Object.fromEntries(result.value.services.map((s) => [s.name, s.state]));
    expect(states).toMatchObject({ tftp: 'stopped', sim: 'stopped', migrate: 'stopped' });
    expect(Object.keys(states)).toContain('serial');
  });

  it('returns errors as values for unknown requests and bad parameters', async () => {
    const { engine } = await create();
    expect(await engine.request('nope:nothing', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const bad = await engine.request('settings:update', { language: 'xx' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!bad.ok) expect(en(bad.error.message)).toContain('language');
  });

  it('emits settings:changed to listeners', async () => {
    const { engine } = await create();
    const seen: string[] = [];
    const stop = engine.listen((name) => seen.push(name));
    await engine.request('settings:update', { language: 'ja' });
    stop();
    await engine.request('settings:update', { language: 'en' });
    expect(seen).toEqual(['settings:changed']);
  });

  it('refuses requests after close, and close is idempotent', async () => {
    const { engine } = await create();
    await engine.close();
    await engine.close();
    expect(await engine.request('app:status', {})).toMatchObject({ ok: false, error: { code: 'not-running' } });
  });
});
