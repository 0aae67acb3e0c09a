package newtake

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/media"
	"singlecam/core/price"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/core/words"
	"singlecam/ui/kit"
)

// Card is one video in the form: what the checks said of it, and its
// card, which holds the settings that belong to this video alone (its job
// name, its clip window, its .move file). The card is made once and kept,
// so a field being typed in is never rebuilt under the user's hands.
type Card struct {
	media.Take
	summary  string
	duration float64
	findings []media.Finding // warnings and problems, from the last check
	checked  bool
	forGood  bool // Move can never take the video, whatever the settings

	video  price.Video // what the price depends on
	priced bool        // video was read

	card               fyne.CanvasObject
	Name               *kit.Entry
	ClipStart, ClipEnd *kit.Entry
	ChooseMove         *kit.Button
	summaryLabel       *widget.Label
	priceLabel         *widget.Label // the card's price line
	moveLabel          *widget.Label
	ClipNote           *widget.Label   // "set to its first 60 s", until the user edits the window
	clipLines          *fyne.Container // what is wrong with the clip window, under its fields
	videoLines         *fyne.Container // what the checks said of the video itself
	clipProblem        string          // the clip fields cannot be read, from the last requests()
	proposing          bool            // the app, not the user, is filling the clip fields
}

// newCard makes a video's card: a change to its settings checks the
// form again, its bin takes the video out.
func (p *Panel) newCard(take media.Take) *Card {
	t := &Card{Take: take}
	base := filepath.Base(t.Video)
	title := widget.NewLabelWithStyle(base, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	remove := kit.NewButton("", theme.DeleteIcon(), func() { p.remove(t) })
	remove.Importance = widget.LowImportance
	t.summaryLabel = kit.Small("Reading the video…", widget.MediumImportance)
	t.priceLabel = kit.Small("", widget.MediumImportance)
	t.priceLabel.Hide()
	t.moveLabel = kit.Small("", widget.MediumImportance)
	t.ChooseMove = kit.NewButton("Choose .move…", theme.FileIcon(), func() { p.chooseMoveFor(t) })
	t.ChooseMove.Importance = widget.LowImportance
	t.videoLines = container.NewVBox()

	t.Name = kit.NewEntry()
	t.Name.SetPlaceHolder(strings.TrimSuffix(base, filepath.Ext(base)))
	t.Name.OnChanged = func(string) { p.revalidate() }
	t.ClipStart, t.ClipEnd = kit.NewEntry(), kit.NewEntry()
	t.ClipStart.SetPlaceHolder("start")
	t.ClipEnd.SetPlaceHolder("end")
	edited := func(string) {
		if !t.proposing {
			t.ClipNote.Hide() // the user's own window now: the app's note no longer applies
		}
		p.revalidate()
	}
	t.ClipStart.OnChanged, t.ClipEnd.OnChanged = edited, edited
	remove.OnFocus, t.ChooseMove.OnFocus = p.reveal(remove), p.reveal(t.ChooseMove)
	t.Name.OnFocus, t.ClipStart.OnFocus, t.ClipEnd.OnFocus = p.reveal(t.Name), p.reveal(t.ClipStart), p.reveal(t.ClipEnd)
	t.ClipNote = kit.Small("", widget.MediumImportance)
	t.ClipNote.Hide()
	t.clipLines = container.NewVBox()

	to := widget.NewLabel("to")
	clip := container.NewBorder(nil, nil, nil, nil, container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, nil, to, kit.ScrollsForm(t.ClipStart, &p.scroll)),
		kit.ScrollsForm(t.ClipEnd, &p.scroll)))
	settings := widget.NewForm(
		&widget.FormItem{Text: "Job name", Widget: kit.ScrollsForm(t.Name, &p.scroll)},
		&widget.FormItem{Text: "Clip window", Widget: clip},
	)
	// The video's facts read as one block, lines close together, so three
	// cards fit a small window better.
	facts := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()),
		container.NewBorder(nil, nil, nil, remove, title),
		t.summaryLabel,
		t.priceLabel,
		container.NewBorder(nil, nil, nil, t.ChooseMove, t.moveLabel),
	)
	t.card = widget.NewCard("", "", container.NewVBox(
		facts,
		t.videoLines,
		settings,
		kit.Caption("Leave the clip window empty for the whole video. Times in seconds or minutes: 65, 1:05.5."),
		t.ClipNote,
		t.clipLines,
	))
	p.showTake(t)
	return t
}

