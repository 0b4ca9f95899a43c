import { rosterLimits, type ImportError } from '../../../shared/api/rostering';

/** The refusals of one import, capped: past the cap the import stops looking and says so. */
export class ErrorList {
  readonly items: ImportError[] = [];
  truncated = false;

  constructor(readonly max: number = rosterLimits.errorsMax) {}

  add(e: ImportError): void {
    if (this.items.length < this.max) this.items.push({ ...e, value: e.value === null ? null : e.value.slice(0, 200) });
    else this.truncated = true;
  }

  get full(): boolean {
    return this.items.length >= this.max;
  }

  get any(): boolean {
    return this.items.length > 0;
  }
}
