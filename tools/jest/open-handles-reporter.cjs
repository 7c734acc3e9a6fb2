// Fails a jest run that cannot end: once the tests are done, a process still alive after
// OPEN_HANDLES_GRACE_MS is held open by something a test left behind (a server, a connection, a timer).
// Without this, jest would wait forever (and --forceExit would hide the leak, as it did): say which
// command finds it, and exit non-zero.
const GRACE_MS = Number(process.env.OPEN_HANDLES_GRACE_MS ?? 30_000);

class OpenHandlesReporter {
  onRunComplete() {
    const timer = setTimeout(() => {
      process.stderr.write(
        `jest: the tests finished ${GRACE_MS / 1000} s ago, but something they opened still holds the process ` +
          '(a server, a database or NATS connection, a timer): find it with `npx jest <files> --detectOpenHandles` and close it.\n',
      );
      process.exit(1);
    }, GRACE_MS);
    // Never the thing that keeps the process alive.
    timer.unref();
  }
}
module.exports = OpenHandlesReporter;
