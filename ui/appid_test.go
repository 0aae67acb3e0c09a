package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestTheAppIDIsReverseDNSAndNotADesktopSuffix(t *testing.T) {
	if strings.HasSuffix(AppID, ".desktop") || strings.Count(AppID, ".") < 2 {
		t.Errorf("AppID %q: want reverse DNS (domain.reversed.Name), not ending in .desktop", AppID)
	}
	if AppID == OldAppID {
		t.Error("AppID and OldAppID are the same: nothing to migrate")
	}
}

func TestSettingsUnderTheOldIDAreMovedOnFirstStart(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the test points Fyne's config folder elsewhere through XDG_CONFIG_HOME")
	}
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	root, err := fyneConfigRoot()
	if err != nil || root != filepath.Join(config, "fyne") {
		t.Fatalf("fyneConfigRoot = %q, %v", root, err)
	}
	oldPrefs := filepath.Join(root, OldAppID, "preferences.json")
	writeSettings(t, oldPrefs, `{"downloadDir":"/home/me/Mocap"}`)

	if err := MigratePreferences(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, AppID, "preferences.json"))
	if err != nil || string(got) != `{"downloadDir":"/home/me/Mocap"}` {
		t.Errorf("preferences under the new ID: %q, %v", got, err)
	}
	if _, err := os.Stat(oldPrefs); !os.IsNotExist(err) {
		t.Errorf("the old folder is still there: %v", err)
	}

	// Later starts leave newer settings alone, even if an old copy came back.
	writeSettings(t, oldPrefs, `{"downloadDir":"/stale"}`)
	if err := MigratePreferences(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, AppID, "preferences.json")); string(got) != `{"downloadDir":"/home/me/Mocap"}` {
		t.Errorf("a second migration overwrote the settings: %s", got)
	}
}

func TestNoOldSettingsNothingToMove(t *testing.T) {
	root := t.TempDir()
	if err := moveStorage(root, OldAppID, AppID); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("made %d entries out of nothing", len(entries))
	}
}

func writeSettings(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
