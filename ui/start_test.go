package ui

import (
	"path/filepath"
	"singlecam/core/joblist"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/ui/internal/uitest"
	"singlecam/ui/kit"
	"singlecam/ui/newtake"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The new-take panel in the whole app: what Start sends reaches the jobs
// list and the service.

func TestStartQueuesSubmissionsThatReachTheService(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	m := e.signedIn(t)
	p := m.NewTake
	p.Drop([]string{e.video(t, "Jump.mp4"), e.video(t, "Spin.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Tap(p.Outputs.None)
	test.Tap(p.Outputs.Checks["ALL_BVH"])
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Tap(p.Start)
	if p.Len() != 0 {
		t.Error("the form kept the started takes")
	}
	e.q.Until(t, "both saved", func() bool {
		done := 0
		for i := range m.Jobs.Model().Len() {
			if m.Jobs.Model().At(i).Phase == joblist.Downloaded {
				done++
			}
		}
		return done == 2
	})
	records, err := submit.OpenJournal(filepath.Join(e.dataDir, "submissions"))
	if err != nil {
		t.Fatal(err)
	}
	recs, _ := records.Load()
	if len(recs) != 2 || recs[0].JobID == "" || recs[0].Request.Outputs[0] != "ALL_BVH" {
		t.Errorf("journal: %+v", recs)
	}
}

// After Start the panel is empty and ready: nothing of the last take's
// videos stays (their windows, names, .move files), while the batch's
// outputs and options are offered again, now and at the next run.
func TestStartEmptiesThePanelAndRemembersTheBatchSettings(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	m := e.signedIn(t)
	p := m.NewTake
	p.Drop([]string{e.video(t, "Jump.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Type(p.Card(0).Name, "Backflip")
	p.Card(0).ClipStart.SetText("0")
	p.Card(0).ClipEnd.SetText("2")
	test.Tap(p.Outputs.None)
	test.Tap(p.Outputs.Checks[ugc.OutputAllBVH])
	test.Tap(p.Fingers)
	p.Model.SetSelected(newtake.ModelS2)
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Tap(p.Start)
	if p.Len() != 0 || len(p.TakeList.Objects) != 1 || !strings.Contains(p.Reason.Text, "Drop a video") && p.Reason.Text != "Checking…" {
		t.Errorf("after Start: %d takes, reason %q", p.Len(), p.Reason.Text)
	}
	// The same video again: a fresh card, with no name and no window.
	p.Drop([]string{filepath.Join(e.dir, "Jump.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	if c := p.Card(0); c.Name.Text != "" || c.ClipStart.Text != "" || c.ClipEnd.Text != "" {
		t.Errorf("the new card kept %q, %q–%q", c.Name.Text, c.ClipStart.Text, c.ClipEnd.Text)
	}
	// The batch settings stay, and a new panel (the next run) starts with them.
	again := newtake.New(nil, e.ui.app.Preferences(), e.ui.win, func([]submit.Request) {}, e.q.Post)
	for _, panel := range []*newtake.Panel{p, again} {
		if got := panel.Outputs.Chosen(); !slices.Equal(got, []ugc.OutputType{ugc.OutputAllBVH}) || !panel.Fingers.Checked || panel.Floor.Checked || panel.Model.Selected != newtake.ModelS2 {
			t.Errorf("outputs %v, fingers %v, floor %v, model %q", got, panel.Fingers.Checked, panel.Floor.Checked, panel.Model.Selected)
		}
	}
	e.q.Until(t, "the job", func() bool { return m.Jobs.Model().Len() == 1 }) // written from a goroutine
}

func TestStartAsksFirstAboveTheChosenAmount(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	p := m.NewTake
	p.Drop([]string{e.video(t, "a.mp4"), e.video(t, "b.mp4"), e.video(t, "c.mp4")}) // $0.12–$0.21
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })

	// Off by default: Start starts.
	if p.ConfirmAbove() != -1 {
		t.Fatalf("the confirmation is on by default (above %d¢)", p.ConfirmAbove())
	}
	// Turned on in Settings, at $0.20: the highest estimate, $0.21, is above it.
	m.onSettings()
	test.Tap(m.SettingsDialog.ConfirmCost)
	m.SettingsDialog.ConfirmAbove.SetText("")
	test.Type(m.SettingsDialog.ConfirmAbove, "0.20")
	if p.ConfirmAbove() != 20 {
		t.Fatalf("the setting reads %d¢, want 20", p.ConfirmAbove())
	}
	e.ui.win.Canvas().Overlays().Top().Hide() // close Settings

	test.Tap(p.Start)
	if p.Confirm == nil || p.Len() != 3 {
		t.Fatalf("no confirmation (dialog %v), %d takes left", p.Confirm, p.Len())
	}
	body := uitest.Texts(e.ui.win.Canvas().Overlays().Top())
	for _, says := range []string{"Start for about $0.12–$0.21?", "these 3 jobs are estimated at about $0.12–$0.21, above the $0.20", "published standard rates"} {
		if !strings.Contains(body, says) {
			t.Errorf("the confirmation lacks %q:\n%s", says, body)
		}
	}
	test.Tap(uitest.Button(t, e.ui.win.Canvas().Overlays().Top(), "Not now"))
	if p.Len() != 3 || p.Confirm != nil || m.Jobs.Model().Len() > 0 {
		t.Errorf("Not now started something: %d takes, %d rows", p.Len(), m.Jobs.Model().Len())
	}

	test.Tap(p.Start)
	test.Tap(uitest.Button(t, e.ui.win.Canvas().Overlays().Top(), "Start"))
	if p.Len() != 0 {
		t.Fatal("confirmed, but the takes were not started")
	}
	e.q.Until(t, "three rows with their estimates", func() bool {
		n := 0
		for i := range m.Jobs.Model().Len() {
			if r := m.Jobs.Model().At(i); r.Estimate != nil && r.Estimate.String() == "$0.04–$0.07" {
				n++
			}
		}
		return n == 3
	})
	e.q.Until(t, "the month's total", func() bool { return m.Jobs.Month.Text == "About $0.12–$0.21 this month, from this computer" })
	if rows := uitest.Texts(m.Jobs.List); strings.Count(rows, "~$0.04–$0.07\n") != 3 {
		t.Errorf("the list's rows do not show each job's estimate:\n%s", rows)
	}

	// Below the amount: no question.
	p.Drop([]string{e.video(t, "d.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Tap(p.Start)
	if p.Confirm != nil || p.Len() != 0 {
		t.Errorf("asked below the amount")
	}
	// The submission is written from a goroutine: let it land before the
	// test's folders go.
	e.q.Until(t, "the fourth job", func() bool { return m.Jobs.Model().Len() == 4 })
}

// Tester 4 (serious): the cost question showed no focus, Return and
// Escape did nothing, and Space started the paid job. "Not now" has the
// focus now: Space, Return and Escape all say not now; only Start, reached
// with Tab and pressed, starts.
func TestTheCostQuestionNeverPaysByAccident(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	p := m.NewTake
	e.ui.app.Preferences().SetBool(kit.PrefConfirmCost, true)
	e.ui.app.Preferences().SetInt(kit.PrefConfirmAboveCents, 1)
	p.Drop([]string{e.video(t, "a.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	c := e.ui.win.Canvas()
	for _, key := range []fyne.KeyName{fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape} {
		test.Tap(p.Start)
		if p.Confirm == nil {
			t.Fatal("no question above the amount")
		}
		f, ok := c.Focused().(*kit.Button)
		if !ok || f.Text != "Not now" {
			t.Fatalf("the question's focus is on %T %v, want Not now", c.Focused(), c.Focused())
		}
		f.TypedKey(&fyne.KeyEvent{Name: key})
		if p.Confirm != nil || p.Len() != 1 || m.Jobs.Model().Len() != 0 {
			t.Fatalf("%s on the question: open %v, %d takes, %d jobs", key, p.Confirm != nil, p.Len(), m.Jobs.Model().Len())
		}
	}
	test.Tap(p.Start)
	c.FocusNext() // Tab: from Not now to Start
	if f, ok := c.Focused().(*kit.Button); !ok || f.Text != "Start" {
		t.Fatalf("Tab reached %v, want Start", c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if p.Len() != 0 {
		t.Fatal("Start, chosen, did not start")
	}
	e.q.Until(t, "the job", func() bool { return m.Jobs.Model().Len() == 1 })
}
