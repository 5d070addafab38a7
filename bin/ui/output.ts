import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

// Colour marks labels only and never carries meaning alone; hasColors() honours NO_COLOR and pipes.
function paint(stream: NodeJS.WriteStream, style: Style, text: string): string {
  return stream.hasColors?.() ? styleText(style, text) : text;
}

export function info(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function label(style: Style, text: string): string {
  return paint(process.stdout, style, text);
}

export function warn(message: string): void {
  process.stderr.write(
    `${paint(process.stderr, 'yellow', 'Warning:')} ${message}\n`,
  );
}

export function error(message: string): void {
  process.stderr.write(
    `${paint(process.stderr, 'red', 'Error:')} ${message}\n`,
  );
}
