import {createContext, useContext} from 'react';
import {theme} from '../theme.js';

/** The theme's colours as Ink's `color` props take them: all undefined when colour is off (NO_COLOR). */
export type Palette = {readonly [Name in keyof typeof theme]: string | undefined};

const colourless = Object.fromEntries(Object.keys(theme).map((name) => [name, undefined])) as Palette;

/** The palette for a reader with colour on or off; attributes (bold, reverse video) are not colours and stay. */
export function paletteFor(isColor: boolean): Palette {
	return isColor ? theme : colourless;
}

/** The palette the screens draw with, set by the App. */
export const PaletteContext = createContext<Palette>(theme);

/** The colours for the current reader. */
export function usePalette(): Palette {
	return useContext(PaletteContext);
}
