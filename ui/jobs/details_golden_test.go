package jobs

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/outputs"
	"singlecam/core/submit"
	"singlecam/core/ugc"
)

// Reviewed renders of the details pane in three states: a saved job (Open
// folder first, the folder shortened in the middle, the files by name), a
// failed job (Submit again), an upload under way (Cancel upload).
func TestDetailsPaneRenders(t *testing.T) {
	v := newTestView(t)
	local := time.Local
	time.Local = time.UTC // the pane shows local times: one zone for the render
	t.Cleanup(func() { time.Local = local })
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	v.now = func() time.Time { return now }
	v.model = joblist.New(v.now)
	v.List.Length = v.model.Len
	mp4, fbx := ugc.File{Type: ".mp4", PresignedURL: "u"}, ugc.File{Type: ".fbx", PresignedURL: "u"}
	fingers := true
	v.model.AddJobs([]ugc.Job{
		{ID: "job-3f2c9a1e-saved", Name: "Backflip", Created: now.Add(-2 * time.Hour), State: ugc.StateFinished,
			Options: ugc.Options{TrackFingers: &fingers}, ClipWindow: &ugc.ClipWindow{Start: 1.5, End: 9},
			Outputs: []ugc.Output{{Format: "main_fbx", File: fbx}, {Format: "render_video", File: mp4}, {Format: "render_overlay_video", File: mp4}}},
		{ID: "job-77aa01-failed", Name: "Cartwheel on the beach", Created: now.Add(-26 * time.Hour), State: ugc.StateFailed},
	})
	folder := "/home/animator/Downloads/Singlecam/landscape shoot/Backflip"
	v.model.Apply(engine.SavedJob{JobID: "job-3f2c9a1e-saved", Folder: folder, Files: []outputs.Saved{
		{Format: "main_fbx", Path: folder + "/Backflip - main.fbx", Size: 2_400_000},
		{Format: "render_video", Path: folder + "/Backflip - render.mp4", Size: 31_000_000},
		{Format: "render_overlay_video", Path: folder + "/Backflip - render overlay.mp4", Size: 33_500_000},
	}})
	up := submit.Status{ID: "sub-up", Name: "Spin kick", Step: submit.StepUploadingVideo, Done: 812_000_000, Total: 3_900_000_000}
	v.model.Apply(engine.SubmissionUpdate{Status: up})

	w := test.NewTempWindow(t, container.NewVScroll(container.NewPadded(v.Details)))
	w.Resize(fyne.NewSize(420, 560)) // the pane's width in a 900 px window
	for _, c := range []struct{ key, golden string }{
		{"job-3f2c9a1e-saved", "details_saved.png"},
		{"job-77aa01-failed", "details_failed.png"},
		{"sub-up", "details_uploading.png"},
	} {
		v.selected = c.key
		v.ShowDetails()
		w.Resize(fyne.NewSize(420, 560))
		test.AssertImageMatches(t, c.golden, w.Canvas().Capture())
	}
}
