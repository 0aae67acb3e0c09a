package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/media"
	"singlecam/core/price"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/core/words"
)

// NewTake is the panel where a user sets up one take or a batch: the videos
// (dropped or chosen) with their pre-flight reports, the settings they
// share, and Start.
type NewTake struct {
	content fyne.CanvasObject

	ChooseVideo, ChooseMove *widget.Button
	TakeList                *fyne.Container
	Notice                  *widget.Label
	Label, Name             *widget.Entry
	Outputs                 *OutputPicker
	Fingers, Floor, Ball    *widget.Check
	Model                   *widget.Select
	ClipStart, ClipEnd      *widget.Entry
	IgnoreLimits            *widget.Check
	Advanced                *widget.Accordion
	Start                   *widget.Button
	Reason                  *widget.Label
	PriceNote               *widget.Label // what the prices assume
	Confirm                 dialog.Dialog // the confirmation of a costly start, while it is open

	scroll     *container.Scroll
	takes      []*takeItem
	generation int
	picker     FilePicker
	prefs      fyne.Preferences
	onStart    func([]submit.Request)
	onMain     func(func())    // runs f on Fyne's goroutine
	win        fyne.Window     // for dialogs
	startRow   *fyne.Container // Start and its reason: laid out again when Start's text changes
}

// takeItem is one video in the form and what the checks said of it.
type takeItem struct {
	media.Take
	summary  string
	duration float64
	findings []media.Finding // warnings and problems, from the last check
	checked  bool

	video      price.Video   // what the price depends on
	priced     bool          // video was read
	priceLabel *widget.Label // the card's price line
}

// Model choices, as shown.
const (
	modelDefault = "Move's choice"
	modelS1      = "S1"
	modelS2      = "S2"
)

// newNewTake builds the panel; onMain runs a function on Fyne's goroutine
// (the UI's onMain).
func newNewTake(picker FilePicker, prefs fyne.Preferences, onStart func([]submit.Request), onMain func(func())) *NewTake {
	p := &NewTake{picker: picker, prefs: prefs, onStart: onStart, onMain: onMain}
	p.ChooseVideo = &widget.Button{Text: "Choose video…", Icon: theme.FileVideoIcon(), OnTapped: p.onChooseVideo}
	p.ChooseMove = &widget.Button{Text: "Choose .move…", Icon: theme.FileIcon(), OnTapped: p.onChooseMove}
	p.TakeList = container.NewVBox()
	p.Notice = widget.NewLabel("")
	p.Notice.Wrapping = fyne.TextWrapWord
	p.Notice.Importance = widget.WarningImportance

	p.Label = widget.NewEntry()
	p.Label.SetText(submit.DefaultDeviceLabel)
	p.Label.Validator = func(s string) error {
		if !submit.ValidDeviceLabel(strings.TrimSpace(s)) {
			return fmt.Errorf("lowercase letters, digits and hyphens only")
		}
		return nil
	}
	p.Label.OnChanged = func(string) { p.revalidate() }
	p.Name = widget.NewEntry()
	p.Name.SetPlaceHolder("The video's file name")
	p.Name.OnChanged = func(string) { p.revalidate() }
	p.Outputs = newOutputPicker(p.revalidate)

	p.Fingers = widget.NewCheck("Track fingers", nil)
	p.Floor = widget.NewCheck("Solve the floor plane", nil)
	p.Ball = widget.NewCheck("Track a ball", nil)
	p.Model = widget.NewSelect([]string{modelDefault, modelS1, modelS2}, nil)
	p.Model.SetSelected(modelDefault)
	p.Model.OnChanged = func(string) { p.revalidate() }
	p.ClipStart, p.ClipEnd = widget.NewEntry(), widget.NewEntry()
	p.ClipStart.SetPlaceHolder("start, s")
	p.ClipEnd.SetPlaceHolder("end, s")
	p.ClipStart.OnChanged = func(string) { p.revalidate() }
	p.ClipEnd.OnChanged = func(string) { p.revalidate() }
	p.IgnoreLimits = widget.NewCheck("Ignore Move's documented limits (for people who know better)", func(bool) { p.revalidate() })
	modelNote := widget.NewLabel("S1 and S2 are Move's single-camera models (M1 and M2 need several cameras).")
	modelNote.Wrapping = fyne.TextWrapWord
	modelNote.TextStyle.Italic = true
	advanced := container.NewVBox(
		container.NewGridWithColumns(3, p.Fingers, p.Floor, p.Ball),
		container.NewBorder(nil, nil, widget.NewLabel("Mocap model"), nil, p.Model),
		modelNote,
		container.NewBorder(nil, nil, widget.NewLabel("Clip window (seconds)"), nil,
			container.NewGridWithColumns(2, container.NewBorder(nil, nil, nil, widget.NewLabel("to"), p.ClipStart), p.ClipEnd)),
		p.IgnoreLimits,
	)
	p.Advanced = widget.NewAccordion(widget.NewAccordionItem("Advanced", advanced))

	p.Start = &widget.Button{Text: "Start", Icon: theme.UploadIcon(), Importance: widget.HighImportance, OnTapped: p.onStartTapped}
	p.Reason = widget.NewLabel("")
	p.Reason.Wrapping = fyne.TextWrapWord
	p.Reason.Importance = widget.MediumImportance // why Start is off must be easy to read
	p.PriceNote = widget.NewLabel(priceNote())
	p.PriceNote.Wrapping = fyne.TextWrapWord
	p.PriceNote.TextStyle.Italic = true
	p.PriceNote.SizeName = theme.SizeNameCaptionText

	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := container.NewVBox(
		bold("Videos"),
		container.NewHBox(p.ChooseVideo, p.ChooseMove),
		p.TakeList,
		p.PriceNote,
		p.Notice,
		widget.NewSeparator(),
		widget.NewForm(
			widget.NewFormItem("Device label", p.Label),
			widget.NewFormItem("Job name", p.Name),
		),
		bold("Outputs"),
		p.Outputs.content,
		p.Advanced,
	)
	// Start and why it is off stay in sight however long the form grows.
	p.startRow = container.NewBorder(nil, nil, nil, p.Start, p.Reason)
	footer := container.NewVBox(widget.NewSeparator(), container.NewPadded(p.startRow))
	p.scroll = container.NewVScroll(container.NewPadded(form))
	p.content = container.NewBorder(nil, footer, nil, nil, p.scroll)
	p.render()
	p.revalidate()
	return p
}

