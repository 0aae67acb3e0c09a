package jobs

import (
	"fmt"
	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/outputs"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Relative times move on every 30 s.
func TestTimesDoNotGoStale(t *testing.T) {
	v := newTestView(t)
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	v.now = func() time.Time { return now }
	v.model.AddJobs([]ugc.Job{{ID: "job-1", Name: "Backflip", Created: now, State: ugc.StateNotStarted}})
	w := test.NewTempWindow(t, v.content)
	w.Resize(fyne.NewSize(500, 500))
	v.refresh()
	when := func() string {
		for _, o := range test.LaidOutObjects(v.List) {
			if r, ok := o.(*jobRow); ok {
				return strings.SplitN(r.detail.Text, " · ", 2)[0]
			}
		}
		return ""
	}
	if got := when(); got != "just now" {
		t.Fatalf("a new row says %q", got)
	}
	now = now.Add(90 * time.Second)
	v.tick()
	if got := when(); got != "1 min ago" {
		t.Errorf("90 s later the row says %q", got)
	}
}

// A reviewed render of a row in each state.
func TestJobRowsRender(t *testing.T) {
	v := newTestView(t)
	now := time.Now()
	percent := func(p int) *int { return &p }
	v.model.AddJobs([]ugc.Job{
		{ID: "job-1", Name: "Backflip", Created: now.Add(-2 * time.Minute), State: ugc.StateNotStarted},
		{ID: "job-2", Name: "Cartwheel", Created: now.Add(-10 * time.Minute), State: ugc.StateRunning, Percent: percent(63)},
		{ID: "job-3", Name: "Walk cycle", Created: now.Add(-3 * time.Hour), State: ugc.StateFinished,
			Outputs: []ugc.Output{{Format: "main_fbx", File: ugc.File{PresignedURL: "u"}}}},
		{ID: "job-4", Name: "Dance", Created: now.Add(-30 * time.Hour), State: ugc.StateFailed},
		{ID: "job-5", Name: "Mystery", Created: now.Add(-45 * time.Hour), State: ugc.ParseJobState("QUEUED_FOR_GPU"), RawState: "QUEUED_FOR_GPU"},
	})
	// The states that only this machine knows come from engine events.
	sub := func(s submit.Status) { v.model.Apply(engine.SubmissionUpdate{Status: s}) }
	sub(submit.Status{ID: "sub-up", Name: "Uploading take", Step: submit.StepUploadingVideo, Done: 812_000_000, Total: 3_900_000_000})
	sub(submit.Status{ID: "sub-wait", Name: "Waiting take", Step: submit.StepWaiting, Err: ugc.ErrUnavailable})
	v.model.AddJobs([]ugc.Job{{ID: "job-6", Name: "Downloading take", Created: now.Add(-4 * time.Hour), State: ugc.StateFinished},
		{ID: "job-7", Name: "Saved take", Created: now.Add(-5 * time.Hour), State: ugc.StateFinished}})
	v.model.Apply(engine.DownloadProgress{JobID: "job-6", Format: "render_video", Done: 400_000, Total: 1_000_000})
	v.model.Apply(engine.SavedJob{JobID: "job-7", Folder: "/home/me/Downloads/Singlecam/Saved take", Files: make([]outputs.Saved, 7)})
	w := test.NewTempWindow(t, v.content)
	w.Resize(fyne.NewSize(520, 1900)) // every state in view at once
	v.refresh()
	test.AssertImageMatches(t, "jobs_states.png", w.Canvas().Capture())
}

func TestNoPreviewWithoutAMotionOutput(t *testing.T) {
	row := &joblist.Row{Phase: joblist.Finished, Outputs: []ugc.Output{
		{Format: "main_fbx", File: ugc.File{Type: "fbx", PresignedURL: "u"}},
		{Format: "render_video", File: ugc.File{Type: "mp4", PresignedURL: "u"}}}}
	if _, ok := previewOutput(row); ok {
		t.Error("a job with only FBX and video offers a preview")
	}
	row.Outputs = append(row.Outputs, ugc.Output{Format: "all_bvh", File: ugc.File{Type: ".zip", PresignedURL: "u"}},
		ugc.Output{Format: "main_glb", File: ugc.File{Type: "glb", PresignedURL: "u"}})
	if o, ok := previewOutput(row); !ok || o.Format != "main_glb" {
		t.Errorf("got %q: the GLB should be preferred", o.Format)
	}
	row.Phase = joblist.Processing
	if _, ok := previewOutput(row); ok {
		t.Error("a job still processing offers a preview")
	}
}

// Issue 23, item 8: a take just started shows whole at the top of the
// list, even when the list had been scrolled down.
func TestANewTakeShowsAtTheTopOfTheList(t *testing.T) {
	v := newTestView(t)
	now := time.Now()
	var many []ugc.Job
	for i := range 30 {
		many = append(many, ugc.Job{ID: fmt.Sprintf("job-%d", i), Name: fmt.Sprintf("Take %d", i), Created: now.Add(-time.Duration(i+1) * time.Hour), State: ugc.StateFinished})
	}
	v.model.AddJobs(many)
	w := test.NewTempWindow(t, v.content)
	w.Resize(fyne.NewSize(500, 600))
	v.refresh()
	v.List.ScrollToOffset(250)
	if v.List.GetScrollOffset() == 0 {
		t.Fatal("the list did not scroll")
	}
	v.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-new", Name: "New take", Step: submit.StepQueued}})
	if v.model.At(0).Name != "New take" || v.List.GetScrollOffset() != 0 {
		t.Errorf("first row %q, list scrolled %.0f px", v.model.At(0).Name, v.List.GetScrollOffset())
	}
}

// Tester finding 15: with few jobs the details get the room the list does
// not need; a divider the user moved stays where they put it.
func TestTheDetailsGetTheRoomTheListDoesNotNeed(t *testing.T) {
	v := newTestView(t)
	now := time.Now()
	v.model.AddJobs([]ugc.Job{{ID: "job-1", Name: "One", Created: now, State: ugc.StateFinished}})
	w := test.NewTempWindow(t, v.content)
	w.Resize(fyne.NewSize(400, 500))
	v.refresh()
	if v.split.Offset > 0.4 {
		t.Errorf("one job keeps %.0f%% of the pane for the list", 100*v.split.Offset)
	}
	v.split.SetOffset(0.55)
	v.model.AddJobs([]ugc.Job{{ID: "job-2", Name: "Two", Created: now, State: ugc.StateFinished}})
	v.refresh()
	if v.split.Offset != 0.55 {
		t.Errorf("the divider the user moved went to %.2f", v.split.Offset)
	}
}

// Tester 2: a finished job whose download failed read "● Finished" in
// green beside "Not downloaded"; its chip says "Not saved", in orange.
func TestAJobWhoseFilesAreNotHereDoesNotLookDone(t *testing.T) {
	v := newTestView(t)
	v.model.AddJobs([]ugc.Job{{ID: "job-1", Name: "Lost", Created: time.Now(), State: ugc.StateFinished,
		Outputs: []ugc.Output{{Format: "main_fbx", File: ugc.File{PresignedURL: "u"}}}}})
	v.model.Apply(engine.SavedJob{JobID: "job-1", Err: fmt.Errorf("storage: %w", ugc.ErrUnavailable)})
	w := test.NewTempWindow(t, v.content)
	w.Resize(fyne.NewSize(500, 500))
	v.refresh()
	for _, o := range test.LaidOutObjects(v.List) {
		if r, ok := o.(*jobRow); ok {
			if r.state.Text != "Not saved" || r.dot.FillColor != theme.Color(theme.ColorNameWarning) {
				t.Errorf("the row's chip says %q in %v", r.state.Text, r.dot.FillColor)
			}
			return
		}
	}
	t.Fatal("no row drawn")
}
