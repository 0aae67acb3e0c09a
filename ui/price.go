package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/price"
	"singlecam/core/submit"
)

// This file is everything the GUI says about money: a take card's price,
// Start's batch total, the note of what the prices assume, the jobs list's
// estimates, and the optional confirmation above an amount. Each piece is a
// small function, so a panel that moves its widgets around keeps them.

// Preferences of the confirmation before costly jobs (off by default).
const (
	prefConfirmCost       = "confirmCost"       // bool: ask before starting jobs above the amount
	prefConfirmAboveCents = "confirmAboveCents" // int: the amount, in US cents
)

// defaultConfirmAboveCents is the amount offered when the user first turns
// the confirmation on.
const defaultConfirmAboveCents = 500

// estimateFor is a take's estimated price with the form's settings; ok is
// false until the video's facts are read.
func estimateFor(t *takeItem, r submit.Request) (price.Estimate, bool) {
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
	return fmt.Sprintf("%s · %s s billed, %s", amount, seconds(e.Seconds), billed)
}

// seconds shows a duration in seconds to a tenth: "3", "29.5".
func seconds(s float64) string {
	return strconv.FormatFloat(math.Round(s*10)/10, 'f', -1, 64)
}

// startText is Start's label: "Start", "Start 1 job · about $0.04",
// "Start 3 jobs · about $0.12–$0.21". The amount shows only when every
// video is priced, so a total is never short of a video.
func startText(jobs int, total price.Total, allPriced bool) string {
	switch {
	case jobs == 0:
		return "Start"
	case !allPriced && jobs == 1:
		return "Start 1 job"
	case !allPriced:
		return fmt.Sprintf("Start %d jobs", jobs)
	case jobs == 1:
		return "Start 1 job · about " + total.String()
	}
	return fmt.Sprintf("Start %d jobs · about %s", jobs, total)
}

// priceNote says what every price in the panel assumes.
func priceNote() string {
	return fmt.Sprintf("Prices are estimates from Move's published standard rates (%s), assuming Move bills the clip window when one is set, else the whole video. With Move's choice of model, both S1's and S2's prices are shown.",
		price.Published.AsOf)
}

// updatePrices shows each card's price and the batch's total on Start,
// from the form as it stands: run whenever the videos, the clip window or
// the model change.
func (p *NewTake) updatePrices() {
	reqs, _ := p.requests()
	var total price.Total
	allPriced := true
	for i, t := range p.takes {
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
	if text := startText(len(p.takes), total, allPriced); text != p.Start.Text {
		p.Start.SetText(text)
		p.startRow.Refresh() // the button's width changed
	}
	p.PriceNote.Hidden = len(p.takes) == 0
	p.PriceNote.Refresh()
}

// batchTotal is the estimated total of requests (one per take).
func (p *NewTake) batchTotal(reqs []submit.Request) price.Total {
	var total price.Total
	for i, t := range p.takes {
		if e, ok := estimateFor(t, reqs[i]); ok {
			total.Add(e)
		}
	}
	return total
}

// confirmAbove is the amount, in cents, above which Start asks first, or -1
// when the user has not asked for that.
func (p *NewTake) confirmAbove() int {
	if !p.prefs.Bool(prefConfirmCost) {
		return -1
	}
	return p.prefs.IntWithFallback(prefConfirmAboveCents, defaultConfirmAboveCents)
}

// confirmCost asks before starting jobs estimated above the user's amount;
// start runs only on yes.
func (p *NewTake) confirmCost(total price.Total, above int, start func()) {
	jobs := "This job is"
	if total.Jobs != 1 {
		jobs = fmt.Sprintf("Together these %d jobs are", total.Jobs)
	}
	text := widget.NewLabel(fmt.Sprintf("%s estimated at about %s, above the %s you asked to confirm (Settings).\n\n%s",
		jobs, total, price.Dollars(int64(above)), priceNote()))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Start for about "+total.String()+"?", "Start", "Not now",
		container.NewGridWrap(fyne.NewSize(420, 150), text), func(yes bool) {
			p.Confirm = nil
			if yes {
				start()
			}
		}, p.win)
	p.Confirm = d
	d.Show()
}

