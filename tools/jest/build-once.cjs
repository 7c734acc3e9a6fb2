// Global setup of the e2e project: tests that start a service as a real process need dist/ built.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'build.mjs')], { stdio: 'ignore' });
};
