// The commands' usage lines, apart from the commands: printing help, or a mistyped command, loads no command.
export const RUN_USAGE =
  'usage: restaking-sandbox run [--json | --trace] [--impersonate] [--budget SECONDS] FILE';
export const ANALYZE_USAGE = 'usage: restaking-sandbox analyze [--json] [--budget SECONDS] FILE';
export const LESSON_USAGE = 'usage: restaking-sandbox lesson check FILE';