// jobPrice is a jobs list row's estimate: "≈ $0.04", or "" when none.
func jobPrice(e *price.Estimate) string {
	if e == nil {
		return ""
	}
	return "≈ " + e.String()
}

// jobPriceDetail is the estimate in a job's details.
func jobPriceDetail(e *price.Estimate) string {
	if e == nil {
		return ""
	}
	model := "with " + e.Model
	if e.Model == "" {
		model = "with S1 or S2 (Move's choice)"
	}
	return fmt.Sprintf("Estimated cost: about %s %s for %s s, on Move's published rates of %s (the clip window is assumed to be what is billed, else the whole video).",
		e, model, seconds(e.Seconds), e.AsOf)
}

// unchanging copies what a new submission's record holds that its
// pipeline never changes (its id, date, request and estimate): the queue
// goes on writing the rest from its own goroutine.
func unchanging(rec *submit.Record) *submit.Record {
	return &submit.Record{ID: rec.ID, Created: rec.Created, Request: rec.Request, Estimate: rec.Estimate, Step: submit.StepQueued}
}

// noteEstimates keeps new submissions' estimates on their rows.
func (v *JobsView) noteEstimates(records []*submit.Record) {
	before := v.model.Len()
	for _, rec := range records {
		v.model.NoteEstimate(rec)
	}
	if v.model.Len() != before {
		v.refresh()
		return
	}
	for _, rec := range records {
		if i := v.model.Index(rec.ID); i >= 0 {
			v.List.RefreshItem(i)
		}
	}
	v.showMonth()
}

// showMonth shows this month's estimated total in the list's header.
func (v *JobsView) showMonth() {
	text := monthText(v.model.MonthEstimate(time.Now()))
	if s := v.ui.session; text != "" && s != nil && s.demo != nil {
		text += " (demo: nothing is billed)"
	}
	v.Month.SetText(text)
}

// monthText is the jobs list header's month total, amount first (a narrow
// window cuts the end): "≈ $1.23 this month, from this computer", or ""
// before the first job.
func monthText(total price.Total) string {
	if total.Jobs == 0 {
		return ""
	}
	return "≈ " + total.String() + " this month, from this computer"
}

// costSettings is Settings' "Cost" section: the confirmation before
// starting jobs above an amount, and where the prices come from.
func (m *MainScreen) costSettings() fyne.CanvasObject {
	prefs := m.ui.app.Preferences()
	amount := widget.NewEntry()
	amount.SetText(strconv.FormatFloat(float64(prefs.IntWithFallback(prefConfirmAboveCents, defaultConfirmAboveCents))/100, 'f', 2, 64))
	amount.Validator = func(s string) error {
		if _, ok := parseDollars(s); !ok {
			return fmt.Errorf("an amount in dollars, like 2.50")
		}
		return nil
	}
	amount.OnChanged = func(s string) {
		if cents, ok := parseDollars(s); ok {
			prefs.SetInt(prefConfirmAboveCents, cents)
		}
	}
	ask := widget.NewCheck("Ask me before starting jobs estimated above $", func(on bool) {
		prefs.SetBool(prefConfirmCost, on)
		if on {
			amount.Enable()
		} else {
			amount.Disable()
		}
	})
	ask.SetChecked(prefs.Bool(prefConfirmCost))
	if !ask.Checked {
		amount.Disable()
	}
	m.ConfirmCost, m.ConfirmAbove = ask, amount
	note := widget.NewLabel(priceNote() + " Move's API says nothing about money: your invoice from Move is what counts.")
	note.Wrapping = fyne.TextWrapWord
	note.TextStyle.Italic = true
	return container.NewVBox(container.NewBorder(nil, nil, ask, nil, amount), note)
}

// parseDollars reads an amount like "2.50" or "$2.50" as cents.
func parseDollars(s string) (int, bool) {
	v, err := strconv.ParseFloat(strings.TrimPrefix(strings.TrimSpace(s), "$"), 64)
	if err != nil || v < 0 || v > 1e6 || math.IsNaN(v) {
		return 0, false
	}
	return int(math.Round(v * 100)), true
}
