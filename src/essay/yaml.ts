import {parse, YAMLError} from 'yaml';

/** YAML read into plain data, or the one-line reason it could not be. */
export type YamlResult = {readonly ok: true; readonly value: unknown} | {readonly ok: false; readonly problem: string};

/**
 * Aliases a document may use. A few kilobytes of nested anchors and aliases expand to gigabytes
 * ("billion laughs"); front matter and quiz files need few if any.
 */
const MAX_ALIASES = 100;

/**
 * Reads YAML text (front matter, quiz files) as MkDocs does: YAML 1.1 (PyYAML's), a repeated key
 * taking its last value, with alias expansion bounded.
 */
export function loadYaml(text: string): YamlResult {
	try {
		return {ok: true, value: parse(text, {version: '1.1', uniqueKeys: false, maxAliasCount: MAX_ALIASES})};
	} catch (error) {
		// Its first line says what and where: "… at line 1, column 6:", then the text around it.
		if (error instanceof YAMLError) return {ok: false, problem: (error.message.split('\n')[0] ?? error.code).replace(/:$/, '')};

		// The parser says "Excessive alias count indicates a resource exhaustion attack".
		if (error instanceof ReferenceError && /alias/i.test(error.message)) return {ok: false, problem: `too many aliases (more than ${MAX_ALIASES})`};
		return {ok: false, problem: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)};
	}
}
