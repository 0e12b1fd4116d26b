/**
 * Unit codes are upper-case dotted paths ("HCM.NHA_BE"), and a caller may write them in any
 * case ("hcm.nha_be"): every code a caller gives passes through here before it is compared,
 * looked up or stored. Only ASCII letters change, so a code never grows or shrinks.
 */
export function canonicalUnitCode(code: string): string {
  return code.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
