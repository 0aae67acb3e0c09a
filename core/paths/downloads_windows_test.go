package paths

import (
	"path/filepath"
	"testing"
)

// On Windows the jobs go in the Downloads known folder, wherever the user
// moved it (SHGetKnownFolderPath); the release workflow runs this there.
func TestTheDefaultDownloadFolderIsTheDownloadsKnownFolder(t *testing.T) {
	dir, err := downloadsDir()
	if err != nil || !filepath.IsAbs(dir) {
		t.Fatalf("the Downloads known folder: %q, %v", dir, err)
	}
	if got := DefaultDownloadDir(); got != filepath.Join(dir, "Singlecam") {
		t.Errorf("DefaultDownloadDir() = %s, want Singlecam in %s", got, dir)
	}
}
