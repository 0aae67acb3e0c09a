// Package jobs is the jobs list and a job's details: everything the user
// has at Move, newest first, live, with what can be done with each.
package jobs

import (
	"context"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/outputs"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/ui/kit"
)

// PageSize is how many of the account's jobs one page brings: the most the API gives.
const PageSize = 100

// View is the jobs list: everything the user has, newest first, live.
type View struct {
	content fyne.CanvasObject
	List    *kit.List
	Details *fyne.Container
	Empty   *widget.Label
	Month   *widget.Label // this month's estimated total of this computer's jobs
	// MonthNote, under Month, says what the total counts that the list
	// does not show, and what it leaves out; hidden when nothing.
	MonthNote *widget.Label

	split *container.Split // the list above the details
	// fitted is the divider's place as fitSplit last set it; once the user
	// drags it elsewhere, it stays where they put it.
	fitted    float64
	rowHeight float32

	model    *joblist.List
	thumbs   map[string]fyne.Resource // by job id: presigned URLs change, jobs do not
	fetching map[string]bool
	selected string // the selected row's key: the one selection
	shown    int    // the row the list highlights, -1 for none
	next     string // the account's next page, "" when all are loaded
	loading  bool
	loaded   bool // the first page has come
	ticking  bool
	// Asking is the confirmation on screen (Cancel, Submit again, Remove).
	Asking *kit.Question
	// AgainSure is the tick that makes paying once more for a video already
	// sent again a deliberate choice, while that question is open.
	AgainSure *widget.Check
	// Renaming is the Rename dialog's name field, once it was opened.
	Renaming *kit.Entry
	now      func() time.Time // the clock of "5 min ago"; a field for tests
	// first is the selected job's first button as last shown, and
	// settleUntil when the buttons may be used again after it changed
	// meaning (see settleActions).
	first       struct{ row, label string }
	settleUntil time.Time
	host        Host
}

// Host is what the list needs of the window around it. Its fields are
// functions, so the window can change what they reach (a new session) and
// tests can stand in for them.
type Host struct {
	App    fyne.App     // the clipboard
	Win    fyne.Window  // the window dialogs show over
	OnMain func(func()) // runs f on Fyne's goroutine
	Say    func(msg string)
	// Engine is the session's engine, nil between sessions; another one
	// means another session, whose answers the list must not mix in.
	Engine   func() *engine.Engine
	Demo     func() bool // whether the session is the demo: nothing is billed
	OpenPath func(path, intro string)
	// OpenMotion plays the motion file at path in a window titled title;
	// name is its job's, which what the window writes is named after.
	OpenMotion       func(path, title, name string)
	ApplyToCharacter func(path, motionName string)
	ExportMotion     func(paths []string, base string)
	// Renamed tells the windows that hold a job's file that the job was
	// renamed from one name to another, and what that did on disk; may be nil.
	Renamed func(disk outputs.Renamed, from, to string)
}

// agoRefresh is how often relative times ("5 min ago") are redrawn.
const agoRefresh = 30 * time.Second

// NoSelection is what the details pane says with no job selected.
const NoSelection = "Select a job to see its files."

// New builds the list, empty until Start.
func New(host Host) *View {
	v := &View{host: host, model: joblist.New(nil), Details: container.NewVBox(), shown: -1, now: time.Now,
		thumbs: map[string]fyne.Resource{}, fetching: map[string]bool{}}
	v.Empty = widget.NewLabel("Takes you start appear here, from upload to downloaded files.")
	v.Empty.Wrapping = fyne.TextWrapWord
	v.Empty.TextStyle.Italic = true
	v.Month = widget.NewLabel("")
	v.Month.Truncation = fyne.TextTruncateEllipsis // never widens the window
	v.Month.Alignment = fyne.TextAlignTrailing
	v.Month.SizeName = theme.SizeNameCaptionText
	v.MonthNote = widget.NewLabel("")
	v.MonthNote.Wrapping = fyne.TextWrapWord // whole sentences, on two lines if need be
	v.MonthNote.SizeName = theme.SizeNameCaptionText
	v.MonthNote.Hide()
	v.List = kit.NewList(v.model.Len, newJobRow, v.updateRow) // its focus shows
	v.List.OnSelected = func(id widget.ListItemID) {
		v.shown = id
		if id < v.model.Len() {
			v.selected = v.model.At(id).Key()
		}
		v.ShowDetails()
	}
	v.List.OnUnselected = func(id widget.ListItemID) {
		if v.shown == id {
			v.shown = -1
		}
	}
	v.ShowDetails()
	v.split = container.NewVSplit(container.NewStack(v.Empty, v.List), kit.NewVScroll(container.NewPadded(v.Details)))
	v.split.Offset = maxListShare
	v.fitted = v.split.Offset
	v.rowHeight = newJobRow().MinSize().Height + theme.Padding()
	v.content = v.split
	return v
}

