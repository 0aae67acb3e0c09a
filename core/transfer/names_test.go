package transfer

import (
	"os"
	"path/filepath"
	"testing"
)

func TestUniquePathNumbersTakenNames(t *testing.T) {
	dir := t.TempDir()
	if got := UniquePath(dir, "main.fbx"); got != filepath.Join(dir, "main.fbx") {
		t.Errorf("free name: %s", got)
	}
	os.WriteFile(filepath.Join(dir, "main.fbx"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "main (2).fbx.part"), nil, 0o644) // a download under way
	if got := UniquePath(dir, "main.fbx"); got != filepath.Join(dir, "main (3).fbx") {
		t.Errorf("taken name: %s", got)
	}
}
