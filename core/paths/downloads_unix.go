//go:build !windows

package paths

import (
	"os"
	"path/filepath"
	"runtime"
)

// downloadsDir is the user's downloads folder: on Linux and the BSDs the
// XDG user directory (user-dirs.dirs, which a desktop translates: a French
// desktop calls it "Téléchargements"), elsewhere ~/Downloads.
func downloadsDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	if runtime.GOOS != "darwin" {
		config := os.Getenv("XDG_CONFIG_HOME")
		if config == "" {
			config = filepath.Join(home, ".config")
		}
		if data, err := os.ReadFile(filepath.Join(config, "user-dirs.dirs")); err == nil {
			if dir := XDGDownloadDir(home, string(data)); dir != "" {
				return dir, nil
			}
		}
	}
	return filepath.Join(home, "Downloads"), nil
}
