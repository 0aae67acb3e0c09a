//go:build windows

package paths

import "golang.org/x/sys/windows"

// downloadsDir is the Downloads known folder, wherever the user moved it.
func downloadsDir() (string, error) {
	return windows.KnownFolderPath(windows.FOLDERID_Downloads, 0)
}
