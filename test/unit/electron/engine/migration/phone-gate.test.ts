import { describe, expect, it } from 'vitest';
import type { TftpEvent } from '../../../../../shared/api/tftp';
import { PhoneGate } from '../../../../../electron/engine/migration/phone-gate';

const MAC = '000E84C060A6';

function request(client: string, filename: string): TftpEvent {
  return { at: '2026-01-01T00:00:00.000Z', type: 'request', id: filename, client: { address: client, port: 3000 }, direction: 'read', filename, mode: 'octet', options: {} };
}

describe('PhoneGate', () => {
  it('before the address is known: learns from the phone own MAC, refuses other phones and unnamed files', () => {
    const gate = new PhoneGate(MAC, undefined, undefined);
    expect(gate.judge('127.0.0.5', 'OS79XX.TXT')).toMatchObject({ kind: 'refuse', reason: 'names no phone and the phone IP is not known' });
    expect(gate.judge('127.0.0.6', 'SEP000E84C060A7.cnf.xml')).toMatchObject({ kind: 'refuse', reason: 'names another phone (000E84C060A7)' });
    expect(gate.judge('127.0.0.7', `SEP${MAC}.cnf.xml`)).toEqual({ kind: 'learn' });
    // Judging does not learn: the runner does, through learn().
    expect(gate.ip).toBeUndefined();
  });

  it('once known: admits only that address, and moves the server lock with it', () => {
    const locks: (string[] | null)[] = [];
    const gate = new PhoneGate(MAC, undefined, 'dhcp');
    expect(gate.source).toBeUndefined();
    gate.attach({ setAllowlist: (ips) => locks.push(ips) });
    expect(gate.learn('127.0.0.9', 'dhcp')).toBe(true);
    expect(gate.learn('127.0.0.9', 'entered')).toBe(false);
    expect(gate.source).toBe('dhcp');
    expect(locks).toEqual([null, ['127.0.0.9']]);
    expect(gate.judge('127.0.0.9', 'anything.bin')).toEqual({ kind: 'admit' });
    expect(gate.judge('127.0.0.2', `SEP${MAC}.cnf.xml`)).toMatchObject({ kind: 'refuse', reason: 'another address' });
  });

  it('an entered address locks at attach and defaults to the entered source', () => {
    const locks: (string[] | null)[] = [];
    const gate = new PhoneGate(MAC, '127.0.0.3', undefined);
    gate.attach({ setAllowlist: (ips) => locks.push(ips) });
    expect(locks).toEqual([['127.0.0.3']]);
    expect(gate.source).toBe('entered');
  });

  it('counts its own refusals once: the server report of the same request is taken, a second one is not', () => {
    const gate = new PhoneGate(MAC, '127.0.0.3', undefined);
    gate.judge('127.0.0.4', 'a.bin');
    expect(gate.takeOwnRefusal('127.0.0.4', 'a.bin')).toBe(true);
    expect(gate.takeOwnRefusal('127.0.0.4', 'a.bin')).toBe(false);
    expect(gate.takeOwnRefusal('127.0.0.4', 'b.bin')).toBe(false);
  });

  it('holds the latest 32 early requests and hands back only those of the learned address', () => {
    const gate = new PhoneGate(MAC, undefined, undefined);
    for (let i = 0; i < 40; i++) gate.hold(request(i % 2 ? '127.0.0.8' : '127.0.0.9', `f${i}`));
    const held = gate.takeHeldFor('127.0.0.8');
    expect(held.map((e) => (e.type === 'request' ? e.filename : ''))).toEqual(Array.from({ length: 16 }, (_, k) => `f${9 + 2 * k}`));
    expect(gate.takeHeldFor('127.0.0.9')).toEqual([]);
  });
});
