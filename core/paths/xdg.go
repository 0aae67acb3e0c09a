package paths

import (
	"path/filepath"
	"strings"
)

// XDGDownloadDir reads XDG_DOWNLOAD_DIR from the text of a user-dirs.dirs
// file: "$HOME/Downloads" or an absolute path, in double quotes, as
// xdg-user-dirs writes it. It returns "" when the file does not set it, sets
// it to the home folder itself (the spec's "disabled") or to something
// that is not an absolute path.
func XDGDownloadDir(home, text string) string {
	dir := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		name, value, ok := strings.Cut(line, "=")
		if !ok || strings.TrimSpace(name) != "XDG_DOWNLOAD_DIR" {
			continue
		}
		value = strings.TrimSpace(value)
		if len(value) < 2 || value[0] != '"' || value[len(value)-1] != '"' {
			continue
		}
		value = strings.ReplaceAll(value[1:len(value)-1], `\"`, `"`)
		switch {
		case value == "$HOME" || strings.HasPrefix(value, "$HOME/"):
			value = home + value[len("$HOME"):]
		case !strings.HasPrefix(value, "/"):
			continue
		}
		dir = value // the last one wins, as in a shell
	}
	if dir == "" || strings.Contains(dir, "$") || filepath.Clean(dir) == filepath.Clean(home) {
		return ""
	}
	return filepath.Clean(dir)
}