// Drop takes files dropped on the window (or chosen): videos become takes,
// a .move pairs with its video, anything else is refused by name.
func (p *NewTake) Drop(paths []string) {
	var videos []string
	for _, t := range p.takes {
		videos = append(videos, t.Video)
	}
	var fresh []string
	for _, path := range paths {
		if !slices.Contains(videos, path) {
			fresh = append(fresh, path)
		}
	}
	// Pair against the videos already in the form too, so a .move dropped
	// after its video finds it.
	takes, orphans, refused := media.Pair(append(slices.Clone(videos), fresh...))
	var notes []string
	for _, t := range takes {
		if i := slices.IndexFunc(p.takes, func(x *takeItem) bool { return x.Video == t.Video }); i >= 0 {
			if p.takes[i].Move == "" && t.Move != "" {
				p.takes[i].Move = t.Move
			}
			continue
		}
		p.takes = append(p.takes, &takeItem{Take: t})
	}
	for _, o := range orphans {
		notes = append(notes, fmt.Sprintf("%s has no video with the same name; choose the video first, or drop both together.", words.QuoteFile(o)))
	}
	for _, r := range refused {
		notes = append(notes, fmt.Sprintf("%s is not a video (MP4, MOV) or a .move file, so it was left out.", words.QuoteFile(r)))
	}
	p.Notice.SetText(strings.Join(notes, "\n"))
	p.render()
	p.revalidate()
}

func (p *NewTake) remove(t *takeItem) {
	p.takes = slices.DeleteFunc(p.takes, func(x *takeItem) bool { return x == t })
	p.render()
	p.revalidate()
}

