package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/joblist"
	"singlecam/ui/kit"
)

// overlayButton finds the button labelled text in the window's dialogs.
func (e *testEnv) overlayButton(text string) *widget.Button {
	for _, o := range e.ui.win.Canvas().Overlays().List() {
		if b := deepButton(o, text); b != nil {
			return b
		}
	}
	return nil
}

// deepButton finds the button labelled text in o, looking inside widgets too.
func deepButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *kit.Button:
		if x.Text == text {
			return &x.Button
		}
		return nil
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := deepButton(c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := deepButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func TestExportForWritesBesideAFinishedJobsFiles(t *testing.T) {
	e := newTestEnv(t)
	e.ui.app.Preferences().SetBool(kit.PrefAutoDownload, false)
	m := e.signedIn(t)
	e.start(t, m, "Wave.mp4") // ALL_BVH
	e.q.Until(t, "the job done", func() bool { return phaseOf(m, "Wave") == joblist.Finished })
	m.Jobs.List.Select(0)
	// The job can show as finished a poll before its output URLs arrive.
	var export *widget.Button
	e.q.Until(t, "an Export for… button on a finished job with a BVH output", func() bool {
		m.Jobs.ShowDetails()
		export = button(m.Jobs.Details, "Export for…")
		return export != nil
	})
	test.Tap(export)
	e.q.Until(t, "the dialog", func() bool { return e.overlayButton("Export") != nil })
	folder := filepath.Join(e.dir, "downloads", "Wave")
	if _, err := os.Stat(filepath.Join(folder, "Wave - all characters bvh.zip")); err != nil {
		t.Fatalf("the motion was not saved in the job's folder first: %v", err)
	}
	test.Tap(e.overlayButton("Export"))
	want := filepath.Join(folder, "Wave - blender.glb")
	e.q.Until(t, "the file written", func() bool { _, err := os.Stat(want); return err == nil })
	e.q.Until(t, "a word on it", func() bool { return strings.Contains(m.Status.Text, "Wave - blender.glb") })
	test.Tap(e.overlayButton("Preview it"))
	e.q.Until(t, "the player", func() bool { return len(e.previewWindows()) == 1 })
	if got := e.previewWindows()[0]; got != "Wave - blender.glb — Singlecam preview" {
		t.Errorf("window %q", got)
	}
}
