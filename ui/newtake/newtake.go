// Package newtake is the New take panel: the videos a user drops or
// chooses, each on a card with its pre-flight report, price and its own
// settings, the settings the batch shares, and Start.
package newtake

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// Panel is the panel where a user sets up one take or a batch: the videos
// (dropped or chosen), each on a card with its pre-flight report and the
// settings that belong to it alone (job name, clip window, .move file), the
// settings the batch shares (outputs, options, device label), and Start.
type Panel struct {
	content fyne.CanvasObject

	ChooseVideo          *kit.Button
	TakeList             *fyne.Container
	Notice               *widget.Label
	Label                *kit.Entry
	Outputs              *OutputPicker
	OutputsProblem       *widget.Label // "Tick at least one output", beside the outputs
	LabelProblem         *widget.Label // what is wrong with the device label, under it
	Fingers, Floor, Ball *kit.Check
	Model                *kit.Select
	IgnoreLimits         *kit.Check
	Advanced             *widget.Accordion
	Start                *kit.Button
	// RemoveRefused takes off every card whose video Move can never take
	// (not a video, empty, unreadable; not one Ignore limits would let
	// go), shown while there is one: the others can then go.
	RemoveRefused *kit.Button
	Reason        *widget.Label // one line: the footer never grows over the form
	PriceNote     *widget.Label // what the prices assume
	Confirm       *kit.Question // the confirmation of a costly start, while it is open

	scroll     *kit.Scroll
	takes      []*Card
	generation int
	picker     kit.FilePicker
	prefs      fyne.Preferences
	onStart    func([]submit.Request)
	onMain     func(func())    // runs f on Fyne's goroutine
	win        fyne.Window     // for dialogs
	startRow   *fyne.Container // Start and its reason: laid out again when Start's text changes
	removeRow  *fyne.Container // RemoveRefused, under Start, while there is a refused video
	demo       bool            // the session is the demo: prices are Move's, but nothing is charged
}

// The mocap model choices, as the Model field shows them.
const (
	ModelDefault = "Move's choice"
	ModelS1      = "S1"
	ModelS2      = "S2"
)

// deviceLabelHint says, under the field, what the device label is for.
const deviceLabelHint = "The camera's name: your Move account keeps the video and its .move under it. Keep \"iphone\" unless you film with several phones and want to tell their takes apart."