// requests builds one request per take from the form; read on the UI
// goroutine.
func (p *NewTake) requests() ([]submit.Request, []string) {
	var formProblems []string
	base := submit.Request{DeviceLabel: strings.TrimSpace(p.Label.Text), Outputs: p.Outputs.Chosen(), IgnoreLimits: p.IgnoreLimits.Checked}
	if len(base.Outputs) == 0 {
		formProblems = append(formProblems, "Tick at least one output.")
	}
	opts := ugc.Options{}
	for _, c := range []struct {
		check *widget.Check
		field **bool
	}{{p.Fingers, &opts.TrackFingers}, {p.Floor, &opts.FloorPlane}, {p.Ball, &opts.TrackBall}} {
		if c.check.Checked {
			yes := true
			*c.field = &yes
		}
	}
	if p.Model.Selected == modelS1 || p.Model.Selected == modelS2 {
		opts.MocapModel = ugc.MocapModel(p.Model.Selected)
	}
	if opts != (ugc.Options{}) {
		base.Options = &opts
	}
	start, end := strings.TrimSpace(p.ClipStart.Text), strings.TrimSpace(p.ClipEnd.Text)
	if start != "" || end != "" {
		a, errA := strconv.ParseFloat(start, 64)
		b, errB := strconv.ParseFloat(end, 64)
		if errA != nil || errB != nil {
			formProblems = append(formProblems, "The clip window needs a start and an end, in seconds (for example 2.5 and 30).")
		} else {
			base.ClipWindow = &ugc.ClipWindow{Start: a, End: b}
		}
	}
	var reqs []submit.Request
	for _, t := range p.takes {
		r := base
		r.VideoPath, r.MovePath = t.Video, t.Move
		if len(p.takes) == 1 {
			r.Name = strings.TrimSpace(p.Name.Text)
		}
		reqs = append(reqs, r)
	}
	return reqs, formProblems
}

// revalidate checks the form off the UI goroutine (the checks read the
// videos' headers) and shows what it found; results of an older round are
// dropped.
func (p *NewTake) revalidate() {
	if p.Start == nil { // still being built
		return
	}
	p.generation++
	generation := p.generation
	// Until the checks answer, Start must not act on what they said before.
	p.Start.Disable()
	p.Reason.SetText("Checking…")
	p.updatePrices()
	reqs, formProblems := p.requests()
	takes := slices.Clone(p.takes)
	known := make([]bool, len(takes))
	for i, t := range takes {
		known[i] = t.checked
	}
	go func() {
		results := make([]checkResult, len(reqs))
		for i, r := range reqs {
			results[i] = checkTake(r, known[i])
		}
		p.onMain(func() {
			if generation != p.generation {
				return
			}
			p.apply(takes, results, formProblems)
		})
	}()
}

type checkResult struct {
	facts    bool // summary and duration were read this round
	summary  string
	duration float64
	video    price.Video // for the price; priced when it could be read
	priced   bool
	findings []media.Finding
}

// checkTake runs the submission's own checks on one take; the video's facts
// (its summary line and duration) are read only the first time, since they
// do not change with the form's settings.
func checkTake(r submit.Request, factsKnown bool) checkResult {
	res := checkResult{facts: !factsKnown}
	if res.facts {
		if report, err := media.Probe(r.VideoPath, media.Options{}); err == nil && report.Container != "" {
			res.duration, res.summary = report.Duration.Seconds(), media.Summary(report)
			res.video, res.priced = price.FromReport(report), report.Duration > 0
		}
	}
	warnings, err := submit.Check(r)
	for _, w := range warnings {
		res.findings = append(res.findings, media.Finding{Severity: media.Warning, Message: w})
	}
	if ce, ok := err.(*submit.CheckError); ok {
		for _, pr := range ce.Problems {
			res.findings = append(res.findings, media.Finding{Severity: media.Refusal, Message: pr.Message})
		}
	}
	return res
}

func (p *NewTake) apply(takes []*takeItem, results []checkResult, formProblems []string) {
	for i, t := range takes {
		first := !t.checked
		if results[i].facts {
			t.summary, t.duration = results[i].summary, results[i].duration
			t.video, t.priced = results[i].video, results[i].priced
		}
		t.findings, t.checked = results[i].findings, true
		if first {
			p.proposeWindow(t)
		}
	}
	p.render()
	var reasons []string
	blocked := 0
	for _, t := range p.takes {
		for _, f := range t.findings {
			if f.Severity == media.Refusal {
				blocked++
				break
			}
		}
	}
	switch {
	case len(p.takes) == 0:
		reasons = append(reasons, "Drop a video on the window, or choose one.")
	case blocked == 1:
		reasons = append(reasons, "One video cannot be sent yet: see the red lines above.")
	case blocked > 1:
		reasons = append(reasons, fmt.Sprintf("%d videos cannot be sent yet: see the red lines above.", blocked))
	}
	reasons = append(reasons, formProblems...)
	if p.Label.Validate() != nil {
		reasons = append(reasons, "The device label can only use lowercase letters, digits and hyphens, like \"iphone\".")
	}
	if len(reasons) > 0 {
		p.Start.Disable()
		p.Reason.SetText(strings.Join(reasons, "\n"))
		return
	}
	p.Start.Enable()
	if len(p.takes) == 1 {
		p.Reason.SetText("Ready: one video.")
	} else {
		p.Reason.SetText(fmt.Sprintf("Ready: %d videos, one job each, with these settings.", len(p.takes)))
	}
}

