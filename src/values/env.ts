/** The step's environment variables, as the runner gives them (inputs, context, secrets in env). */
export type Env = Readonly<Record<string, string | undefined>>
