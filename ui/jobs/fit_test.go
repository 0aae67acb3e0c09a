package jobs

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"singlecam/core/engine"
	"singlecam/core/outputs"
	"singlecam/core/price"
	"singlecam/core/submit"
	"singlecam/core/ugc"
)

func TestRowTextsAreWholeFromLongestToShortest(t *testing.T) {
	for _, c := range []struct {
		ago, detail, chip string
		want              []string
	}{
		{"2 min ago", "Failed: Move could not process this video. Check it is within Move's limits and submit it again.", "Failed",
			[]string{"2 min ago · Failed: Move could not process this video.", "Failed: Move could not process this video.",
				"2 min ago · Move could not process this video.", "Move could not process this video.", "2 min ago · Failed", "Failed"}},
		{"", "Uploading 812 MB of 3.9 GB · 24 MB/s · 2 min left", "Uploading",
			[]string{"Uploading 812 MB of 3.9 GB · 24 MB/s · 2 min left", "Uploading 812 MB of 3.9 GB · 24 MB/s", "Uploading 812 MB of 3.9 GB"}},
		{"just now", "Saved: 8 files, ready to open", "Downloaded",
			[]string{"just now · Saved: 8 files, ready to open", "Saved: 8 files, ready to open", "just now · Saved: 8 files", "Saved: 8 files", "just now · Saved", "Saved"}},
		{"1 h ago", "Move cannot be reached right now (no network, or Move is down).", "Waiting",
			[]string{"1 h ago · Move cannot be reached right now (no network, or Move is down).", "Move cannot be reached right now (no network, or Move is down).",
				"1 h ago · Move cannot be reached right now", "Move cannot be reached right now"}},
		{"just now", "", "Queued", []string{"just now"}},
	} {
		if got := rowTexts(c.ago, c.detail, c.chip); !slices.Equal(got, c.want) {
			t.Errorf("%q, %q:\n got %q\nwant %q", c.ago, c.detail, got, c.want)
		}
	}
}

// Tester 3: at 900×600 (a list about 400 px wide) rows read "Failed: Move
// could not pr…" and "Not downloaded: The file …". Each row now says its
// state whole, in a shorter form where the whole sentence does not fit.
func TestRowStatesAreWholeAt900Pixels(t *testing.T) {
	v := newTestView(t)
	now := time.Now()
	v.model.AddJobs([]ugc.Job{
		{ID: "job-1", Name: "hevc", Created: now.Add(-3 * time.Minute), State: ugc.StateFailed},
		{ID: "job-2", Name: "h264", Created: now.Add(-4 * time.Minute), State: ugc.StateFinished,
			Outputs: []ugc.Output{{Format: "main_fbx", File: ugc.File{PresignedURL: "u"}}}},
		{ID: "job-3", Name: "walk", Created: now.Add(-5 * time.Minute), State: ugc.StateFinished},
	})
	v.model.Apply(engine.SavedJob{JobID: "job-2", Err: fmt.Errorf("storage: %w", ugc.ErrUnavailable)})
	v.model.Apply(engine.SavedJob{JobID: "job-3", Folder: "/tmp/walk", Files: make([]outputs.Saved, 8)})
	v.model.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-up", Name: "long take", Step: submit.StepUploadingVideo,
		Done: 812_000_000, Total: 3_900_000_000}})
	w := test.NewTempWindow(t, v.content)
	for _, width := range []float32{400, 330} {
		w.Resize(fyne.NewSize(width, 700))
		v.refresh()
		rows := 0
		for _, o := range test.LaidOutObjects(v.List) {
			r, ok := o.(*jobRow)
			if !ok || r.detail.Text == "" {
				continue
			}
			rows++
			if !slices.Contains(r.detail.texts, r.detail.Text) || !r.detail.fits(r.detail.Text, r.detail.Size().Width) {
				t.Errorf("%.0f px: %q is cut (%.0f px wide)", width, r.detail.Text, r.detail.Size().Width)
			}
			t.Logf("%.0f px: %s", width, r.detail.Text)
		}
		if rows != 4 {
			t.Errorf("%.0f px: %d rows", width, rows)
		}
	}
}

// Tester 4: at 900×600 a row read "Wal…" for "Walk 1", its price and
// state beside it. The name comes first: the price gives way.
func TestARowsNameComesBeforeItsPrice(t *testing.T) {
	v := newTestView(t)
	v.model.AddRecords([]*submit.Record{{ID: "sub-1", JobID: "job-1", Created: time.Now(), Request: submit.Request{Name: "Walk 1 take"},
		Estimate: &price.Estimate{S1Cents: 4, S2Cents: 7}}})
	w := test.NewTempWindow(t, v.content)
	for _, c := range []struct {
		width     float32
		wantPrice bool
	}{{520, true}, {330, false}} {
		w.Resize(fyne.NewSize(c.width, 500))
		v.refresh()
		for _, o := range test.LaidOutObjects(v.List) {
			r, ok := o.(*jobRow)
			if !ok || r.name.Text == "" {
				continue
			}
			whole := fyne.MeasureText(r.name.Text, theme.TextSize(), r.name.TextStyle).Width + 2*theme.InnerPadding()
			if r.name.Size().Width < whole {
				t.Errorf("%.0f px: the name has %.0f px of the %.0f it needs", c.width, r.name.Size().Width, whole)
			}
			if shown := r.price.Size().Width > 0; shown != c.wantPrice {
				t.Errorf("%.0f px: price shown %v, want %v", c.width, shown, c.wantPrice)
			}
		}
	}
}
