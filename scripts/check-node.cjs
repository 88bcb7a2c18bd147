/*
 * Bottega needs Node 22 or newer; older ones crash in its native and build tools (a bare segfault, exit 139).
 * This check runs first (npm's preinstall, `npm run demo`, the top of scripts/demo.ts) on whatever Node the
 * machine has, so it is plain ES5 CommonJS with no dependencies, and says what to do instead.
 */
'use strict';

var required = [22, 12, 0];
var parts = String(process.versions.node).split('.');
var found = [0, 1, 2].map(function (index) {
  return parseInt(parts[index], 10) || 0;
});

var olderThanRequired = function () {
  for (var index = 0; index < required.length; index++) {
    if (found[index] !== required[index]) return found[index] < required[index];
  }
  return false;
};

if (olderThanRequired()) {
  process.stderr.write(
    '\nBottega needs Node 22 or newer (' + required.join('.') + '+); this is Node ' + process.versions.node + '.\n' +
      'Run `. scripts/use-node22.sh` first (it puts Node 22 in .tools/node, first on PATH), then try again.\n\n',
  );
  process.exit(1);
}
