import { randomBytes } from 'node:crypto';
import { assertNever, PhonebenchError } from '../../../shared/api/result';
import { msg, type Message } from '../../../shared/i18n/message';
import {
  DEFAULT_LINE_SETTINGS,
  MAX_WRITE_BYTES,
  type SessionInfo,
  type SerialStateEvent,
  type serialOpenSchema,
  type serialRequests,
  type WriteEncoding,
} from '../../../shared/api/serial';
import type { z } from 'zod';
import type { Domain, EngineContext } from '../context';
import { Emitter, type Event } from '../kit/event';
import { ConsoleLog, consoleLogPaths } from './console-log';
import { listPorts, type PortListDeps, defaultPortListDeps } from './port-list';
import { deviceKey, openSerialLink, portPresent, type LinkOpener } from './serial-link';
import { SerialSession, type SessionOptions } from './serial-session';
import { StreamLink } from './stream-link';
import { TextSender } from './text-sender';
import type { Duplex } from 'node:stream';

export interface SerialDomainOptions {
  open?: LinkOpener;
  present?: (path: string) => Promise<boolean>;
  portList?: Partial<PortListDeps>;
  /** Passed on to each session (poll, backoff, batching); tests shorten them. */
  session?: Omit<SessionOptions, 'open' | 'present' | 'listener'>;
  /** At most this many consoles open at once. */
  maxSessions?: number;
}

function decode(data: string, encoding: WriteEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(data, 'utf8');
    case 'latin1':
      if (/[\u0100-\uffff]/.test(data)) {
        throw new PhonebenchError('bad-request', msg('serial.latin1Range'), msg('serial.latin1Range.fix'));
      }
      return Buffer.from(data, 'latin1');
    case 'base64':
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
        throw new PhonebenchError('bad-request', msg('serial.badBase64'));
      }
      return Buffer.from(data, 'base64');
    default:
      return assertNever(encoding, 'encoding');
  }
}

export type SerialOpenParams = z.output<typeof serialOpenSchema>;

/** What other engine domains may do with consoles (wired in engine.ts); the same sessions, logs and events. */
export interface SerialService {
  /** Opens a port exactly as serial:open does. */
  open(params: SerialOpenParams, label?: Message): Promise<SessionInfo>;
  /**
   * Opens an in-process virtual port over one end of a stream pair. It shows in serial:sessions under `label`,
   * cannot be reopened once its other end closes, and has no control lines.
   */
  openVirtual(name: string, label: Message, stream: Duplex): Promise<SessionInfo>;
  /** Closes a session (flushes its logs); a session already gone is fine. */
  close(sessionId: string): Promise<void>;
  /** Every batch a console receives, as bytes, in process (the wire event carries the same batch as base64). */
  onData: Event<SerialBytes>;
}

export interface SerialBytes {
  sessionId: string;
  bytes: Buffer;
}

export type SerialDomain = Domain<typeof serialRequests> & { service: SerialService };

