import type { AuditScanResult, DeviceAuditCounts } from '../../../api/device-audits';
import type { DeviceStatus } from '../../../api/devices';
import { ApiError, NetworkError } from '../../../api/errors';

/**
 * An audit's scanning line, apart from the screen. A technician walks a shelf or a cart scanning
 * tags as fast as the scanner types them: each scan is sent strictly after the one before (so the
 * log and the counts follow the order of the shelf), and nothing stops the line. A tag nobody
 * knows, a device of another school or a second scan is flagged with its own tone and sound, and
 * the next scan is handled at once.
 */

/** What one scan came to: the server's answers, and a failure to get one. */
export type AuditOutcome = AuditScanResult['result'] | 'network' | 'closed' | 'error';

export interface Warning {
  /** A key under audits.scan.warn. */
  key: 'reported' | 'outOfService';
  status: DeviceStatus;
}

export interface AuditEntry {
  id: number;
  at: Date;
  /** What the scanner typed. */
  code: string;
  outcome: AuditOutcome;
  /** The device's tag (or serial) when the scan found one, else what was scanned. */
  tag: string;
  deviceId: string | null;
  /** The school the device belongs to, for one seen elsewhere (null: none). */
  schoolName: string | null;
  /** When a device scanned again was first seen. */
  firstSeenAt: string | null;
  warnings: Warning[];
  /** Why the scan was not saved, for an outcome of 'error'. */
  error: unknown;
}

export interface AuditSessionCounts {
  here: number;
  elsewhere: number;
  again: number;
  unknown: number;
  failed: number;
}

export interface AuditLineState {
  /** Newest first. */
  entries: AuditEntry[];
  /** Scans typed but not yet answered. */
  pending: number;
  /** The audit's counts after the latest answer. */
  counts: DeviceAuditCounts | null;
  session: AuditSessionCounts;
}

export type AuditCue = 'ok' | 'stop' | 'undone';

export interface AuditLineApi {
  scan(tag: string): Promise<AuditScanResult>;
}

type Listener = (state: AuditLineState, cue: AuditCue | null, entry: AuditEntry | null) => void;

const MAX_ENTRIES = 1000;

/** Each outcome's sound: a beep for a device in its place, a soft fall for a repeat, a buzz for anything to look at. */
export function cueFor(outcome: AuditOutcome): AuditCue {
  switch (outcome) {
    case 'seen_here':
      return 'ok';
    case 'already_seen':
      return 'undone';
    case 'seen_elsewhere':
    case 'unknown_tag':
    case 'network':
    case 'closed':
    case 'error':
      return 'stop';
  }
}

function warningsFor(status: DeviceStatus): Warning[] {
  switch (status) {
    case 'lost':
    case 'stolen':
      return [{ key: 'reported', status }];
    case 'retired':
    case 'ewaste':
      return [{ key: 'outOfService', status }];
    case 'in_stock':
    case 'assigned':
    case 'loaner':
    case 'in_repair':
      return [];
  }
}

function failureOf(err: unknown): { outcome: AuditOutcome; error: unknown } {
  if (err instanceof NetworkError) return { outcome: 'network', error: err };
  // The only conflict a scan meets: someone closed the audit meanwhile.
  if (err instanceof ApiError && err.status === 409) return { outcome: 'closed', error: err };
  return { outcome: 'error', error: err };
}

export class AuditLine {
  private state: AuditLineState = {
    entries: [],
    pending: 0,
    counts: null,
    session: { here: 0, elsewhere: 0, again: 0, unknown: 0, failed: 0 },
  };
  private queue: Promise<void> = Promise.resolve();
  private nextId = 1;

  constructor(
    private readonly api: AuditLineApi,
    private readonly listener: Listener,
  ) {}

  get current(): AuditLineState {
    return this.state;
  }

  private set(patch: Partial<AuditLineState>, cue: AuditCue | null = null, entry: AuditEntry | null = null) {
    this.state = { ...this.state, ...patch };
    this.listener(this.state, cue, entry);
  }

  /** One scanned (or typed) code, handled after every code before it. */
  scan(raw: string): Promise<void> {
    const code = raw.trim();
    if (!code) return this.queue;
    this.set({ pending: this.state.pending + 1 });
    this.queue = this.queue.then(() => this.handle(code)).catch(() => undefined);
    return this.queue;
  }

  private async handle(code: string) {
    let entry: AuditEntry;
    let counts = this.state.counts;
    try {
      const r = await this.api.scan(code);
      counts = r.counts;
      entry = {
        id: this.nextId++,
        at: new Date(),
        code,
        outcome: r.result,
        tag: r.device?.assetTag ?? r.device?.serial ?? code,
        deviceId: r.device?.id ?? null,
        schoolName: r.device?.schoolName ?? null,
        firstSeenAt: r.firstSeenAt,
        warnings: r.device && r.result !== 'already_seen' ? warningsFor(r.device.status) : [],
        error: null,
      };
    } catch (err) {
      const failure = failureOf(err);
      entry = {
        id: this.nextId++,
        at: new Date(),
        code,
        tag: code,
        deviceId: null,
        schoolName: null,
        firstSeenAt: null,
        warnings: [],
        ...failure,
      };
    }
    const session = { ...this.state.session };
    switch (entry.outcome) {
      case 'seen_here':
        session.here++;
        break;
      case 'seen_elsewhere':
        session.elsewhere++;
        break;
      case 'already_seen':
        session.again++;
        break;
      case 'unknown_tag':
        session.unknown++;
        break;
      case 'network':
      case 'closed':
      case 'error':
        session.failed++;
        break;
    }
    this.set(
      {
        entries: [entry, ...this.state.entries].slice(0, MAX_ENTRIES),
        pending: Math.max(0, this.state.pending - 1),
        counts,
        session,
      },
      cueFor(entry.outcome),
      entry,
    );
  }
}