// Loaded says whether the account's first page of jobs has come.
func (v *View) Loaded() bool { return v.loaded }

// Highlighted is the row the list highlights, -1 for none: the selected
// job's, whatever rows were added above it.
func (v *View) Highlighted() int { return v.shown }

// Model is the list's rows, for the window's notifications (a job's name)
// and for tests.
func (v *View) Model() *joblist.List { return v.model }

// Content is the list above the selected job's details, to place in a
// window.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reset empties the list for a new session.
func (v *View) Reset() {
	v.model, v.selected, v.next, v.loading, v.loaded = joblist.New(v.now), "", "", false, false
	v.List.UnselectAll()
	v.thumbs, v.fetching = map[string]fyne.Resource{}, map[string]bool{}
	v.List.Length = v.model.Len
	v.refresh()
}

// jobRow is one row of the list: a widget, so Fyne draws what it holds.
type jobRow struct {
	widget.BaseWidget
	box      *fyne.Container
	name     *widget.Label
	detail   *fitLabel     // when, and the state: whole, in a shorter form if need be
	price    *widget.Label // the job's estimated cost, beside the detail
	thumb    *canvas.Image
	dot      *canvas.Circle // the phase's colour
	state    *canvas.Text   // the phase in a word: "Processing"
	progress *widget.ProgressBar
}

func newJobRow() fyne.CanvasObject {
	r := &jobRow{
		name:     widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		detail:   newFitLabel(),
		price:    widget.NewLabel(""),
		dot:      canvas.NewCircle(color.Transparent),
		state:    canvas.NewText("", color.White),
		progress: widget.NewProgressBar(),
		thumb:    canvas.NewImageFromResource(placeholderThumb()),
	}
	r.thumb.FillMode = canvas.ImageFillContain
	r.thumb.SetMinSize(fyne.NewSize(80, 45))
	r.name.Truncation = fyne.TextTruncateEllipsis
	// The phase reads as a state, not a button: a coloured dot and a
	// word in the text colour, no filled box in capitals (tester finding
	// 15: "PROCESSING" looked like something to press).
	r.state.TextSize = theme.CaptionTextSize()
	r.dot.Resize(fyne.NewSquareSize(statusDot))
	width := fyne.MeasureText("Downloading", r.state.TextSize, fyne.TextStyle{}).Width + statusDot + 3*theme.Padding()
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(width, 24)) // one width for every state: rows line up
	chip := container.NewStack(spacer, container.New(statusLayout{}, r.dot, r.state))
	// The name has the line to itself but for the chip: at 900 px a row is
	// about 360 px wide, and "when" beside it left names three letters.
	// The price sits beside the name too, so the state's sentence has the
	// whole width under them ("2 min ago · Saved: 8 files, ready to open"
	// was cut at 900 px with the price beside it).
	top := container.New(nameFirst{}, r.name, r.price, chip)
	r.box = container.NewBorder(nil, nil, container.NewPadded(r.thumb), nil, container.NewVBox(top, r.progress, r.detail))
	r.ExtendBaseWidget(r)
	return r
}

func (r *jobRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// phaseColors give each phase's dot its colour.
var phaseColors = map[joblist.Phase]fyne.ThemeColorName{
	joblist.Uploading: theme.ColorNamePrimary, joblist.Submitting: theme.ColorNamePrimary, joblist.Waiting: theme.ColorNameWarning,
	joblist.Queued: theme.ColorNameDisabled, joblist.Processing: theme.ColorNamePrimary,
	joblist.Finished: theme.ColorNameSuccess, joblist.Downloading: theme.ColorNameSuccess,
	joblist.Downloaded: theme.ColorNameSuccess, joblist.Failed: theme.ColorNameError,
	joblist.Unknown: theme.ColorNameDisabled,
}

// firstSentence is s up to its first full stop: a row has one line, and
// "Failed: Move could not process this video." fits it where the advice
// after it did not (the details pane says all of it).
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// statusDot is the phase dot's diameter.
const statusDot = 10

// nameFirst lays out a row's first line: the name, then the price, then
// the state's chip at the right end. The name comes first: where the line
// is too narrow for the whole name and the price (a 900 px window read
// "Wal…" for "Walk 1"), the price gives way (the details pane says it);
// only a name too long for the line without it is cut.
type nameFirst struct{}

func (nameFirst) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	name, price, chip := objs[0].(*widget.Label), objs[1], objs[2]
	c, p := chip.MinSize(), price.MinSize()
	pad := theme.Padding()
	whole := fyne.MeasureText(name.Text, theme.TextSize(), name.TextStyle).Width + 2*theme.InnerPadding()
	room := size.Width - c.Width - pad
	showPrice := price.Visible() && whole+p.Width+pad <= room
	if !showPrice {
		p.Width = -pad // no gap where the price would be
	}
	chip.Move(fyne.NewPos(size.Width-c.Width, (size.Height-c.Height)/2))
	chip.Resize(c)
	price.Move(fyne.NewPos(size.Width-c.Width-pad-p.Width, (size.Height-p.Height)/2))
	if showPrice {
		price.Resize(p)
	} else {
		price.Resize(fyne.Size{})
	}
	name.Move(fyne.Position{})
	name.Resize(fyne.NewSize(max(0, room-p.Width-pad), size.Height))
}

