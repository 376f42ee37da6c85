import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
		},
	},
	{
		// Only the command line and the two stores may touch the process and the file system.
		files: ['src/ui/**', 'src/reader/**', 'src/render/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: ['node:fs', 'node:fs/promises', 'fs'],
					patterns: [{group: ['marked', 'marked-terminal'], message: 'Screens draw lines; rendering markdown belongs to src/render.'}],
				},
			],
		},
	},
	{
		files: ['src/render/**'],
		rules: {'no-restricted-imports': ['error', {paths: ['node:fs', 'node:fs/promises', 'fs', 'ink', 'react']}]},
	},
);