// request is this video's part of a submission, on top of the batch's
// settings; it notes on the card whether the clip fields can be read.
func (t *Card) request(batch submit.Request) submit.Request {
	r := batch
	r.VideoPath, r.MovePath = t.Video, t.Move
	r.Name = strings.TrimSpace(t.Name.Text)
	t.clipProblem = ""
	start, end := strings.TrimSpace(t.ClipStart.Text), strings.TrimSpace(t.ClipEnd.Text)
	if start == "" && end == "" {
		return r
	}
	a, okA := parseClipTime(start)
	b, okB := parseClipTime(end)
	switch {
	case start == "":
		t.clipProblem = "Give the clip window a start too (0 for the beginning of the video)."
	case end == "":
		t.clipProblem = "Give the clip window an end too."
	case !okA:
		t.clipProblem = notATime(start)
	case !okB:
		t.clipProblem = notATime(end)
	}
	if t.clipProblem != "" {
		return r
	}
	r.ClipWindow = &ugc.ClipWindow{Start: a, End: b}
	return r
}

func notATime(text string) string {
	return fmt.Sprintf("%s is not a time: write seconds or minutes and seconds, like 65 or 1:05.5.", words.Quote(text))
}

// blocked reports whether this video cannot be sent as it stands.
func (t *Card) blocked() bool {
	if t.clipProblem != "" {
		return true
	}
	for _, f := range t.findings {
		if f.Severity == media.Refusal && !aboutBatch(f) {
			return true
		}
	}
	return false
}

// videoRefused says whether the card is blocked by its video alone (too
// short, not a video Move reads): there is no red field to fix, so the
// footer points at the card, which says what to do.
func (t *Card) videoRefused() bool {
	if t.clipProblem != "" {
		return false
	}
	refused := false
	for _, f := range t.findings {
		if f.Severity != media.Refusal || aboutBatch(f) {
			continue
		}
		if f.Field != submit.FieldVideo {
			return false
		}
		refused = true
	}
	return refused
}

// aboutBatch tells the findings about a batch setting, which are shown at
// that setting's field once rather than on every card.
func aboutBatch(f media.Finding) bool {
	return f.Field == submit.FieldDeviceLabel
}

// aboutClip tells the findings about the clip window (shown at its fields)
// from those about the video.
func aboutClip(f media.Finding) bool {
	return f.Field == submit.FieldClip
}

// showTake writes what is known of the video onto its card.
func (p *Panel) showTake(t *Card) {
	switch {
	case !t.checked:
		t.summaryLabel.SetText("Reading the video…")
		t.summaryLabel.Show()
	case t.summary != "":
		t.summaryLabel.SetText(t.summary)
		t.summaryLabel.Show()
	default:
		t.summaryLabel.Hide() // unreadable: the red line below says so, and nothing made up
	}
	if t.Move != "" {
		t.moveLabel.SetText("With " + filepath.Base(t.Move))
		t.ChooseMove.SetText("Change .move…")
	} else {
		t.moveLabel.SetText("No .move file (optional, from the Move One app)")
		t.ChooseMove.SetText("Choose .move…")
	}
	t.videoLines.RemoveAll()
	t.clipLines.RemoveAll()
	if t.clipProblem != "" {
		t.clipLines.Add(kit.Small(t.clipProblem, widget.DangerImportance))
	}
	for _, f := range t.findings {
		if aboutBatch(f) {
			continue
		}
		importance := widget.WarningImportance
		if f.Severity == media.Refusal {
			importance = widget.DangerImportance
		}
		if aboutClip(f) {
			if f.Severity == media.Warning && t.ClipNote.Visible() {
				continue // the note above says the same, and why
			}
			t.clipLines.Add(kit.Small(f.Message, importance))
		} else {
			t.videoLines.Add(kit.Small(f.Message, importance))
		}
	}
}

// proposeWindow offers the first minute of a video longer than Move takes,
// on its own card, instead of refusing it.
func (p *Panel) proposeWindow(t *Card) {
	limit := media.DocumentedLimits.MaxSeconds
	if t.duration <= limit || t.ClipStart.Text != "" || t.ClipEnd.Text != "" {
		return
	}
	t.proposing = true
	t.ClipStart.SetText(formatClipTime(0))
	t.ClipEnd.SetText(formatClipTime(limit))
	t.proposing = false
	t.ClipNote.SetText(fmt.Sprintf("%s is %s long and Move takes up to a minute, so the clip window is set to its first %g s. Change it to the part you want.",
		words.QuoteFile(t.Video), formatClipTime(t.duration), limit))
	t.ClipNote.Show()
}