func (nameFirst) MinSize(objs []fyne.CanvasObject) fyne.Size {
	n, p, c := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	return fyne.NewSize(n.Width+c.Width+theme.Padding(), max(n.Height, p.Height, c.Height))
}

// statusLayout puts the dot, centred on the line, before the word.
type statusLayout struct{}

func (statusLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	dot, word := objs[0], objs[1]
	p := theme.Padding()
	dot.Resize(fyne.NewSquareSize(statusDot))
	dot.Move(fyne.NewPos(p, (size.Height-statusDot)/2))
	w := word.MinSize()
	word.Resize(w)
	word.Move(fyne.NewPos(p+statusDot+p, (size.Height-w.Height)/2))
}

func (statusLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := objs[1].MinSize()
	return fyne.NewSize(3*theme.Padding()+statusDot+w.Width, max(w.Height, statusDot))
}

func (v *View) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= v.model.Len() {
		return
	}
	row, r := v.model.At(id), o.(*jobRow)
	r.name.SetText(row.Name)
	r.price.SetText(jobPrice(row.Estimate))
	r.price.Hidden = row.Estimate == nil // no gap where there is no estimate
	dot := phaseColors[row.Phase]
	word := row.Phase.String()
	if row.Phase == joblist.Finished && row.DownloadFailed {
		// Finished at Move, but its files are not here and need the user:
		// neither green nor "Finished", which read as all done (tester 2).
		dot, word = theme.ColorNameWarning, "not saved"
	}
	r.dot.FillColor = theme.Color(dot)
	r.dot.Refresh()
	r.state.Color = theme.Color(theme.ColorNameForeground)
	r.state.Text = strings.ToUpper(word[:1]) + word[1:]
	chip := r.state.Text
	r.state.Refresh()
	// A full bar says nothing the chip does not: bars only while moving.
	if row.Progress < 0 || row.Phase == joblist.Finished || row.Phase == joblist.Downloaded {
		r.progress.Hide()
	} else {
		r.progress.Show()
		r.progress.SetValue(row.Progress)
	}
	// When first, then what, whole: a shorter form where the line is too
	// narrow (the details pane says all of it, above its buttons).
	r.detail.SetTexts(rowTexts(joblist.Ago(row.Created, v.now()), row.Detail, chip))
	if row.Phase == joblist.Failed {
		r.detail.Importance = widget.DangerImportance
	} else {
		r.detail.Importance = widget.MediumImportance
	}
	r.thumb.Resource = v.thumbnail(row)
	r.thumb.Refresh()
	r.box.Refresh() // a recycled row: lay it out for its new texts
	// Paged as the user scrolls: near the end, fetch the next page.
	if id >= v.model.Len()-10 {
		v.LoadMore()
	}
}

// thumbnail is the row's picture: the take's thumbnail once fetched (in the
// background, once per job), a video icon until then.
func (v *View) thumbnail(row *joblist.Row) fyne.Resource {
	if res, ok := v.thumbs[row.JobID]; ok {
		return res
	}
	if row.Thumbnail != "" && !v.fetching[row.JobID] && v.host.Engine() != nil {
		id, url, s := row.JobID, row.Thumbnail, v.host.Engine()
		v.fetching[id] = true
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			data, err := s.Thumbnail(ctx, url)
			v.host.OnMain(func() {
				if v.host.Engine() != s {
					return
				}
				if err != nil {
					delete(v.fetching, id) // the icon stays; a later redraw tries again
					return
				}
				v.thumbs[id] = fyne.NewStaticResource(id+".png", data)
				if i := v.model.Index(id); i >= 0 {
					v.List.RefreshItem(i)
				}
			})
		}()
	}
	return placeholderThumb()
}

