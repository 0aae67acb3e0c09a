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

// TestMotionStandsAlone: the motion model depends on nothing but the
// standard library; each format depends on the model, never on another
// format; and nothing under core/motion reaches the API side, so it works
// the same on a file that never came from Move.
func TestMotionStandsAlone(t *testing.T) {
	const motion = "singlecam/core/motion"
	formats := []string{motion + "/bvh", motion + "/gltf", motion + "/movedata"}
	deps := depsOf(t)
	if _, ok := deps[motion]; !ok {
		t.Fatalf("package %s not found", motion)
	}
	for _, d := range deps[motion] {
		if strings.Contains(d, ".") || strings.HasPrefix(d, "singlecam/") {
			t.Errorf("%s imports %s: the model depends on the standard library alone", motion, d)
		}
	}
	for pkg, ds := range deps {
		if pkg != motion && !strings.HasPrefix(pkg, motion+"/") {
			continue
		}
		for _, d := range ds {
			for _, api := range []string{"ugc", "ugcsim", "submit", "watch", "engine", "transfer", "outputs", "secrets"} {
				if d == "singlecam/core/"+api {
					t.Errorf("%s imports %s: core/motion stays off the API side", pkg, d)
				}
			}
			for _, own := range formats {
				if pkg != own && !strings.HasPrefix(pkg, own+"/") {
					continue
				}
				for _, other := range formats {
					if other != own && (d == other || strings.HasPrefix(d, other+"/")) {
						t.Errorf("%s imports %s: formats never depend on each other", pkg, d)
					}
				}
			}
		}
	}
}
