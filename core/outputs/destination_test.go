package outputs_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/outputs"
	"singlecam/core/ugc"
)

func TestCheckDestination(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, tc := range []struct {
		name   string
		root   string
		need   int64
		reason string // empty: accepted
	}{
		{"a folder", dir, 1, ""},
		{"a folder to make", filepath.Join(dir, "new", "deeper"), 1, ""},
		{"a file", file, 1, "is a file, not a folder"},
		{"under a file", filepath.Join(file, "sub"), 1, "is a file, not a folder"},
		{"too little space", dir, 1 << 62, "free, less than the video alone"},
	} {
		err := outputs.CheckDestination(tc.root, tc.need)
		var derr *outputs.DestinationError
		switch {
		case tc.reason == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.reason != "" && (!errors.As(err, &derr) || !strings.Contains(derr.Reason, tc.reason)):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.reason)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); err == nil {
		t.Error("the check made a folder")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the check left files behind: %v", entries)
	}
}

// A download folder that is a file once made the folder picker try names
// forever (and SIGTERM could not stop it). It gives up with the reason.
func TestSavingUnderAFileGivesUp(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "Jump", ugc.OutputAllBVH)
	file := filepath.Join(t.TempDir(), "out")
	os.WriteFile(file, []byte("x"), 0o644)
	e.saver.Root = file
	_, _, err := e.saver.Save(ctx, job.ID, nil, nil)
	var derr *outputs.DestinationError
	if !errors.As(err, &derr) || !strings.Contains(derr.Reason, "is a file") {
		t.Fatalf("err = %v, want a DestinationError naming the file", err)
	}
}