// placeholderThumb stands in for a thumbnail, quietly. A function, not a
// variable: the theme's colours exist only once the app does.
func placeholderThumb() fyne.Resource { return theme.NewDisabledResource(theme.FileVideoIcon()) }

// refresh redraws after the model changed: rows come and go, so the
// highlighted row follows the selected job, or nothing is highlighted.
func (v *View) refresh() {
	v.Empty.Hidden = v.model.Len() > 0
	v.Empty.Refresh()
	v.showMonth()
	v.List.Refresh()
	v.syncSelection()
	v.ShowDetails()
	v.fitSplit()
}

// The list's share of the pane's height, at least and at most: the rest
// is the details', whose buttons and files were below the fold at 900×600
// while the list kept empty room under its two rows.
const (
	minListShare = 0.3
	maxListShare = 0.62
)

// fitSplit gives the list the room its rows need (within its shares) and
// the details the rest, unless the user has moved the divider.
func (v *View) fitSplit() {
	h := v.split.Size().Height
	if h <= 0 || v.split.Offset != v.fitted {
		return
	}
	need := float64(max(v.model.Len(), 1))*float64(v.rowHeight) + float64(theme.Padding())
	v.fitted = min(max(need/float64(h), minListShare), maxListShare)
	v.split.SetOffset(v.fitted)
}

// syncSelection makes the list highlight the selected job's row: one
// selection, whatever rows were added above it.
func (v *View) syncSelection() {
	i := v.model.Index(v.selected)
	if i < 0 {
		v.selected = ""
		if v.shown >= 0 {
			v.List.UnselectAll()
			v.shown = -1
		}
		return
	}
	if i != v.shown {
		v.List.Select(i) // calls OnSelected, which notes it
	}
}

// tick redraws what time alone changes: "just now" becomes "1 min ago".
func (v *View) tick() {
	v.List.Refresh()
	if v.selected != "" {
		v.ShowDetails()
	}
}

// startTicking redraws relative times every agoRefresh, for as long as the
// app runs.
func (v *View) startTicking() {
	if v.ticking {
		return
	}
	v.ticking = true
	go func() {
		t := time.NewTicker(agoRefresh)
		defer t.Stop()
		for range t.C {
			v.host.OnMain(v.tick)
		}
	}()
}

// Apply shows an engine event: the row it touched is redrawn in place.
func (v *View) Apply(ev engine.Event) {
	before := v.model.Len()
	key := v.model.Apply(ev)
	if key == "" {
		return
	}
	if v.model.Len() != before {
		v.refresh()
		if _, started := ev.(engine.SubmissionUpdate); started && v.model.Index(key) == 0 {
			// A take just started goes on top: show it whole, not half
			// under the list's top edge where the list had been scrolled.
			v.List.ScrollToTop()
		}
		return
	}
	if i := v.model.Index(key); i >= 0 {
		v.List.RefreshItem(i)
	}
	v.showMonth() // a job made moves the month's total
	if key == v.selected || (v.selected != "" && v.model.Index(v.selected) == v.model.Index(key)) {
		v.ShowDetails()
	}
}

// Start shows the journal's submissions and what the disk holds, then
// fetches the first page of the account's jobs.
func (v *View) Start(records []*submit.Record, onDisk map[string]outputs.OnDisk, removed map[string]bool) {
	v.model.SetRemoved(removed)
	v.model.SetOnDisk(onDisk)
	v.model.AddRecords(records)
	v.refresh()
	v.LoadMore()
	v.startTicking()
}

// LoadMore fetches the next page of the account's jobs off the UI goroutine.
func (v *View) LoadMore() {
	s := v.host.Engine()
	if s == nil || v.loading || (v.loaded && v.next == "") {
		return
	}
	v.loading = true
	after := v.next
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		page, err := s.Jobs(ctx, ugc.ListJobsParams{First: PageSize, After: after})
		v.host.OnMain(func() {
			v.loading = false
			if v.host.Engine() != s {
				return
			}
			if err != nil {
				v.host.Say("The list of jobs could not be loaded: " + engine.Explain(err))
				return
			}
			v.loaded, v.next = true, page.Next
			v.model.AddJobs(page.Jobs)
			for _, j := range page.Jobs {
				if !j.State.Done() || (j.State == ugc.StateFinished && !j.OutputsReady()) {
					s.Follow(j.ID) // live, even for jobs started elsewhere
				}
			}
			v.refresh()
		})
	}()
}
