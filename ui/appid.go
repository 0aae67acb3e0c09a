package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// AppID is Singlecam's reverse-DNS application ID: the reversed domain and
// the app's name, as desktop app stores expect (it names the Linux menu
// entry, app.singlecam.Singlecam.desktop). Fyne keys preferences and storage
// by it and the keyring entry uses it, so a change needs a migration like
// MigratePreferences.
const AppID = "app.singlecam.Singlecam"

// OldAppID is the ID of releases up to 0.1.0. It ended in ".desktop", which
// named the Linux menu entry app.singlecam.desktop.desktop.
const OldAppID = "app.singlecam.desktop"

// MigratePreferences moves the settings that Fyne kept under OldAppID (its
// preferences.json and the app's storage) to AppID's place, once: when the
// old folder exists and the new one does not. main calls it before the app
// is made, since Fyne reads the preferences then.
func MigratePreferences() error {
	root, err := fyneConfigRoot()
	if err != nil {
		return err
	}
	return moveStorage(root, OldAppID, AppID)
}

// moveStorage renames root/from to root/to unless to already exists.
func moveStorage(root, from, to string) error {
	old := filepath.Join(root, from)
	if _, err := os.Stat(old); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	dst := filepath.Join(root, to)
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	if err := os.Rename(old, dst); err != nil {
		return fmt.Errorf("move settings to the new app ID: %w", err)
	}
	return nil
}

// fyneConfigRoot is the folder where Fyne keeps each app's preferences on
// this system, as Fyne 2.7 computes it (fyne.io/fyne/v2/internal/app).
func fyneConfigRoot() (string, error) {
	switch runtime.GOOS {
	case "darwin":
		home, err := os.UserHomeDir()
		return filepath.Join(home, "Library", "Preferences", "fyne"), err
	case "windows":
		home, err := os.UserHomeDir()
		return filepath.Join(home, "AppData", "Roaming", "fyne"), err
	}
	config, err := os.UserConfigDir()
	return filepath.Join(config, "fyne"), err
}
