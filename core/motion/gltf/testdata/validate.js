// Runs the Khronos glTF validator (npm package gltf-validator) on each file
// named on the command line and prints one JSON line per file: the counts of
// errors, warnings and infos, and the errors' and warnings' messages.
// Exits 1 when any file has an error. Used by the Go tests when
// SINGLECAM_GLTF_VALIDATOR names the package's folder.
const fs = require('fs');
const validator = require(process.env.SINGLECAM_GLTF_VALIDATOR || 'gltf-validator');

(async () => {
  let bad = 0;
  for (const file of process.argv.slice(2)) {
    const report = await validator.validateBytes(new Uint8Array(fs.readFileSync(file)), {
      maxIssues: 100,
    });
    const issues = report.issues;
    console.log(JSON.stringify({
      file,
      errors: issues.numErrors,
      warnings: issues.numWarnings,
      infos: issues.numInfos,
      messages: issues.messages.filter((m) => m.severity <= 1).slice(0, 5)
        .map((m) => `${m.severity === 0 ? 'error' : 'warning'} ${m.code} ${m.pointer || ''}: ${m.message}`),
    }));
    if (issues.numErrors > 0) bad++;
  }
  process.exit(bad ? 1 : 0);
})().catch((e) => { console.error(String(e)); process.exit(2); });