// proposeWindow offers the first minute of a video longer than Move takes,
// instead of refusing it.
func (p *NewTake) proposeWindow(t *takeItem) {
	limit := media.DocumentedLimits.MaxSeconds
	if t.duration <= limit || p.ClipStart.Text != "" || p.ClipEnd.Text != "" {
		return
	}
	p.ClipStart.SetText("0")
	p.ClipEnd.SetText(strconv.FormatFloat(limit, 'f', -1, 64))
	p.Advanced.Open(0)
	// Show what changed. The opened section is laid out on the next frame,
	// so scroll after it rather than now.
	go func() {
		time.Sleep(100 * time.Millisecond)
		p.onMain(p.scroll.ScrollToBottom)
	}()
	p.Notice.SetText(fmt.Sprintf("%s is %.0f s long and Move takes up to a minute, so the clip window is set to its first %g s. Change it under Advanced.",
		words.QuoteFile(t.Video), t.duration, limit))
}

// render redraws the take cards and the name field from the model.
func (p *NewTake) render() {
	p.TakeList.RemoveAll()
	if len(p.takes) == 0 {
		hint := widget.NewLabelWithStyle("Drop videos (MP4, MOV) and their .move files anywhere on this window.",
			fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
		hint.Wrapping = fyne.TextWrapWord
		p.TakeList.Add(hint)
	}
	for _, t := range p.takes {
		p.TakeList.Add(p.card(t))
	}
	if p.Start != nil {
		p.updatePrices()
	}
	if p.scroll != nil {
		p.scroll.Refresh() // the cards changed height: lay the form out again
	}
	if len(p.takes) > 1 {
		p.Name.SetText("")
		p.Name.SetPlaceHolder("Each job is named after its video")
		p.Name.Disable()
	} else {
		p.Name.SetPlaceHolder("The video's file name")
		p.Name.Enable()
	}
}

func (p *NewTake) card(t *takeItem) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(filepath.Base(t.Video), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { p.remove(t) }}
	move := "No .move file (optional: it comes from the Move One app)"
	if t.Move != "" {
		move = "With " + filepath.Base(t.Move)
	}
	lines := container.NewVBox(container.NewBorder(nil, nil, nil, remove, title))
	summary := t.summary
	if !t.checked {
		summary = "Reading the video…"
	}
	if summary != "" {
		lines.Add(small(summary, widget.MediumImportance))
	}
	t.priceLabel = small("", widget.MediumImportance)
	t.priceLabel.Hide()
	lines.Add(t.priceLabel)
	lines.Add(small(move, widget.MediumImportance))
	for _, f := range t.findings {
		importance := widget.WarningImportance
		if f.Severity == media.Refusal {
			importance = widget.DangerImportance
		}
		lines.Add(small(f.Message, importance))
	}
	return widget.NewCard("", "", lines)
}

func small(text string, importance widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = importance
	return l
}

func (p *NewTake) onStartTapped() {
	reqs, problems := p.requests()
	if len(reqs) == 0 || len(problems) > 0 {
		return
	}
	if above := p.confirmAbove(); above >= 0 {
		if total := p.batchTotal(reqs); total.High > int64(above) {
			p.confirmCost(total, above, func() { p.startNow(reqs) })
			return
		}
	}
	p.startNow(reqs)
}

// startNow clears the form and hands the requests on.
func (p *NewTake) startNow(reqs []submit.Request) {
	p.takes = nil
	p.Notice.SetText("")
	p.render()
	p.revalidate()
	p.onStart(reqs)
}

func (p *NewTake) onChooseVideo() {
	p.pick("Choose a video", "Videos", []string{"mp4", "mov", "MP4", "MOV", "avi", "AVI"})
}

func (p *NewTake) onChooseMove() {
	p.pick("Choose the .move file", "Move One sensor files", []string{"move"})
}

// pick opens a native file dialog off the UI goroutine (it blocks) and adds
// what was chosen; the folder is remembered for next time.
func (p *NewTake) pick(title, kind string, extensions []string) {
	if p.picker == nil {
		return
	}
	dir := p.prefs.String(prefLastFolder)
	go func() {
		path, err := p.picker.Open(title, kind, extensions, dir)
		p.onMain(func() {
			if err != nil {
				if err != ErrCancelled {
					p.Notice.SetText("The file dialog could not open: " + err.Error())
				}
				return
			}
			p.prefs.SetString(prefLastFolder, filepath.Dir(path))
			p.Drop([]string{path})
		})
	}()
}
