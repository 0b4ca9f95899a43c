/**
 * The scan station's sounds, made with the Web Audio API (no files to load): a short high beep
 * when a scan went through, a low double buzz when the line stopped, a falling tone for an undo.
 * A technician at a busy table hears the result before looking up.
 */
let context: AudioContext | null = null;

function tone(ctx: AudioContext, frequency: number, start: number, duration: number, type: OscillatorType) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.setValueAtTime(frequency, ctx.currentTime + start);
  gain.gain.setValueAtTime(0.0001, ctx.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + start + duration);
  osc.connect(gain).connect(ctx.destination);
  osc.start(ctx.currentTime + start);
  osc.stop(ctx.currentTime + start + duration + 0.02);
}

export function playScanSound(kind: 'ok' | 'stop' | 'undone') {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const ctx = context;
  if (ctx.state === 'suspended') void ctx.resume();
  if (kind === 'ok') tone(ctx, 1320, 0, 0.12, 'sine');
  else if (kind === 'stop') {
    tone(ctx, 196, 0, 0.22, 'square');
    tone(ctx, 196, 0.3, 0.22, 'square');
  } else {
    tone(ctx, 660, 0, 0.1, 'triangle');
    tone(ctx, 440, 0.12, 0.14, 'triangle');
  }
}
