/**
 * Bytes that can steer a terminal: C0 controls other than tab, newline and carriage return
 * (ESC, BEL, backspace …), DEL, C1 controls (CSI 0x9b, OSC 0x9d, DCS 0x90 …), and the bidi
 * overrides and isolates that reorder what is shown. Returns how many of them the text holds.
 */
export function unsafeTerminalBytes(text: string): number {
  return (text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g) ?? []).length;
}
