package newtake

import (
	"fmt"

	"singlecam/core/price"
	"singlecam/core/submit"
	"singlecam/ui/kit"
)

// This file is everything the GUI says about money: a take card's price,
// Start's batch total, the note of what the prices assume, the jobs list's
// estimates, and the optional confirmation above an amount. Each piece is a
// small function, so a panel that moves its widgets around keeps them.

// estimateFor is a take's estimated price with the form's settings; ok is
// false until the video's facts are read.
func estimateFor(t *Card, r submit.Request) (price.Estimate, bool) {
	if !t.priced {
		return price.Estimate{}, false
	}
	return submit.PriceOf(t.video, r), true
}

// cardPrice is a take card's price line: "About $0.04 (S1) or $0.07 (S2) ·
// 3 s billed, whole video" for Move's choice, "About $0.05 with S2 · 2 s
// billed, clip window" for a chosen model.
func cardPrice(e price.Estimate, clipped bool) string {
	amount := fmt.Sprintf("About %s (S1) or %s (S2)", price.Dollars(e.S1Cents), price.Dollars(e.S2Cents))
	if e.Model != "" {
		amount = fmt.Sprintf("About %s with %s", price.Dollars(e.Cents(e.Model)), e.Model)
	}
	billed := "whole video"
	if clipped {
		billed = "clip window"
	}
	return fmt.Sprintf("%s · %s s billed, %s", amount, kit.Seconds(e.Seconds), billed)
}

// startText is Start's label: "Start", "Start 1 job · about $0.04",
// "Start 3 jobs · about $0.12–$0.21". The amount shows only when every
// video is priced, so a total is never short of a video. In the demo the
// amount is what Move would bill, and the label says nothing is charged,
// so a price beside Start is never read as a charge that is not made.
func startText(jobs int, total price.Total, allPriced, demo bool) string {
	text := "Start"
	switch {
	case jobs == 0:
		return text
	case jobs == 1:
		text = "Start 1 job"
	default:
		text = fmt.Sprintf("Start %d jobs", jobs)
	}
	switch {
	case allPriced && demo:
		return text + " · about " + total.String() + " (demo: not billed)"
	case allPriced:
		return text + " · about " + total.String()
	case demo:
		return text + " (demo: not billed)"
	}
	return text
}

// SetDemo says whether the session is the demo, whose jobs are never
// charged: Start's label says so beside the amount.
func (p *Panel) SetDemo(demo bool) {
	p.demo = demo
	p.updatePrices()
}

// updatePrices shows each card's price and the batch's total on Start,
// from the form as it stands: run whenever the videos, the clip window or
// the model change.
func (p *Panel) updatePrices() {
	reqs, _ := p.requests()
	var total price.Total
	allPriced := true
	jobs := 0 // the videos that can go: one Move cannot take is no job (tester 4)
	for i, t := range p.takes {
		if t.videoRefused() {
			if t.priceLabel != nil {
				t.priceLabel.Hide()
			}
			continue
		}
		jobs++
		e, ok := estimateFor(t, reqs[i])
		if !ok {
			allPriced = false
			if t.priceLabel != nil {
				t.priceLabel.SetText("")
				t.priceLabel.Hide()
			}
			continue
		}
		total.Add(e)
		if t.priceLabel != nil {
			t.priceLabel.SetText(cardPrice(e, reqs[i].ClipWindow != nil))
			t.priceLabel.Show()
		}
	}
	if text := startText(jobs, total, allPriced, p.demo); text != p.Start.Text {
		p.Start.SetText(text)
		p.startRow.Refresh() // the button's width changed
	}
	p.PriceNote.Hidden = len(p.takes) == 0
	p.PriceNote.Refresh()
}

// batchTotal is the estimated total of requests (one per take).
func (p *Panel) batchTotal(reqs []submit.Request) price.Total {
	var total price.Total
	for i, t := range p.takes {
		if e, ok := estimateFor(t, reqs[i]); ok {
			total.Add(e)
		}
	}
	return total
}

// ConfirmAbove is the amount, in cents, above which Start asks first, or -1
// when the user has not asked for that.
func (p *Panel) ConfirmAbove() int {
	if !p.prefs.Bool(kit.PrefConfirmCost) {
		return -1
	}
	return p.prefs.IntWithFallback(kit.PrefConfirmAboveCents, kit.DefaultConfirmAboveCents)
}

// confirmCost asks before starting jobs estimated above the user's amount;
// start runs only on yes. It is a question that pays (kit.AskToPay): "Not
// now" has the focus and its ring, Return and Space answer the focused
// button, Escape says not now; only Start, chosen, starts (tester 4: with
// Fyne's own confirm nothing had the focus, Return and Escape did nothing,
// and Space started the paid job).
func (p *Panel) confirmCost(total price.Total, above int, start func()) {
	jobs := "This job is"
	if total.Jobs != 1 {
		jobs = fmt.Sprintf("Together these %d jobs are", total.Jobs)
	}
	amount := total.String()
	if p.demo {
		amount += " (demo: not billed)"
	}
	message := fmt.Sprintf("%s estimated at about %s, above the %s you asked to confirm (Settings).\n\n%s",
		jobs, amount, price.Dollars(int64(above)), kit.PriceNote())
	p.Confirm = kit.AskToPay(p.win, "Start for about "+total.String()+"?", message, "Start", "Not now", 190, func(yes bool) {
		p.Confirm = nil
		if yes {
			start()
		}
	})
}
