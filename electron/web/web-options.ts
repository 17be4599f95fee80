export interface WebOptions {
  host: string;
  port: number;
  assetPath?: string;
  speed?: number;
}

/** Parses `--port N`, `--host H`, `--asset FILE`, `--speed X`; TWINSCAPE_PORT / TWINSCAPE_HOST as defaults. */
export function parseWebOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): WebOptions {
  const options: WebOptions = {
    host: env.TWINSCAPE_HOST ?? '127.0.0.1',
    port: Number(env.TWINSCAPE_PORT ?? 5190),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      i++;
      return value;
    };
    if (flag === '--port') options.port = Number(need());
    else if (flag === '--host') options.host = need();
    else if (flag === '--asset') options.assetPath = need();
    else if (flag === '--speed') options.speed = Number(need());
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    throw new Error(`port must be an integer 0-65535, got "${options.port}"`);
  if (options.speed !== undefined && !(options.speed >= 1 && options.speed <= 1000))
    throw new Error(`speed must be between 1 and 1000, got "${options.speed}"`);
  return options;
}
