package newtake

import (
	"strings"
	"testing"

	"singlecam/core/price"
)

// The fixture video is 3 s, 480×320, 30 fps: $0.04 with S1, $0.07 with S2.

func TestACardShowsItsPriceAndStartTheTotal(t *testing.T) {
	e := newTestEnv(t)
	p := e.panel(t)
	if p.Start.Text != "Start" || !p.PriceNote.Hidden {
		t.Errorf("empty form: Start %q, note shown %v", p.Start.Text, !p.PriceNote.Hidden)
	}
	p.Drop([]string{e.video(t, "Jump.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
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
	e.q.Until(t, "three priced", func() bool { return p.Start.Text == "Start 3 jobs · about $0.12–$0.21" })
}

func TestThePriceFollowsTheClipWindowAndTheModel(t *testing.T) {
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{e.video(t, "a.mp4"), e.video(t, "b.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
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
		{func() { p.Model.SetSelected(ModelS2) }, "About $0.05 with S2 · 2 s billed, clip window", "Start 2 jobs · about $0.10"},
		{func() {
			for _, c := range p.takes {
				c.ClipStart.SetText("")
				c.ClipEnd.SetText("")
			}
		}, "About $0.07 with S2 · 3 s billed, whole video", "Start 2 jobs · about $0.14"},
		{func() { p.Model.SetSelected(ModelS1) }, "About $0.04 with S1 · 3 s billed, whole video", "Start 2 jobs · about $0.08"},
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
		e.q.Settle()
		if got := p.takes[0].priceLabel.Text; got != tc.card || p.Start.Text != tc.start {
			t.Errorf("after the checks: card %q, Start %q", got, p.Start.Text)
		}
	}
}

// In the demo Start's amount is what Move would bill, and the label says
// it is not billed.
func TestStartSaysTheDemoIsNotBilled(t *testing.T) {
	total := price.Total{}
	total.Add(price.Estimate{S1Cents: 4, S2Cents: 7})
	for _, c := range []struct {
		jobs         int
		priced, demo bool
		want         string
	}{
		{0, true, true, "Start"},
		{1, true, false, "Start 1 job · about $0.04–$0.07"},
		{1, true, true, "Start 1 job · about $0.04–$0.07 (demo: not billed)"},
		{2, false, true, "Start 2 jobs (demo: not billed)"},
		{2, false, false, "Start 2 jobs"},
	} {
		if got := startText(c.jobs, total, c.priced, c.demo); got != c.want {
			t.Errorf("startText(%d, priced %v, demo %v) = %q, want %q", c.jobs, c.priced, c.demo, got, c.want)
		}
	}
}
