// Package core_test checks the walls between the project's rooms, as
// the README's layout section draws them, by asking the go tool what each core
// package imports.
package core_test

import (
	"os/exec"
	"strings"
	"testing"
)

// depsOf maps each package under core/ to everything it imports, directly or
// not (its tests' imports aside).
func depsOf(t *testing.T) map[string][]string {
	return goList(t, "{{.ImportPath}} {{join .Deps \" \"}}")
}

// importsOf maps each package under core/ to what it imports directly.
func importsOf(t *testing.T) map[string][]string {
	return goList(t, "{{.ImportPath}} {{join .Imports \" \"}}")
}

func goList(t *testing.T, format string) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", format, "singlecam/core/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 0 {
			deps[fields[0]] = fields[1:]
		}
	}
	if len(deps) == 0 {
		t.Fatal("go list found no packages under core/")
	}
	return deps
}

func TestCoreNeverImportsTheUI(t *testing.T) {
	for pkg, deps := range depsOf(t) {
		for _, d := range deps {
			if strings.HasPrefix(d, "fyne.io/") || strings.HasPrefix(d, "singlecam/ui") || d == "github.com/sqweek/dialog" {
				t.Errorf("%s imports %s: core/ must not depend on Fyne, native dialogs or ui/", pkg, d)
			}
		}
	}
}

func TestClientAndSimulatorStayIndependent(t *testing.T) {
	deps := depsOf(t)
	for pkg, forbidden := range map[string]string{
		"singlecam/core/ugcsim": "singlecam/core/ugc",
		"singlecam/core/ugc":    "singlecam/core/ugcsim",
	} {
		if _, ok := deps[pkg]; !ok {
			t.Fatalf("package %s not found", pkg)
		}
		for _, d := range deps[pkg] {
			if d == forbidden {
				t.Errorf("%s imports %s: the two sides of the contract must not share code", pkg, forbidden)
			}
		}
	}
}

func TestOnlySecretsTouchesTheKeyring(t *testing.T) {
	for pkg, deps := range importsOf(t) {
		if strings.HasPrefix(pkg, "singlecam/core/secrets") {
			continue
		}
		for _, d := range deps {
			if strings.HasPrefix(d, "github.com/zalando/go-keyring") {
				t.Errorf("%s imports the keyring; only core/secrets may", pkg)
			}
		}
	}
}
