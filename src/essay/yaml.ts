import {load, YAMLException} from 'js-yaml';

/** YAML read into plain data, or the one-line reason it could not be. */
export type YamlResult = {readonly ok: true; readonly value: unknown} | {readonly ok: false; readonly problem: string};

/**
 * Reads YAML text (front matter, quiz files). js-yaml rather than the larger `yaml` package: it
 * loads several times faster, and it is on the path to the first frame.
 */
export function loadYaml(text: string): YamlResult {
	try {
		return {ok: true, value: load(text)};
	} catch (error) {
		if (error instanceof YAMLException) {
			const where = error.mark ? ` (line ${error.mark.line + 1}, column ${error.mark.column + 1})` : '';
			return {ok: false, problem: `${error.reason}${where}`};
		}

		return {ok: false, problem: error instanceof Error ? error.message : String(error)};
	}
}
