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
		{"a folder to make in one that exists", filepath.Join(dir, "new"), 1, ""},
		// Outside the home folder a missing parent is a mistyped path
		// more likely than a wish (as root, /nonexistent/x was made).
		{"a folder in a missing one", filepath.Join(dir, "new", "deeper"), 1, "it does not exist, nor does " + filepath.Join(dir, "new")},
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

func TestMissingFoldersAreMadeUnderHomeAndSaid(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	deep := filepath.Join(home, "exports", "today")
	made, err := outputs.MakeDestination(deep, 1)
	if err != nil || made != deep {
		t.Fatalf("MakeDestination(%s) = %q, %v; want it made", deep, made, err)
	}
	if info, err := os.Stat(deep); err != nil || !info.IsDir() {
		t.Fatalf("%s was not made: %v", deep, err)
	}
	if made, err := outputs.MakeDestination(deep, 1); err != nil || made != "" {
		t.Errorf("again: %q, %v; want nothing made", made, err)
	}
	outside := filepath.Join(t.TempDir(), "a", "b")
	if _, err := outputs.MakeDestination(outside, 1); err == nil {
		t.Errorf("%s (two missing levels outside home) was made", outside)
	}
}

func TestAFolderThatTakesNoFilesIsSaidSo(t *testing.T) {
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip("no /proc here")
	}
	err := outputs.CheckDestination("/proc/x", 1)
	want := "cannot save outputs in /proc/x: it does not exist and cannot be made: /proc takes no new files or folders"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if os.Geteuid() == 0 {
		return // root may write anywhere else
	}
	ro := t.TempDir()
	os.Chmod(ro, 0o500)
	defer os.Chmod(ro, 0o700)
	if err := outputs.CheckDestination(ro, 1); err == nil || !strings.HasSuffix(err.Error(), "Singlecam is not allowed to write in it") {
		t.Errorf("a folder without write permission: %v", err)
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
