/**
 * Reads the subset of CPython's `marshal` format the engine writes trace batches in:
 * None, booleans, ints, floats, str, tuples and lists (tuples come back as arrays).
 * marshal.dumps is about four times faster than json.dumps in Pyodide, and events are
 * the engine's hot path. Format: Python/marshal.c (version 4+); a type byte whose high
 * bit (FLAG_REF) files the object for later back-references ('r').
 */
import { TraceFormatError } from './wire';

export type MarshalValue = null | boolean | number | string | MarshalValue[];

const FLAG_REF = 0x80;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

export function unmarshal(bytes: Uint8Array): MarshalValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refs: MarshalValue[] = [];
  let pos = 0;

  const u8 = () => bytes[pos++]!;
  const i32 = () => { const v = view.getInt32(pos, true); pos += 4; return v; };
  const text = (n: number, ascii: boolean) => {
    if (pos + n > bytes.length) throw new TraceFormatError('marshal data ends inside a string');
    const slice = bytes.subarray(pos, pos + n);
    pos += n;
    return ascii ? latin1.decode(slice) : utf8.decode(slice);
  };

  function read(): MarshalValue {
    if (pos >= bytes.length) throw new TraceFormatError('marshal data ends early');
    const code = u8();
    const type = String.fromCharCode(code & ~FLAG_REF);
    const slot = code & FLAG_REF ? refs.push(null) - 1 : -1;
    const keep = (v: MarshalValue) => { if (slot >= 0) refs[slot] = v; return v; };
    switch (type) {
      case 'N': return keep(null);
      case 'T': return keep(true);
      case 'F': return keep(false);
      case 'i': return keep(i32());
      case 'g': { const v = view.getFloat64(pos, true); pos += 8; return keep(v); }
      case 'l': {
        const n = i32();
        let value = 0;
        for (let i = 0, scale = 1; i < Math.abs(n); i++, scale *= 32768) {
          value += view.getUint16(pos, true) * scale;
          pos += 2;
        }
        return keep(n < 0 ? -value : value);
      }
      case 'u': case 't': return keep(text(i32(), false));
      case 'a': case 'A': return keep(text(i32(), true));
      case 'z': case 'Z': return keep(text(u8(), true));
      case '(': case '[': case ')': {
        const n = type === ')' ? u8() : i32();
        const items: MarshalValue[] = [];
        keep(items); // filed before the children, as marshal.c does
        for (let i = 0; i < n; i++) items.push(read());
        return items;
      }
      case 'r': {
        const index = i32();
        if (index < 0 || index >= refs.length) throw new TraceFormatError('bad marshal back-reference');
        return refs[index]!;
      }
      default:
        throw new TraceFormatError(`unexpected marshal type '${type}' at byte ${pos - 1}`);
    }
  }

  const value = read();
  if (pos !== bytes.length) throw new TraceFormatError('trailing bytes after marshal data');
  return value;
}
