// V8 doubles its young generation (up to tens of MB) when much of it survives a collection. The
// reader's search index draws every section in steps, which allocates fast, and the heap grew to
// hold it: once the reader is up, the young generation stays the size the start left it. Measured
// with the whole index built (pty, VmHWM): a 5 MB essay ~180 -> ~130 MiB, a 20 MB one ~290 -> ~190;
// building the index took 4.3-5.2 s on 5 MB against 3.5-4.9 s before, within this machine's noise.
// Held from the start, drawing was ~30% slower: the start and print mode leave it be.
import {setFlagsFromString} from 'node:v8';

/** Keeps the young generation from growing further (src/session.ts, once the reader is up). */
export function holdYoungGeneration(): void {
	setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Puts back V8's default. The flag is part of what a code cache is checked against: one made while
 * it is held would be refused by every start (src/launch.ts makes it after this).
 */
export function releaseYoungGeneration(): void {
	setFlagsFromString('--semi-space-growth-factor=2');
}
