// Package paths says where Singlecam keeps its files on each OS.
package paths

import (
	"os"
	"path/filepath"
	"runtime"
)

// DataDirEnv overrides the data folder (for tests, and for people who keep
// their data elsewhere).
const DataDirEnv = "SINGLECAM_DATA_DIR"

// DataDir is where Singlecam keeps its own files (the submission journal):
// $SINGLECAM_DATA_DIR if set; else ~/.local/share/singlecam (or
// $XDG_DATA_HOME/singlecam) on Linux, ~/Library/Application Support/Singlecam
// on macOS and %AppData%\Singlecam on Windows.
func DataDir() (string, error) {
	if dir := os.Getenv(DataDirEnv); dir != "" {
		return dir, nil
	}
	switch runtime.GOOS {
	case "darwin", "windows":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(base, "Singlecam"), nil
	}
	if xdg := os.Getenv("XDG_DATA_HOME"); xdg != "" {
		return filepath.Join(xdg, "singlecam"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "singlecam"), nil
}

// DefaultDownloadDir is where outputs go unless the user picks a folder: a
// Singlecam folder in the system's own downloads folder (the XDG user
// directory on Linux, the Downloads known folder on Windows, ~/Downloads on
// macOS), whether or not it exists yet.
func DefaultDownloadDir() string {
	dir, err := downloadsDir()
	if err != nil || dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "Singlecam"
		}
		dir = filepath.Join(home, "Downloads")
	}
	return filepath.Join(dir, "Singlecam")
}