// New builds the panel, whose dialogs show over win; onStart receives the
// takes the user starts, and onMain runs a function on Fyne's goroutine
// (the UI's onMain).
func New(picker kit.FilePicker, prefs fyne.Preferences, win fyne.Window, onStart func([]submit.Request), onMain func(func())) *Panel {
	p := &Panel{picker: picker, prefs: prefs, win: win, onStart: onStart, onMain: onMain}
	p.ChooseVideo = kit.NewButton("Choose video…", theme.FileVideoIcon(), p.onChooseVideo)
	p.TakeList = container.NewVBox()
	p.Notice = widget.NewLabel("")
	p.Notice.Wrapping = fyne.TextWrapWord
	p.Notice.Importance = widget.WarningImportance
	p.Notice.Hide() // no empty line where there is nothing to say

	p.Label = kit.NewEntry()
	p.Label.SetText(submit.DefaultDeviceLabel)
	p.Label.Validator = func(s string) error {
		if !submit.ValidDeviceLabel(strings.TrimSpace(s)) {
			return fmt.Errorf("lowercase letters, digits and single hyphens only, like \"iphone\"")
		}
		return nil
	}
	p.Label.OnChanged = func(string) { p.revalidate() }
	p.LabelProblem = kit.Small("The device label can only use lowercase letters, digits and single hyphens, like \"iphone\".", widget.DangerImportance)
	p.LabelProblem.Hide()
	p.Outputs = newOutputPicker(p.revalidate, p.reveal)
	p.OutputsProblem = kit.Small("Tick at least one output.", widget.DangerImportance)
	p.OutputsProblem.Hide()

	p.Fingers = kit.NewCheck("Track fingers", nil)
	p.Floor = kit.NewCheck("Solve the floor plane", nil)
	p.Ball = kit.NewCheck("Track a ball", nil)
	p.Model = kit.NewSelect([]string{ModelDefault, ModelS1, ModelS2}, nil)
	p.Model.SetSelected(ModelDefault)
	p.Model.OnChanged = func(string) { p.revalidate() }
	p.IgnoreLimits = kit.NewCheck("Ignore Move's documented limits (for people who know better)", func(bool) { p.revalidate() })
	p.loadLastUsed()
	p.ChooseVideo.OnFocus = p.reveal(p.ChooseVideo)
	p.Label.OnFocus = p.reveal(p.Label)
	for _, c := range []*kit.Check{p.Fingers, p.Floor, p.Ball, p.IgnoreLimits} {
		c.OnFocus = p.reveal(c)
	}
	p.Model.OnFocus = p.reveal(p.Model)
	modelNote := widget.NewLabel("S1 and S2 are Move's single-camera models (M1 and M2 need several cameras).")
	modelNote.Wrapping = fyne.TextWrapWord
	modelNote.TextStyle.Italic = true
	advanced := container.NewVBox(
		container.NewGridWithColumns(3, p.Fingers, p.Floor, p.Ball),
		container.NewBorder(nil, nil, widget.NewLabel("Mocap model"), nil, p.Model),
		modelNote,
		p.IgnoreLimits,
	)
	p.Advanced = widget.NewAccordion(widget.NewAccordionItem("Advanced", advanced))

	p.Start = kit.NewButton("Start", theme.UploadIcon(), p.onStartTapped)
	p.Start.Importance = widget.HighImportance
	p.Start.FlatWhenDisabled = true // off, it must not look like a button to press
	p.Reason = widget.NewLabel("")
	p.Reason.Truncation = fyne.TextTruncateEllipsis
	p.Reason.Importance = widget.MediumImportance // why Start is off must be easy to read
	p.PriceNote = widget.NewLabel(kit.PriceNote())
	p.PriceNote.Wrapping = fyne.TextWrapWord
	p.PriceNote.TextStyle.Italic = true
	p.PriceNote.SizeName = theme.SizeNameCaptionText

	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := container.NewVBox(
		bold("Videos"),
		container.NewHBox(p.ChooseVideo),
		p.TakeList,
		p.PriceNote,
		p.Notice,
		widget.NewSeparator(),
		bold("For every video"),
		widget.NewForm(&widget.FormItem{Text: "Device label", Widget: kit.ScrollsForm(p.Label, &p.scroll)}),
		kit.Caption(deviceLabelHint),
		p.LabelProblem,
		bold("Outputs"),
		p.Outputs.content,
		p.OutputsProblem,
		p.Advanced,
	)
	// Start and why it is off stay in sight however long the form grows;
	// the reason is one line, so the footer keeps its height.
	p.startRow = container.NewBorder(nil, nil, nil, p.Start, p.Reason)
	p.RemoveRefused = kit.NewButton("", theme.DeleteIcon(), p.removeRefused)
	p.removeRow = container.NewHBox(layout.NewSpacer(), p.RemoveRefused)
	p.removeRow.Hide() // hidden, it takes no room: the footer keeps its height
	footer := container.NewVBox(widget.NewSeparator(), container.NewPadded(container.NewVBox(p.startRow, p.removeRow)))
	p.scroll = kit.NewVScroll(container.NewPadded(form))
	p.content = container.NewBorder(nil, footer, nil, nil, p.scroll)
	p.render()
	p.revalidate()
	return p
}

// reveal is an OnFocus hook that scrolls the form to show o: Tab reaches
// widgets below the fold.
func (p *Panel) reveal(o fyne.CanvasObject) func() {
	return func() { kit.Reveal(p.scroll, o) }
}

// Len is how many videos the form holds.
func (p *Panel) Len() int { return len(p.takes) }

// Card is the form's i-th video.
func (p *Panel) Card(i int) *Card { return p.takes[i] }

// Content is the panel, to place in a window.
func (p *Panel) Content() fyne.CanvasObject { return p.content }

// Drop takes files dropped on the window (or chosen): videos become takes,
// a .move pairs with its video, anything else is refused by name.
func (p *Panel) Drop(paths []string) {
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
		if i := slices.IndexFunc(p.takes, func(x *Card) bool { return x.Video == t.Video }); i >= 0 {
			if p.takes[i].Move == "" && t.Move != "" {
				p.takes[i].Move = t.Move
				p.takes[i].checked = false
				p.showTake(p.takes[i])
			}
			continue
		}
		p.takes = append(p.takes, p.newCard(t))
	}
	for _, o := range orphans {
		notes = append(notes, fmt.Sprintf("%s has no video with the same name; use Choose .move… on its video's card, or drop both together.", words.QuoteFile(o)))
	}
	for _, r := range refused {
		notes = append(notes, fmt.Sprintf("%s is not a video (MP4, MOV, AVI) or a .move file, so it was left out.", words.QuoteFile(r)))
	}
	p.setNotice(strings.Join(notes, "\n"))
	p.render()
	p.revalidate()
}

// removeRefused takes off the cards of videos Move cannot take (not a
// video, empty, too short…): with three refused beside a good one, each had
// to be found and removed before Start would go.
func (p *Panel) removeRefused() {
	p.takes = slices.DeleteFunc(p.takes, func(t *Card) bool { return t.forGood })
	p.render()
	p.revalidate()
}

