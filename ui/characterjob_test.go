package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"singlecam/core/joblist"
	"singlecam/core/motion/retarget/retargettest"
	"singlecam/core/motion/rigs"
	"singlecam/ui/kit"
)

// onePicker is a file dialog that always chooses path.
type onePicker struct {
	path  string
	asked *[]string
}

func (p onePicker) Open(title, kind string, extensions []string, dir string) (string, error) {
	*p.asked = append(*p.asked, title+" ("+strings.Join(extensions, ",")+")")
	return p.path, nil
}

func (p onePicker) Folder(string, string) (string, error) { return "", kit.ErrCancelled }

func TestApplyAFinishedJobsMotionToACharacter(t *testing.T) {
	e := newTestEnv(t)
	s, err := rigs.Move().Skeleton()
	if err != nil {
		t.Fatal(err)
	}
	data, err := retargettest.GLB(s, retargettest.Options{Humanoid: rigs.Move().Roles(), VRM: 1})
	if err != nil {
		t.Fatal(err)
	}
	avatar := filepath.Join(e.dir, "Avatar.vrm")
	if err := os.WriteFile(avatar, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var asked []string
	e.ui.opts.Picker = onePicker{avatar, &asked}
	m := e.signedIn(t)
	e.start(t, m, "Wave.mp4")
	e.q.Until(t, "the job done", func() bool { return phaseOf(m, "Wave") == joblist.Downloaded })
	m.Jobs.List.Select(0)
	apply := button(m.Jobs.Details, "Apply to a character…")
	if apply == nil {
		t.Fatal("no Apply to a character… on a finished job with a motion output")
	}
	test.Tap(apply)
	e.q.Until(t, "the character beside the motion", func() bool {
		w := e.ui.applyWindow
		return w != nil && w.Player != nil && !w.Save.Disabled()
	})
	w := e.ui.applyWindow
	if w.Title() != "Wave on a character — Singlecam" || len(asked) != 1 || asked[0] != "Choose your character (glb,vrm,gltf)" {
		t.Errorf("window %q, asked %q", w.Title(), asked)
	}
	if !strings.Contains(w.Summary.Text, "VRM humanoid table") {
		t.Errorf("summary %q", w.Summary.Text)
	}
	test.Tap(w.Save)
	e.q.Until(t, "the saved file", func() bool { return w.Saved != "" })
	if want := filepath.Join(e.dir, "downloads", "Wave", "Wave on Avatar.glb"); w.Saved != want {
		t.Errorf("saved %q, want %q", w.Saved, want)
	}
	w.Close()
}

func TestThePreviewWindowOffersApplyToACharacter(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.start(t, m, "Walk.mp4")
	e.q.Until(t, "the job done", func() bool { return phaseOf(m, "Walk") == joblist.Downloaded })
	m.Jobs.List.Select(0)
	test.Tap(button(m.Jobs.Details, "Preview"))
	e.q.Until(t, "the player", func() bool { return len(e.previewWindows()) == 1 })
	// No file dialog here: the window opens and waits for a character.
	for _, w := range e.ui.app.Driver().AllWindows() {
		if strings.HasSuffix(w.Title(), "Singlecam preview") {
			b := button(w.Content(), "Apply to a character…")
			if b == nil {
				t.Fatal("no Apply to a character… in the preview window")
			}
			test.Tap(b)
		}
	}
	e.q.Until(t, "the apply window", func() bool { return e.ui.applyWindow != nil && e.ui.applyWindow.Player != nil })
	// Named after the job, as the jobs list's own Apply names it.
	if got := e.ui.applyWindow.Title(); got != "Walk on a character — Singlecam" {
		t.Errorf("window %q", got)
	}
}
