package main

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"singlecam/ui"
)

// fyneAppField reads one "Key = \"value\"" line of FyneApp.toml.
func fyneAppField(t *testing.T, key string) string {
	t.Helper()
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*` + key + `\s*=\s*"([^"]*)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatalf("FyneApp.toml has no %s", key)
	}
	return string(m[1])
}

func TestThePackagesAppIDIsTheAppsOwn(t *testing.T) {
	if id := fyneAppField(t, "ID"); id != ui.AppID {
		t.Errorf("FyneApp.toml's ID is %q, the app's is %q: the menu entry, preferences and keyring would disagree", id, ui.AppID)
	}
}

// packagingTool finds a tool the packaging tests need. `make test` installs
// them and sets SINGLECAM_PACKAGING_TESTS=1, so that there a missing tool
// fails the test instead of skipping it.
func packagingTool(t *testing.T, path, install string) string {
	t.Helper()
	if found, err := exec.LookPath(path); err == nil {
		return found
	}
	if os.Getenv("SINGLECAM_PACKAGING_TESTS") == "1" {
		t.Fatalf("%s is missing: %s", path, install)
	}
	t.Skipf("%s is missing (%s); make test runs this test", path, install)
	return ""
}

func TestTheLinuxPackagesMenuEntryIsValidAndOpensVideos(t *testing.T) {
	fyne := packagingTool(t, filepath.Join(goEnv(t, "GOPATH"), "bin", "fyne"), "make fyne-tool")
	validate := packagingTool(t, "desktop-file-validate", "apt-get install desktop-file-utils (.ci/install-deps test)")

	// Package a stand-in binary: the entry does not depend on what is in it.
	dir := t.TempDir()
	stand := filepath.Join(dir, "bin", "singlecam")
	if err := os.MkdirAll(filepath.Dir(stand), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stand, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tarball := filepath.Join(dir, "Singlecam.tar.xz")
	pack := exec.Command(".ci/package-linux", stand, tarball, fyneAppField(t, "Version"))
	pack.Env = append(os.Environ(), "FYNE="+fyne)
	if out, err := pack.CombinedOutput(); err != nil {
		t.Fatalf("package: %v\n%s", err, out)
	}
	unpacked := filepath.Join(dir, "unpacked")
	os.Mkdir(unpacked, 0o755)
	if out, err := exec.Command("tar", "-xJf", tarball, "-C", unpacked).CombinedOutput(); err != nil {
		t.Fatalf("unpack: %v\n%s", err, out)
	}

	entry := filepath.Join(unpacked, "singlecam", "usr", "local", "share", "applications", ui.AppID+".desktop")
	checkEntry(t, validate, entry, "singlecam %F")

	// The package's own install puts the binary and the entry where the
	// menu finds them, the entry pointing at the installed binary.
	home := filepath.Join(dir, "home")
	install := exec.Command("make", "-C", filepath.Join(unpacked, "singlecam"), "user-install", "HOME="+home)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("make user-install: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(home, ".local", "bin", "singlecam")); err != nil {
		t.Errorf("user-install did not install the binary as singlecam: %v", err)
	}
	installed := filepath.Join(home, ".local", "share", "applications", ui.AppID+".desktop")
	checkEntry(t, validate, installed, filepath.Join(home, ".local", "bin", "singlecam")+" %F")
}

// checkEntry validates a menu entry and checks what "Open with" needs.
func checkEntry(t *testing.T, validate, path, exec_ string) {
	t.Helper()
	if out, err := exec.Command(validate, path).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("desktop-file-validate %s: %v\n%s", filepath.Base(path), err, out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			fields[k] = v
		}
	}
	if fields["Exec"] != exec_ {
		t.Errorf("Exec=%s, want %s (the files to open, %%F)", fields["Exec"], exec_)
	}
	types := strings.Split(strings.TrimSuffix(fields["MimeType"], ";"), ";")
	for _, want := range []string{"video/mp4", "video/quicktime", "video/x-msvideo"} {
		if !slices.Contains(types, want) {
			t.Errorf("MimeType=%s lacks %s", fields["MimeType"], want)
		}
	}
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// TestTheMacBundleOpensTheSameVideos checks the document types merged into
// Singlecam.app's Info.plist (on a Mac, by make package-darwin) against the
// Linux entry's types.
func TestTheMacBundleOpensTheSameVideos(t *testing.T) {
	data, err := os.ReadFile("assets/darwin/DocumentTypes.plist")
	if err != nil {
		t.Fatal(err)
	}
	// Walk the plist's tokens: the strings after LSItemContentTypes.
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = true
	var utis []string
	var lastKey, element string
	inTypes := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			element = tok.Name.Local
			if element == "array" && lastKey == "LSItemContentTypes" {
				inTypes = true
			}
		case xml.EndElement:
			if tok.Name.Local == "array" {
				inTypes = false
			}
			element = ""
		case xml.CharData:
			switch {
			case element == "key":
				lastKey = string(tok)
			case element == "string" && inTypes:
				utis = append(utis, string(tok))
			}
		}
	}
	uti := map[string]string{"video/mp4": "public.mpeg-4", "video/quicktime": "com.apple.quicktime-movie", "video/x-msvideo": "public.avi"}
	for _, mime := range strings.Split(strings.TrimSuffix(fyneAppField(t, "MimeTypes"), ";"), ";") {
		if !slices.Contains(utis, uti[mime]) {
			t.Errorf("the Mac bundle's document types %q lack %s (%s), which the Linux entry opens", utis, uti[mime], mime)
		}
	}
	if len(utis) != len(uti) {
		t.Errorf("document types %q: want exactly the three videos", utis)
	}
}
