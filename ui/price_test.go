package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The fixture video is 3 s, 480×320, 30 fps: $0.04 with S1, $0.07 with S2.

func TestACardShowsItsPriceAndStartTheTotal(t *testing.T) {
	e := newTestEnv(t)
	p := e.signedIn(t).NewTake
	if p.Start.Text != "Start" || !p.PriceNote.Hidden {
		t.Errorf("empty form: Start %q, note shown %v", p.Start.Text, !p.PriceNote.Hidden)
	}
	p.Drop([]string{e.video(t, "Jump.mp4")})
	e.q.until(t, "ready", func() bool { return !p.Start.Disabled() })
	if got, want := p.takes[0].priceLabel.Text, "About $0.04 (S1) or $0.07 (S2) · 3 s billed, whole video"; got != want || !p.takes[0].priceLabel.Visible() {
		t.Errorf("card price %q, want %q", got, want)
	}
	if p.Start.Text != "Start 1 job · about $0.04–$0.07" {
		t.Errorf("Start %q", p.Start.Text)
	}
	if !p.PriceNote.Visible() || !strings.Contains(p.PriceNote.Text, "published standard rates (2026-11)") || !strings.Contains(p.PriceNote.Text, "clip window") {
		t.Errorf("note %q", p.PriceNote.Text)
	}
	p.Drop([]string{e.video(t, "Spin.mp4"), e.video(t, "Roll.mov")})
	e.q.until(t, "three priced", func() bool { return p.Start.Text == "Start 3 jobs · about $0.12–$0.21" })
}

func TestThePriceFollowsTheClipWindowAndTheModel(t *testing.T) {
	e := newTestEnv(t)
	p := e.signedIn(t).NewTake
	p.Drop([]string{e.video(t, "a.mp4"), e.video(t, "b.mp4")})
	e.q.until(t, "ready", func() bool { return !p.Start.Disabled() })
	for _, tc := range []struct {
		change      func()
		card, start string
	}{
		{func() {
			for _, c := range p.takes {
				c.ClipStart.SetText("0")
				c.ClipEnd.SetText("2")
			}
		},
			"About $0.02 (S1) or $0.05 (S2) · 2 s billed, clip window", "Start 2 jobs · about $0.04–$0.10"},
		{func() { p.Model.SetSelected(modelS2) }, "About $0.05 with S2 · 2 s billed, clip window", "Start 2 jobs · about $0.10"},
		{func() {
			for _, c := range p.takes {
				c.ClipStart.SetText("")
				c.ClipEnd.SetText("")
			}
		}, "About $0.07 with S2 · 3 s billed, whole video", "Start 2 jobs · about $0.14"},
		{func() { p.Model.SetSelected(modelS1) }, "About $0.04 with S1 · 3 s billed, whole video", "Start 2 jobs · about $0.08"},
		{func() { p.remove(p.takes[1]) }, "About $0.04 with S1 · 3 s billed, whole video", "Start 1 job · about $0.04"},
	} {
		tc.change()
		// The price follows at once, before the checks answer.
		if got := p.takes[0].priceLabel.Text; got != tc.card {
			t.Errorf("card %q, want %q", got, tc.card)
		}
		if p.Start.Text != tc.start {
			t.Errorf("Start %q, want %q", p.Start.Text, tc.start)
		}
		e.q.settle()
		if got := p.takes[0].priceLabel.Text; got != tc.card || p.Start.Text != tc.start {
			t.Errorf("after the checks: card %q, Start %q", got, p.Start.Text)
		}
	}
}

func TestStartAsksFirstAboveTheChosenAmount(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	p := m.NewTake
	p.Drop([]string{e.video(t, "a.mp4"), e.video(t, "b.mp4"), e.video(t, "c.mp4")}) // $0.12–$0.21
	e.q.until(t, "ready", func() bool { return !p.Start.Disabled() })

	// Off by default: Start starts.
	if p.confirmAbove() != -1 {
		t.Fatalf("the confirmation is on by default (above %d¢)", p.confirmAbove())
	}
	// Turned on in Settings, at $0.20: the highest estimate, $0.21, is above it.
	m.onSettings()
	test.Tap(m.ConfirmCost)
	m.ConfirmAbove.SetText("")
	test.Type(m.ConfirmAbove, "0.20")
	if p.confirmAbove() != 20 {
		t.Fatalf("the setting reads %d¢, want 20", p.confirmAbove())
	}
	e.ui.win.Canvas().Overlays().Top().Hide() // close Settings

	test.Tap(p.Start)
	if p.Confirm == nil || len(p.takes) != 3 {
		t.Fatalf("no confirmation (dialog %v), %d takes left", p.Confirm, len(p.takes))
	}
	body := texts(e.ui.win.Canvas().Overlays().Top())
	for _, says := range []string{"Start for about $0.12–$0.21?", "these 3 jobs are estimated at about $0.12–$0.21, above the $0.20", "published standard rates"} {
		if !strings.Contains(body, says) {
			t.Errorf("the confirmation lacks %q:\n%s", says, body)
		}
	}
	test.Tap(dialogButton(t, e.ui.win.Canvas().Overlays().Top(), "Not now"))
	if len(p.takes) != 3 || p.Confirm != nil || m.Jobs.model.Len() > 0 {
		t.Errorf("Not now started something: %d takes, %d rows", len(p.takes), m.Jobs.model.Len())
	}

	test.Tap(p.Start)
	test.Tap(dialogButton(t, e.ui.win.Canvas().Overlays().Top(), "Start"))
	if len(p.takes) != 0 {
		t.Fatal("confirmed, but the takes were not started")
	}
	e.q.until(t, "three rows with their estimates", func() bool {
		n := 0
		for i := range m.Jobs.model.Len() {
			if r := m.Jobs.model.At(i); r.Estimate != nil && r.Estimate.String() == "$0.04–$0.07" {
				n++
			}
		}
		return n == 3
	})
	e.q.until(t, "the month's total", func() bool { return m.Jobs.Month.Text == "≈ $0.12–$0.21 this month, from this computer" })
	if rows := texts(m.Jobs.List); strings.Count(rows, "≈ $0.04–$0.07\n") != 3 {
		t.Errorf("the list's rows do not show each job's estimate:\n%s", rows)
	}

	// Below the amount: no question.
	p.Drop([]string{e.video(t, "d.mp4")})
	e.q.until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Tap(p.Start)
	if p.Confirm != nil || len(p.takes) != 0 {
		t.Errorf("asked below the amount")
	}
	// The submission is written from a goroutine: let it land before the
	// test's folders go.
	e.q.until(t, "the fourth job", func() bool { return m.Jobs.model.Len() == 4 })
}

// texts gathers every label's and button's text under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		}
	})
	return b.String()
}

// dialogButton finds the button labelled text under o, inside widgets too
// (a dialog's buttons sit in its renderer).
func dialogButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button in:\n%s", text, texts(o))
	}
	return found
}

func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walk(c, visit)
		}
	case *container.Scroll:
		walk(w.Content, visit)
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walk(c, visit)
		}
	}
}
