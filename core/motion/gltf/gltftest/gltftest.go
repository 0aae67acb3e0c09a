// Package gltftest runs the Khronos glTF validator on files from tests. The
// validator is the npm package gltf-validator, which `.ci/install-deps test`
// installs under .cache/npm; `make test` names its folder in
// SINGLECAM_GLTF_VALIDATOR. Without that variable the check is skipped, so a
// plain `go test` works on a machine without Node.
package gltftest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// EnvVar names the folder of the gltf-validator npm package.
const EnvVar = "SINGLECAM_GLTF_VALIDATOR"

// Report is the validator's verdict on one file.
type Report struct {
	File     string   `json:"file"`
	Errors   int      `json:"errors"`
	Warnings int      `json:"warnings"`
	Infos    int      `json:"infos"`
	Messages []string `json:"messages"`
}

// Validate writes each file to a temporary folder, runs the validator on
// them, fails the test for every error it reports, and logs its warnings.
func Validate(t testing.TB, files map[string][]byte) []Report {
	t.Helper()
	pkg := os.Getenv(EnvVar)
	if pkg == "" {
		t.Skipf("%s is not set: the Khronos validator runs under make test", EnvVar)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("%s is set but node is not installed: run .ci/install-deps test", EnvVar)
	}
	_, here, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(here), "..", "testdata", "validate.js")
	dir := t.TempDir()
	args := []string{script}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	cmd := exec.Command(node, args...)
	cmd.Env = append(os.Environ(), EnvVar+"="+pkg)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		t.Fatalf("the validator did not run: %v: %s", err, stderr.String())
	}
	var reports []Report
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		var r Report
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("validator output %q: %v", line, err)
		}
		reports = append(reports, r)
		name := filepath.Base(r.File)
		if r.Errors > 0 {
			t.Errorf("%s: %d errors: %v", name, r.Errors, r.Messages)
		} else {
			t.Logf("%s: valid (%d warnings, %d infos) %v", name, r.Warnings, r.Infos, r.Messages)
		}
	}
	if len(reports) != len(files) {
		t.Fatalf("the validator reported on %d of %d files: %s", len(reports), len(files), stderr.String())
	}
	return reports
}
