import { DomainError } from '../shared/domain-error';

/**
 * Opaque global IDs: base64url of "Type:key". Clients must not parse them; the server uses the
 * type to route `node(id)` and to refuse an ID of the wrong type where one kind is expected.
 */
export function toGlobalId(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  type: string;
  key: string;
}

export function fromGlobalId(globalId: string): DecodedGlobalId | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = text.indexOf(':');
  if (separator <= 0) return null;
  const type = text.slice(0, separator);
  const key = text.slice(separator + 1);
  // Keys are bigint identities.
  if (!/^[1-9][0-9]{0,17}$/.test(key)) return null;
  return { type, key };
}

/**
 * Decodes a global ID given in a mutation's input that must name an object of `type`.
 * Anything else is a BAD_USER_INPUT userError on that input field.
 */
export function keyOfGlobalId(globalId: string, type: string, field: string[]): string {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) {
    throw new DomainError('BAD_USER_INPUT', `${field[field.length - 1]} is not a ${type} ID`, field);
  }
  return decoded.key;
}
