/**
 * Reads the subset of CPython's `marshal` format the engine writes trace batches in:
 * None, booleans, ints, floats, str, tuples and lists (tuples come back as arrays).
 * marshal.dumps is about four times faster than json.dumps in Pyodide, and events are
 * the engine's hot path. Format: Python/marshal.c (version 4+); a type byte whose high
 * bit (FLAG_REF) files the object for later back-references ('r').
 */
import { TraceFormatError } from './errors';

export type MarshalValue = null | boolean | number | string | MarshalValue[];

const FLAG_REF = 0x80;
// Type codes (marshal.c).
const NONE = 0x4e, TRUE = 0x54, FALSE = 0x46, INT = 0x69, LONG = 0x6c, FLOAT = 0x67;
const UNICODE = 0x75, INTERNED = 0x74, ASCII = 0x61, ASCII_INTERNED = 0x41;
const SHORT_ASCII = 0x7a, SHORT_ASCII_INTERNED = 0x5a;
const TUPLE = 0x28, SMALL_TUPLE = 0x29, LIST = 0x5b, REF = 0x72;
// TextDecoder's fixed cost per call dominates for the short strings events are made of.
const SHORT = 64;
const utf8 = new TextDecoder('utf-8', { fatal: true });

class Reader {
  pos = 0;
  readonly refs: MarshalValue[] = [];
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private i32(): number {
    if (this.pos + 4 > this.bytes.length) throw new TraceFormatError('marshal data ends early');
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  private text(n: number, ascii: boolean): string {
    const { bytes } = this;
    const start = this.pos;
    const end = start + n;
    if (n < 0 || end > bytes.length) throw new TraceFormatError('marshal data ends inside a string');
    this.pos = end;
    if (n <= SHORT) {
      let s = '';
      for (let i = start; i < end; i++) {
        const b = bytes[i]!;
        if (b >= 0x80 && !ascii) return utf8.decode(bytes.subarray(start, end));
        s += String.fromCharCode(b);
      }
      return s;
    }
    const slice = bytes.subarray(start, end);
    return ascii ? String.fromCharCode.apply(null, slice as unknown as number[]) : utf8.decode(slice);
  }

  read(): MarshalValue {
    if (this.pos >= this.bytes.length) throw new TraceFormatError('marshal data ends early');
    const code = this.bytes[this.pos++]!;
    const type = code & ~FLAG_REF;
    const slot = code & FLAG_REF ? this.refs.push(null) - 1 : -1;
    let value: MarshalValue;
    switch (type) {
      case NONE: value = null; break;
      case TRUE: value = true; break;
      case FALSE: value = false; break;
      case INT: value = this.i32(); break;
      case FLOAT: value = this.view.getFloat64(this.pos, true); this.pos += 8; break;
      case LONG: value = this.long(); break;
      case UNICODE: case INTERNED: value = this.text(this.i32(), false); break;
      case ASCII: case ASCII_INTERNED: value = this.text(this.i32(), true); break;
      case SHORT_ASCII: case SHORT_ASCII_INTERNED: value = this.text(this.bytes[this.pos++]!, true); break;
      case TUPLE: case LIST: case SMALL_TUPLE: {
        const n = type === SMALL_TUPLE ? this.bytes[this.pos++]! : this.i32();
        const items: MarshalValue[] = new Array(n);
        if (slot >= 0) this.refs[slot] = items; // filed before the children, as marshal.c does
        for (let i = 0; i < n; i++) items[i] = this.read();
        return items;
      }
      case REF: {
        const index = this.i32();
        if (index < 0 || index >= this.refs.length) throw new TraceFormatError('bad marshal back-reference');
        return this.refs[index]!;
      }
      default:
        throw new TraceFormatError(`unexpected marshal type '${String.fromCharCode(type)}' at byte ${this.pos - 1}`);
    }
    if (slot >= 0) this.refs[slot] = value;
    return value;
  }

  /**
   * Reads a list of records (tuples) without building an array per record: each one's
   * values go into `fields`, reused, and `visit` gets their count. A run's batches hold
   * hundreds of thousands of records; their arrays were half of what decoding allocated.
   */
  records(fields: MarshalValue[], visit: (fields: MarshalValue[], n: number) => void): void {
    const { bytes } = this;
    const head = bytes[this.pos++];
    if (head === undefined || (head & ~FLAG_REF) !== LIST) throw new TraceFormatError('batch is not a list');
    if (head & FLAG_REF) this.refs.push(null); // nothing refers back to a batch
    const count = this.i32();
    for (let r = 0; r < count; r++) {
      const code = bytes[this.pos];
      const type = (code ?? 0) & ~FLAG_REF;
      if (code === undefined || code & FLAG_REF || (type !== SMALL_TUPLE && type !== TUPLE)) {
        // A record filed for back-references (or not a tuple): read it whole.
        const record = this.read();
        if (!Array.isArray(record)) throw new TraceFormatError('event is not a list');
        visit(record, record.length);
        continue;
      }
      this.pos++;
      const n = type === SMALL_TUPLE ? bytes[this.pos++]! : this.i32();
      for (let i = 0; i < n; i++) fields[i] = this.read();
      visit(fields, n);
    }
  }

  private long(): number {
    const n = this.i32();
    let value = 0;
    for (let i = 0, scale = 1; i < Math.abs(n); i++, scale *= 32768) {
      value += this.view.getUint16(this.pos, true) * scale;
      this.pos += 2;
    }
    return n < 0 ? -value : value;
  }
}

/** Reads a marshalled list of records, handing each to `visit` (see Reader.records). */
export function forEachRecord(bytes: Uint8Array, visit: (fields: MarshalValue[], n: number) => void): void {
  const reader = new Reader(bytes);
  reader.records([], visit);
  if (reader.pos !== bytes.length) throw new TraceFormatError('trailing bytes after marshal data');
}

export function unmarshal(bytes: Uint8Array): MarshalValue {
  const reader = new Reader(bytes);
  const value = reader.read();
  if (reader.pos !== bytes.length) throw new TraceFormatError('trailing bytes after marshal data');
  return value;
}
