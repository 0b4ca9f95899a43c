import type { BadgeResult, ScanRequest, ScanResult } from '../../api/devices';
import type { ScanRefusal } from '../../../shared/api/device-checkout';

/**
 * The scan station's line, apart from the screen: what a scanned code means at each step, what
 * stops the line and what undo reverses. Scans arrive as fast as a scanner types them; they are
 * handled strictly one after another, and any scan while the line is stopped is ignored (the
 * technician must look at the screen before going on).
 */

export type ScanMode = 'checkout' | 'checkin';

/** Why the line stopped: the server's scan refusals, and what the badge step finds by itself. */
export type StopReason = ScanRefusal | 'inactive' | 'not_person' | 'network' | 'error';

export interface Message {
  /** A key under devices.scan.msg (its params fill the sentence). */
  key: string;
  params: Record<string, string>;
}

export interface Stop extends Message {
  reason: StopReason;
  /** A hold can be overridden with a reason. */
  canOverride: boolean;
  holds: { reason: string; amount: string | null }[];
}

export interface Entry extends Message {
  id: number;
  at: Date;
  tone: 'ok' | 'stop' | 'undone';
  personName: string | null;
  tag: string;
  undoToken: string | null;
  undone: boolean;
  warnings: Message[];
}

export type Person = NonNullable<BadgeResult['person']>;

export interface LineState {
  mode: ScanMode;
  step: 'badge' | 'device';
  person: Person | null;
  /** What the badge said, sent with the device scan. */
  badge: string | null;
  /** The devices the person holds now (shown while their device is scanned). */
  holding: BadgeResult['devices'];
  overrideReason: string | null;
  stop: Stop | null;
  entries: Entry[];
  busy: boolean;
  counts: { checkedOut: number; checkedIn: number; stopped: number; undone: number };
}

export interface LineApi {
  lookupBadge(badge: string): Promise<BadgeResult>;
  scan(body: ScanRequest): Promise<ScanResult>;
  undo(token: string): Promise<{ device: { assetTag: string | null; serial: string; status: string } }>;
}

export interface ScanOptions {
  condition: NonNullable<ScanRequest['condition']>;
  accessories: string[];
}

const MAX_ENTRIES = 500;
const staffRoles = ['teacher', 'administrator', 'aide'];

export const initialLine = (mode: ScanMode): LineState => ({
  mode,
  step: mode === 'checkout' ? 'badge' : 'device',
  person: null,
  badge: null,
  holding: [],
  overrideReason: null,
  stop: null,
  entries: [],
  busy: false,
  counts: { checkedOut: 0, checkedIn: 0, stopped: 0, undone: 0 },
});

type Listener = (state: LineState, sound: 'ok' | 'stop' | 'undone' | null) => void;

export class ScanLine {
  private state: LineState;
  private queue: Promise<void> = Promise.resolve();
  private nextId = 1;

  constructor(
    private readonly api: LineApi,
    mode: ScanMode,
    private readonly listener: Listener,
    private readonly options: () => ScanOptions,
  ) {
    this.state = initialLine(mode);
  }

  get current(): LineState {
    return this.state;
  }

  private set(patch: Partial<LineState>, sound: 'ok' | 'stop' | 'undone' | null = null) {
    this.state = { ...this.state, ...patch };
    this.listener(this.state, sound);
  }

  /** One scanned (or typed) code, handled after every code before it. */
  scan(raw: string): Promise<void> {
    const code = raw.trim();
    if (!code) return this.queue;
    this.queue = this.queue.then(() => this.handle(code)).catch(() => undefined);
    return this.queue;
  }

  setMode(mode: ScanMode) {
    this.set({ ...initialLine(mode), entries: this.state.entries, counts: this.state.counts });
  }

  /** Esc: the technician has seen why the line stopped; start again at the first step. */
  continue() {
    if (this.state.busy) return;
    const { mode, entries, counts } = this.state;
    this.set({ ...initialLine(mode), entries, counts });
  }

  /** Issue to a student despite their hold; the reason goes to the audit log with the check-out. */
  override(reason: string) {
    const stop = this.state.stop;
    if (!stop?.canOverride || !this.state.person || reason.trim().length < 3) return;
    this.set({ stop: null, step: 'device', overrideReason: reason.trim() });
  }

  /** Reverses the newest scan that can still be undone. */
  undo(): Promise<void> {
    this.queue = this.queue.then(() => this.handleUndo()).catch(() => undefined);
    return this.queue;
  }

  get canUndo(): boolean {
    return this.state.entries.some((e) => e.undoToken && !e.undone);
  }

  private async handle(code: string) {
    if (this.state.stop) return; // a stopped line ignores the scanner until someone looks
    this.set({ busy: true });
    try {
      if (this.state.mode === 'checkout' && this.state.step === 'badge') await this.badge(code);
      else await this.device(code);
    } catch (err) {
      this.stopLine(
        err instanceof Error && err.name === 'NetworkError'
          ? { reason: 'network', key: 'network', params: {} }
          : { reason: 'error', key: 'error', params: { message: err instanceof Error ? err.message : String(err) } },
        code,
      );
    } finally {
      this.set({ busy: false });
    }
  }