func (p *Panel) remove(t *Card) {
	p.takes = slices.DeleteFunc(p.takes, func(x *Card) bool { return x == t })
	p.render()
	p.revalidate()
}

// batch is the settings every video of the batch shares; read on the UI
// goroutine.
func (p *Panel) batch() submit.Request {
	base := submit.Request{DeviceLabel: strings.TrimSpace(p.Label.Text), Outputs: p.Outputs.Chosen(), IgnoreLimits: p.IgnoreLimits.Checked}
	opts := ugc.Options{}
	for _, c := range []struct {
		check *kit.Check
		field **bool
	}{{p.Fingers, &opts.TrackFingers}, {p.Floor, &opts.FloorPlane}, {p.Ball, &opts.TrackBall}} {
		if c.check.Checked {
			yes := true
			*c.field = &yes
		}
	}
	if p.Model.Selected == ModelS1 || p.Model.Selected == ModelS2 {
		opts.MocapModel = ugc.MocapModel(p.Model.Selected)
	}
	if opts != (ugc.Options{}) {
		base.Options = &opts
	}
	return base
}

// requests builds one request per take from the form, and lists what stops
// the batch as a whole (a video's own problems stay on its card); read on
// the UI goroutine.
func (p *Panel) requests() ([]submit.Request, []string) {
	base := p.batch()
	var problems []string
	if len(base.Outputs) == 0 {
		problems = append(problems, "Tick at least one output.")
	}
	var reqs []submit.Request
	clipProblems := 0
	for _, t := range p.takes {
		reqs = append(reqs, t.request(base))
		if t.clipProblem != "" {
			clipProblems++
		}
	}
	if clipProblems > 0 {
		problems = append(problems, "A clip window cannot be read: see its video's card.")
	}
	return reqs, problems
}

// revalidate checks the form off the UI goroutine (the checks read the
// videos' headers) and shows what it found; results of an older round are
// dropped.
func (p *Panel) revalidate() {
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
	// forGood: Move can never take the video (not a video, empty,
	// unreadable), whatever the settings; Ignore limits lifts the rest.
	forGood bool
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
	warnings, err := submit.CheckFields(r)
	for _, w := range warnings {
		res.findings = append(res.findings, media.Finding{Severity: media.Warning, Message: w.Message, Field: w.Field})
	}
	var ce *submit.CheckError
	if errors.As(err, &ce) {
		for _, pr := range ce.Problems {
			res.findings = append(res.findings, media.Finding{Severity: media.Refusal, Message: pr.Message, Field: pr.Field})
			res.forGood = res.forGood || (pr.Field == submit.FieldVideo && !pr.Limit)
		}
	}
	return res
}

func (p *Panel) apply(takes []*Card, results []checkResult, formProblems []string) {
	for i, t := range takes {
		first := !t.checked
		if results[i].facts {
			t.summary, t.duration = results[i].summary, results[i].duration
			t.video, t.priced = results[i].video, results[i].priced
		}
		t.findings, t.checked, t.forGood = results[i].findings, true, results[i].forGood
		p.showTake(t)
		if first {
			p.proposeWindow(t) // edits the fields, so a new round of checks follows
		}
	}
	p.updatePrices()
	p.OutputsProblem.Hidden = len(p.Outputs.Chosen()) > 0
	p.OutputsProblem.Refresh()
	p.scroll.Refresh() // the cards' lines changed: lay the form out again
	blocked, unfixable := 0, 0
	for _, t := range p.takes {
		if t.blocked() {
			blocked++
			if t.videoRefused() {
				unfixable++
			}
		}
	}
	forGood := 0
	for _, t := range p.takes {
		if t.forGood {
			forGood++
		}
	}
	switch {
	case forGood == 1:
		p.RemoveRefused.SetText("Remove the one Move can never take")
	case forGood > 1:
		p.RemoveRefused.SetText(fmt.Sprintf("Remove the %d Move can never take", forGood))
	}
	if show := forGood > 0; show != p.removeRow.Visible() {
		p.removeRow.Hidden = !show
		p.content.Refresh() // the footer grew or shrank by the row
	}
	var reasons []string
	switch {
	case len(p.takes) == 0:
		reasons = append(reasons, "Drop a video on the window, or choose one.")
	case blocked > 0:
		reasons = append(reasons, blockedReason(blocked, unfixable, len(p.takes)))
	}
	for _, f := range formProblems {
		if !slices.Contains(reasons, f) && (blocked == 0 || !strings.HasPrefix(f, "A clip window")) {
			reasons = append(reasons, f)
		}
	}
	badLabel := p.Label.Validate() != nil
	p.LabelProblem.Hidden = !badLabel
	p.LabelProblem.Refresh()
	if badLabel {
		reasons = append(reasons, "The device label needs fixing: see under it.")
	}
	if len(reasons) > 0 {
		p.Start.Disable()
		p.Reason.SetText(strings.Join(reasons, " "))
		return
	}
	p.Start.Enable()
	if len(p.takes) == 1 {
		p.Reason.SetText("Ready: one video.")
	} else {
		p.Reason.SetText(fmt.Sprintf("Ready: %d videos, one job each.", len(p.takes)))
	}
}