export function createSerialDomain(ctx: EngineContext, options: SerialDomainOptions = {}): SerialDomain {
  const sessions = new Map<string, SerialSession>();
  const opening = new Set<string>();
  const open = options.open ?? openSerialLink;
  const present = options.present ?? ((path: string) => portPresent(path));
  const listDeps: PortListDeps = { ...defaultPortListDeps(), ...options.portList };
  const maxSessions = options.maxSessions ?? 16;
  const sender = new TextSender((event) => ctx.events.emit('serial:send', event));

  const report = () => {
    const live = [...sessions.values()];
    const connected = live.filter((s) => s.state === 'connected').length;
    ctx.reportService({
      name: 'serial',
      state: 'running',
      detail: live.length === 0 ? msg('service.serial.none') : msg('service.serial.count', { count: live.length, connected }),
    });
  };

  const received = new Emitter<SerialBytes>({ log: ctx.log, name: 'serial.bytes' });
  const listener: SessionOptions['listener'] = {
    data(batch, session) {
      received.fire({ sessionId: session.id, bytes: batch });
      ctx.events.emit('serial:data', {
        sessionId: session.id,
        data: batch.toString('base64'),
        length: batch.length,
        ...session.totals,
      });
    },
    state(session, detail, attempt) {
      const payload: SerialStateEvent = {
        sessionId: session.id,
        state: session.state,
        at: new Date().toISOString(),
        session: session.info(),
      };
      if (detail !== undefined) payload.detail = detail;
      if (attempt !== undefined) payload.attempt = attempt;
      ctx.events.emit('serial:state', payload);
      if (session.state === 'closed') sessions.delete(session.id);
      report();
    },
    hint(match, session) {
      ctx.events.emit('serial:hint', {
        sessionId: session.id,
        hintId: match.hint.id,
        excerpt: match.excerpt,
        at: new Date().toISOString(),
      });
    },
  };

  const get = (sessionId: string): SerialSession => {
    const session = sessions.get(sessionId);
    if (!session) {
      throw new PhonebenchError('not-found', msg('serial.noSession', { id: sessionId }), msg('serial.noSession.fix'));
    }
    return session;
  };

  /** Opens one session; `extra` overrides how the port opens and what it is called (virtual ports). */
  async function openSession(params: SerialOpenParams, extra: Partial<Pick<SessionOptions, 'open' | 'present' | 'label'>> = {}): Promise<SessionInfo> {
    if (sessions.size >= maxSessions) {
      throw new PhonebenchError('busy', msg('serial.tooMany', { max: maxSessions }), msg('serial.tooMany.fix'));
    }
    const key = await deviceKey(params.path);
    const busy = new PhonebenchError('serial-busy', msg('serial.alreadyOpen', { path: params.path }), msg('serial.alreadyOpen.fix'));
    if (opening.has(key)) throw busy;
    for (const other of sessions.values()) {
      if (other.path === params.path || (await deviceKey(other.path)) === key) throw busy;
    }
    // Held while the port opens, so two quick clicks cannot open one device twice.
    opening.add(key);
    try {
      const { path, autoReconnect, ...settings } = params;
      const id = `c${randomBytes(5).toString('hex')}`;
      const log = await ConsoleLog.open(consoleLogPaths(ctx.dataDir, path, id, new Date()));
      const session = await SerialSession.start(id, path, settings, autoReconnect, log, {
        ...options.session,
        open,
        present,
        listener,
        ...extra,
      });
      sessions.set(id, session);
      report();
      return session.info();
    } finally {
      opening.delete(key);
    }
  }

  const service: SerialService = {
    onData: received.event,
    open: (params, label) => openSession(params, label === undefined ? {} : { label }),
    openVirtual(name, label, stream) {
      let used = false;
      const link = new StreamLink(stream);
      return openSession(
        { path: name, autoReconnect: false, ...DEFAULT_LINE_SETTINGS },
        {
          label,
          // The stream is the port: it opens once and is there until its other end closes.
          open: () => {
            if (used || !link.isOpen) return Promise.reject(new PhonebenchError('serial-unavailable', msg('serial.virtualGone', { label }), msg('serial.virtualGone.fix')));
            used = true;
            return Promise.resolve(link);
          },
          present: () => Promise.resolve(link.isOpen),
        },
      );
    },
    async close(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) return;
      await session.close();
      sessions.delete(session.id);
      report();
    },
  };

  report();

  return {
    service,
    handlers: {
      'serial:list': () => listPorts(listDeps),
      'serial:open': (params) => openSession(params),
      'serial:write': async (params) => {
        const bytes = decode(params.data, params.encoding);
        if (bytes.length > MAX_WRITE_BYTES) {
          throw new PhonebenchError('bad-request', msg('serial.writeTooLarge', { max: MAX_WRITE_BYTES }), msg('serial.writeTooLarge.fix'));
        }
        const sent = await get(params.sessionId).send(bytes);
        return sent.hidden ? sent : { bytes: sent.bytes };
      },
      'serial:break': async (params) => {
        const session = get(params.sessionId);
        await session.sendBreak(params.durationMs);
        return session.info();
      },
      'serial:set': async (params) => {
        const session = get(params.sessionId);
        const lines: { dtr?: boolean; rts?: boolean } = {};
        if (params.dtr !== undefined) lines.dtr = params.dtr;
        if (params.rts !== undefined) lines.rts = params.rts;
        await session.setLines(lines);
        return session.info();
      },
      'serial:reconnect': async (params) => {
        const session = get(params.sessionId);
        await session.reconnect();
        return session.info();
      },
      'serial:close': async (params) => {
        const session = get(params.sessionId);
        await session.close();
        sessions.delete(session.id);
        report();
        return session.info();
      },
      'serial:send-text': (params) => sender.start(get(params.sessionId), params),
      'serial:send-stop': (params) => ({ stopped: sender.stop(params.sessionId) }),
      'serial:sessions': () => [...sessions.values()].map((s) => s.info()),
      'serial:replay': (params) => {
        const session = get(params.sessionId);
        const { entries, hints, droppedBytes } = session.replay();
        return { session: session.info(), entries, droppedBytes, hints: hints.map((h) => ({ sessionId: session.id, ...h })) };
      },
    },
    async close() {
      sender.dispose();
      const all = [...sessions.values()];
      await Promise.allSettled(all.map((s) => s.close()));
      sessions.clear();
      received.dispose();
      ctx.reportService({ name: 'serial', state: 'stopped' });
    },
  };
}
