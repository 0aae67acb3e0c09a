package jobs

import (
	"slices"
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

// Tester 4: a row "Creating the job" offered Cancel upload, long after the
// upload, and pressing it only said it was too late. While the take is
// made the button cancels the job ("Cancel the job"); once the paid call
// is under way there is none.
func TestCancelIsOfferedOnlyWhileThereIsSomethingToCancel(t *testing.T) {
	v := newTestView(t)
	for _, c := range []struct {
		step submit.Step
		want string // the first button, "" for no cancel at all
	}{
		{submit.StepUploadingVideo, LabelCancel},
		{submit.StepCreatingTake, LabelCancelJob},
		{submit.StepCreatingJob, ""},
	} {
		v.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-1", Name: "Spin", Step: c.step, Done: 1, Total: 2}})
		v.selected = "sub-1"
		v.ShowDetails()
		var labels []string
		for _, o := range v.Details.Objects {
			if box, ok := o.(*fyne.Container); ok {
				for _, b := range box.Objects {
					if k, ok := b.(*kit.Button); ok {
						labels = append(labels, k.Text)
					}
				}
			}
		}
		cancels := slices.DeleteFunc(slices.Clone(labels), func(l string) bool { return l != LabelCancel && l != LabelCancelJob })
		if (c.want == "" && len(cancels) > 0) || (c.want != "" && (len(cancels) != 1 || cancels[0] != c.want)) {
			t.Errorf("%v: buttons %q, want the cancel to be %q", c.step, labels, c.want)
		}
	}
}

// Tester 4: a Retry download that failed again said "use Retry download"
// once more. It says why, and the next step.
func TestARetryThatFailsAgainSaysTheNextStep(t *testing.T) {
	got := failedAgain("The file storage no longer gives this file (its link may have expired): use Retry download, which asks Move for a fresh link.")
	want := "The file storage no longer gives this file (its link may have expired), again. Wait a few minutes and retry; if it keeps failing, start the video again under New take for new files (charged as a new job), or write to Move with the job ID (Copy job ID)."
	if got != want {
		t.Errorf("%q\nwant %q", got, want)
	}
}
