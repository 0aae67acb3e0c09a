package jobs

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/submit"
	"singlecam/ui/kit"
)

// firstAction is the details pane's first button.
func firstAction(t *testing.T, v *View) *widget.Button {
	t.Helper()
	var first *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if first == nil {
				first = x
			}
		case *kit.Button:
			if first == nil {
				first = &x.Button
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(v.Details)
	if first == nil {
		t.Fatal("no button in the details pane")
	}
	return first
}

// When the job comes to exist, Copy job ID takes the place of Cancel
// upload: a click aimed at Cancel must not copy an ID, so the buttons take
// no click for a moment after the first one changed meaning.
func TestAButtonThatChangedMeaningTakesNoClickAtOnce(t *testing.T) {
	v := newTestView(t)
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	v.now = func() time.Time { return now }
	v.model = joblist.New(v.now)
	v.List.Length = v.model.Len
	up := submit.Status{ID: "sub-1", Name: "Spin", Step: submit.StepUploadingVideo, Done: 1 << 20, Total: 8 << 20}
	v.Apply(engine.SubmissionUpdate{Status: up})
	v.selected = "sub-1"
	v.ShowDetails()
	if b := firstAction(t, v); b.Text != LabelCancel || b.Disabled() {
		t.Fatalf("while uploading the first button is %q (off %v), want %q", b.Text, b.Disabled(), LabelCancel)
	}
	v.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-1", Name: "Spin", Step: submit.StepSubmitted, JobID: "job-1"}})
	v.ShowDetails()
	b := firstAction(t, v)
	if b.Text == LabelCancel {
		t.Fatalf("the job exists and the first button is still %q", b.Text)
	}
	if !b.Disabled() {
		t.Errorf("%q took Cancel upload's place and takes clicks at once", b.Text)
	}
	now = now.Add(actionSettle)
	v.ShowDetails()
	if b := firstAction(t, v); b.Disabled() {
		t.Errorf("%q is still off after %v", b.Text, actionSettle)
	}
}