// setNotice shows a note about the files dropped or chosen, or hides the
// line when there is none.
func (p *Panel) setNotice(text string) {
	p.Notice.Text = text
	p.Notice.Hidden = text == ""
	p.Notice.Refresh()
}

// render lays out the take cards (each made once) for the videos in the
// form.
func (p *Panel) render() {
	p.TakeList.RemoveAll()
	if len(p.takes) == 0 {
		hint := widget.NewLabelWithStyle("Drop videos (MP4, MOV, AVI) and their .move files anywhere on this window.",
			fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
		hint.Wrapping = fyne.TextWrapWord
		p.TakeList.Add(hint)
	}
	for _, t := range p.takes {
		p.TakeList.Add(t.card)
	}
	if p.Start != nil {
		p.updatePrices()
	}
	if p.scroll != nil {
		p.scroll.Refresh() // the cards changed: lay the form out again
	}
}

func (p *Panel) onStartTapped() {
	reqs, problems := p.requests()
	if len(reqs) == 0 || len(problems) > 0 {
		return
	}
	if above := p.ConfirmAbove(); above >= 0 {
		if total := p.batchTotal(reqs); total.High > int64(above) {
			p.confirmCost(total, above, func() { p.startNow(reqs) })
			return
		}
	}
	p.startNow(reqs)
}

// startNow empties the form for the next take, keeps the batch settings as
// the last used, and hands the requests on.
func (p *Panel) startNow(reqs []submit.Request) {
	p.saveLastUsed()
	p.takes = nil
	p.setNotice("")
	p.render()
	p.scroll.ScrollToTop()
	p.revalidate()
	// Start goes off with the takes gone; Fyne would hand the focus on to
	// Choose video…, where a second Space opened a file dialog. Nothing
	// keeps it: the next key starts afresh.
	if p.win != nil {
		p.win.Canvas().Unfocus()
	}
	p.onStart(reqs)
}

func (p *Panel) onChooseVideo() {
	dir := p.prefs.String(kit.PrefLastFolder)
	if dir == "" {
		dir, _ = os.UserHomeDir() // not GTK's empty "Recent"
	}
	p.pick("Choose a video", "Videos", []string{"mp4", "mov", "MP4", "MOV", "avi", "AVI"}, dir, p.Drop)
}

// chooseMoveFor picks the .move file of one video.
func (p *Panel) chooseMoveFor(t *Card) {
	// A .move is made beside its video: the dialog opens there.
	p.pick("Choose the .move file for "+filepath.Base(t.Video), "Move One sensor files", []string{"move"}, filepath.Dir(t.Video), func(paths []string) {
		if !slices.Contains(p.takes, t) {
			return // removed while the dialog was open
		}
		t.Move = paths[0]
		t.checked = false
		p.showTake(t)
		p.revalidate()
	})
}

// pick opens a native file dialog in dir off the UI goroutine (it blocks)
// and hands on what was chosen; the folder is remembered for next time.
func (p *Panel) pick(title, kind string, extensions []string, dir string, chosen func([]string)) {
	if p.picker == nil {
		return
	}
	go func() {
		path, err := p.picker.Open(title, kind, extensions, dir)
		p.onMain(func() {
			if err != nil {
				if err != kit.ErrCancelled {
					p.setNotice("The file dialog could not open: " + err.Error())
				}
				return
			}
			p.prefs.SetString(kit.PrefLastFolder, filepath.Dir(path))
			chosen([]string{path})
		})
	}()
}

// blockedReason tells why Start is off when blocked of total videos have a
// problem, unfixable of them in the video itself: no red line to fix there,
// but its card says what to do (remove it, choose a clip window of a long
// one, or ignore Move's limits). It is short: the footer shows one line, and a reason cut
// off before it says where to look is no reason.
func blockedReason(blocked, unfixable, total int) string {
	switch {
	case unfixable == blocked && total == 1:
		return "Move cannot take it: see the card."
	case unfixable == blocked && blocked == 1:
		return "1 video cannot go: see its card."
	case unfixable == blocked:
		return fmt.Sprintf("%d videos cannot go: see their cards.", blocked)
	case blocked == 1 && total == 1:
		return "Fix the red lines on the card."
	case blocked == 1:
		return "Fix the red lines on one card."
	}
	return fmt.Sprintf("Fix the red lines on %d cards.", blocked)
}
