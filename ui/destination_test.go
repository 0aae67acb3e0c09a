package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/submit"
	"singlecam/ui/kit"
)

// A download folder that is a file is refused before anything is sent,
// pointing to Settings (the app's words), instead of paying for a job whose
// files would have nowhere to go.
func TestADownloadFolderThatIsAFileIsRefusedBeforeSending(t *testing.T) {
	e := newTestEnv(t)
	file := e.file(t, "Downloads", 10)
	e.ui.app.Preferences().SetString(kit.PrefDownloadDir, file)
	m := e.signedIn(t)
	before := e.sim.GraphQLRequests()
	m.submit([]submit.Request{{VideoPath: e.video(t, "Jump.mp4")}})
	e.q.Until(t, "the refusal", func() bool { return strings.Contains(m.Status.Text, "Choose another download folder in Settings") })
	e.q.Settle()
	if n := e.sim.GraphQLRequests() - before; n > 1 { // the jobs list may refresh once
		t.Errorf("%d requests after a refused submission", n)
	}
	if dir := os.Getenv("SINGLECAM_SHOTS"); dir != "" {
		f, _ := os.Create(filepath.Join(dir, "download-folder-is-a-file.png"))
		png.Encode(f, e.ui.win.Canvas().Capture())
		f.Close()
	}
}