  private async badge(code: string) {
    const found = await this.api.lookupBadge(code);
    const person = found.person;
    if (!person) return this.stopLine({ reason: 'unknown_student', key: 'unknown_student', params: { badge: code } }, code);
    const base = { person, badge: code, holding: found.devices };
    if (!person.active) return this.stopLine({ reason: 'inactive', key: 'inactive', params: { name: person.name } }, code, base);
    if (person.primaryRole !== 'student' && !staffRoles.includes(person.primaryRole)) {
      return this.stopLine({ reason: 'not_person', key: 'not_person', params: { name: person.name } }, code, base);
    }
    if (found.holds.length > 0) {
      return this.stopLine(
        { reason: 'hold', key: 'hold', params: { name: person.name, reasons: found.holds.map((h) => h.reason).join('; ') } },
        code,
        base,
        found.holds,
      );
    }
    this.set({ ...base, step: 'device', overrideReason: null });
  }

  private async device(code: string) {
    const { mode, badge, overrideReason } = this.state;
    const { condition, accessories } = this.options();
    const result = await this.api.scan({
      mode,
      tag: code,
      studentId: mode === 'checkout' ? (badge ?? undefined) : undefined,
      accessories,
      condition: mode === 'checkin' ? condition : undefined,
      holdOverrideReason: overrideReason ?? undefined,
    });
    const tag = result.device?.assetTag ?? result.device?.serial ?? code;
    if (result.result === 'refused') {
      const reason = result.reason ?? 'unknown_tag';
      const params = {
        tag,
        name: result.student?.name ?? this.state.person?.name ?? '',
        holder: result.device?.assignee?.name ?? '',
        status: result.device?.status ?? '',
        reasons: result.holds.map((h) => h.reason).join('; '),
      };
      return this.stopLine({ reason, key: reason, params }, code, {}, result.holds);
    }
    const name = result.student?.name ?? '';
    const warnings: Message[] = [];
    if (result.result === 'checked_out' && result.student && !result.student.agreementSigned) {
      warnings.push({ key: 'noAgreement', params: { name } });
    }
    if (result.result === 'checked_out' && overrideReason) warnings.push({ key: 'overridden', params: { reason: overrideReason } });
    if (result.result === 'checked_in') {
      const missing = result.warnings.find((w) => w.startsWith('Not returned: '));
      if (missing) warnings.push({ key: 'notReturned', params: { items: missing.slice('Not returned: '.length) } });
      if (condition === 'damaged') warnings.push({ key: 'toRepair', params: {} });
    }
    const entry: Entry = {
      id: this.nextId++,
      at: new Date(),
      tone: 'ok',
      key: result.result,
      params: { tag, name },
      personName: name || null,
      tag,
      undoToken: result.undoToken,
      undone: false,
      warnings,
    };
    const counts = { ...this.state.counts };
    if (result.result === 'checked_out') counts.checkedOut++;
    else counts.checkedIn++;
    const next = mode === 'checkout' ? { step: 'badge' as const, person: null, badge: null, holding: [], overrideReason: null } : {};
    this.set({ ...next, entries: [entry, ...this.state.entries].slice(0, MAX_ENTRIES), counts }, 'ok');
  }

  private stopLine(
    message: { reason: StopReason; key: string; params: Record<string, string> },
    code: string,
    patch: Partial<LineState> = {},
    holds: { reason: string; amount: string | null }[] = [],
  ) {
    const canOverride = message.reason === 'hold' && this.state.mode === 'checkout';
    const stop: Stop = { ...message, canOverride, holds };
    const entry: Entry = {
      id: this.nextId++,
      at: new Date(),
      tone: 'stop',
      key: message.key,
      params: message.params,
      personName: patch.person?.name ?? this.state.person?.name ?? null,
      tag: code,
      undoToken: null,
      undone: false,
      warnings: [],
    };
    const counts = { ...this.state.counts, stopped: this.state.counts.stopped + 1 };
    this.set({ ...patch, stop, entries: [entry, ...this.state.entries].slice(0, MAX_ENTRIES), counts }, 'stop');
  }

  private async handleUndo() {
    const target = this.state.entries.find((e) => e.undoToken && !e.undone);
    if (!target?.undoToken || this.state.busy) return;
    this.set({ busy: true });
    try {
      const res = await this.api.undo(target.undoToken);
      const entries = this.state.entries.map((e) => (e.id === target.id ? { ...e, undone: true } : e));
      const entry: Entry = {
        id: this.nextId++,
        at: new Date(),
        tone: 'undone',
        key: 'undone',
        params: { tag: res.device.assetTag ?? res.device.serial, status: res.device.status },
        personName: target.personName,
        tag: target.tag,
        undoToken: null,
        undone: false,
        warnings: [],
      };
      const counts = { ...this.state.counts, undone: this.state.counts.undone + 1 };
      const { mode } = this.state;
      this.set({ ...initialLine(mode), entries: [entry, ...entries].slice(0, MAX_ENTRIES), counts, busy: true }, 'undone');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.stopLine({ reason: 'error', key: 'undoFailed', params: { message } }, target.tag);
    } finally {
      this.set({ busy: false });
    }
  }
}
