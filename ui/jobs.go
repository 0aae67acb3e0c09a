package ui

import (
	"context"
	"image/color"
	"net/url"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/outputs"
	"singlecam/core/submit"
	"singlecam/core/ugc"
)

// pageSize is how many of the account's jobs one page brings: the most the API gives.
const pageSize = 100

// JobsView is the jobs list: everything the user has, newest first, live.
type JobsView struct {
	content fyne.CanvasObject
	List    *widget.List
	Details *fyne.Container
	Empty   *widget.Label
	Month   *widget.Label // this month's estimated total of this computer's jobs

	model    *joblist.List
	thumbs   map[string]fyne.Resource // by job id: presigned URLs change, jobs do not
	fetching map[string]bool
	selected string // the selected row's key
	next     string // the account's next page, "" when all are loaded
	loading  bool
	loaded   bool // the first page has come
	ui       *UI
}

func newJobsView(u *UI) *JobsView {
	v := &JobsView{ui: u, model: joblist.New(nil), Details: container.NewVBox(),
		thumbs: map[string]fyne.Resource{}, fetching: map[string]bool{}}
	v.Empty = widget.NewLabel("Takes you start appear here, from upload to downloaded files.")
	v.Empty.Wrapping = fyne.TextWrapWord
	v.Empty.TextStyle.Italic = true
	v.Month = widget.NewLabel("")
	v.Month.Truncation = fyne.TextTruncateEllipsis // never widens the window
	v.Month.Alignment = fyne.TextAlignTrailing
	v.Month.SizeName = theme.SizeNameCaptionText
	v.List = widget.NewList(v.model.Len, newJobRow, v.updateRow)
	v.List.OnSelected = func(id widget.ListItemID) {
		v.selected = v.model.At(id).Key()
		v.showDetails()
	}
	split := container.NewVSplit(container.NewStack(v.Empty, v.List), container.NewVScroll(container.NewPadded(v.Details)))
	split.Offset = 0.62
	v.content = split
	return v
}

// reset empties the list for a new session.
func (v *JobsView) reset() {
	v.model, v.selected, v.next, v.loading, v.loaded = joblist.New(nil), "", "", false, false
	v.thumbs, v.fetching = map[string]fyne.Resource{}, map[string]bool{}
	v.List.Length = v.model.Len
	v.refresh()
}

// jobRow is one row of the list: a widget, so Fyne draws what it holds.
type jobRow struct {
	widget.BaseWidget
	box                *fyne.Container
	name, when, detail *widget.Label
	price              *widget.Label // the job's estimated cost, beside the detail
	thumb              *canvas.Image
	chip               *canvas.Rectangle
	chipText           *canvas.Text
	progress           *widget.ProgressBar
}

func newJobRow() fyne.CanvasObject {
	r := &jobRow{
		name:     widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		when:     widget.NewLabel(""),
		detail:   widget.NewLabel(""),
		price:    widget.NewLabel(""),
		chip:     canvas.NewRectangle(color.Transparent),
		chipText: canvas.NewText("", color.White),
		progress: widget.NewProgressBar(),
		thumb:    canvas.NewImageFromResource(placeholderThumb()),
	}
	r.thumb.FillMode = canvas.ImageFillContain
	r.thumb.SetMinSize(fyne.NewSize(80, 45))
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.chip.CornerRadius = 6
	r.chip.SetMinSize(fyne.NewSize(112, 24)) // one width for every state: rows line up
	r.chipText.TextStyle.Bold = true
	r.chipText.TextSize = theme.CaptionTextSize()
	r.chipText.Alignment = fyne.TextAlignCenter
	chip := container.NewStack(r.chip, container.NewPadded(r.chipText))
	top := container.NewBorder(nil, nil, nil, container.NewHBox(r.when, chip), r.name)
	r.box = container.NewBorder(nil, nil, container.NewPadded(r.thumb), nil, container.NewVBox(top, r.progress, container.NewBorder(nil, nil, nil, r.price, r.detail)))
	r.ExtendBaseWidget(r)
	return r
}

func (r *jobRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// phaseColors give each phase's chip its colour.
var phaseColors = map[joblist.Phase]fyne.ThemeColorName{
	joblist.Uploading: theme.ColorNamePrimary, joblist.Waiting: theme.ColorNameWarning,
	joblist.Queued: theme.ColorNameDisabled, joblist.Processing: theme.ColorNamePrimary,
	joblist.Finished: theme.ColorNameSuccess, joblist.Downloading: theme.ColorNameSuccess,
	joblist.Downloaded: theme.ColorNameSuccess, joblist.Failed: theme.ColorNameError,
	joblist.Unknown: theme.ColorNameDisabled,
}

// onColors is the readable text colour on each chip colour.
var onColors = map[fyne.ThemeColorName]fyne.ThemeColorName{
	theme.ColorNamePrimary: theme.ColorNameForegroundOnPrimary, theme.ColorNameSuccess: theme.ColorNameForegroundOnSuccess,
	theme.ColorNameError: theme.ColorNameForegroundOnError, theme.ColorNameWarning: theme.ColorNameForegroundOnWarning,
	theme.ColorNameDisabled: theme.ColorNameBackground, // the disabled colour is a readable grey (ui/theme.go)
}

func (v *JobsView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= v.model.Len() {
		return
	}
	row, r := v.model.At(id), o.(*jobRow)
	r.name.SetText(row.Name)
	r.when.SetText(joblist.Ago(row.Created, time.Now()))
	r.price.SetText(jobPrice(row.Estimate))
	r.price.Hidden = row.Estimate == nil // no gap where there is no estimate
	r.chip.FillColor = theme.Color(phaseColors[row.Phase])
	r.chip.Refresh()
	r.chipText.Color = theme.Color(onColors[phaseColors[row.Phase]])
	r.chipText.Text = strings.ToUpper(row.Phase.String())
	r.chipText.Refresh()
	if row.Progress < 0 {
		r.progress.Hide()
	} else {
		r.progress.Show()
		r.progress.SetValue(row.Progress)
	}
	r.detail.SetText(row.Detail)
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
		v.loadMore()
	}
}

// thumbnail is the row's picture: the take's thumbnail once fetched (in the
// background, once per job), a video icon until then.
func (v *JobsView) thumbnail(row *joblist.Row) fyne.Resource {
	if res, ok := v.thumbs[row.JobID]; ok {
		return res
	}
	if row.Thumbnail != "" && !v.fetching[row.JobID] && v.ui.session != nil {
		id, url, s := row.JobID, row.Thumbnail, v.ui.session
		v.fetching[id] = true
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			data, err := s.eng.Thumbnail(ctx, url)
			v.ui.onMain(func() {
				if v.ui.session != s {
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

// refresh redraws after the model changed.
func (v *JobsView) refresh() {
	v.Empty.Hidden = v.model.Len() > 0
	v.Empty.Refresh()
	v.showMonth()
	v.List.Refresh()
	if v.selected != "" {
		v.showDetails()
	}
}

// apply shows an engine event: the row it touched is redrawn in place.
func (v *JobsView) apply(ev engine.Event) {
	before := v.model.Len()
	key := v.model.Apply(ev)
	if key == "" {
		return
	}
	if v.model.Len() != before {
		v.refresh()
		return
	}
	if i := v.model.Index(key); i >= 0 {
		v.List.RefreshItem(i)
	}
	v.showMonth() // a job made moves the month's total
	if key == v.selected {
		v.showDetails()
	}
}

// load fetches the first page of the account's jobs and the journal.
func (v *JobsView) start(records []*submit.Record) {
	v.model.AddRecords(records)
	v.refresh()
	v.loadMore()
}

// loadMore fetches the next page of the account's jobs off the UI goroutine.
func (v *JobsView) loadMore() {
	s := v.ui.session
	if s == nil || v.loading || (v.loaded && v.next == "") {
		return
	}
	v.loading = true
	after := v.next
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		page, err := s.eng.Jobs(ctx, ugc.ListJobsParams{First: pageSize, After: after})
		v.ui.onMain(func() {
			v.loading = false
			if v.ui.session != s {
				return
			}
			if err != nil {
				v.ui.main.say("The list of jobs could not be loaded: " + engine.Explain(err))
				return
			}
			v.loaded, v.next = true, page.Next
			v.model.AddJobs(page.Jobs)
			for _, j := range page.Jobs {
				if !j.State.Done() || (j.State == ugc.StateFinished && !j.OutputsReady()) {
					s.eng.Follow(j.ID) // live, even for jobs started elsewhere
				}
			}
			v.refresh()
		})
	}()
}

// selectedRow is the selected row, or nil.
func (v *JobsView) selectedRow() *joblist.Row {
	if i := v.model.Index(v.selected); i >= 0 {
		return v.model.At(i)
	}
	return nil
}

// showDetails shows the selected row: what was asked for, each output with
// its own button, and the actions.
func (v *JobsView) showDetails() {
	row := v.selectedRow()
	v.Details.RemoveAll()
	if row == nil {
		return
	}
	title := widget.NewLabelWithStyle(row.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Details.Add(title)
	facts := []string{"State: " + row.Phase.String(), row.Detail}
	if !row.Created.IsZero() {
		facts = append(facts, "Created "+row.Created.Local().Format("2 Jan 2006 15:04"))
	}
	if row.JobID != "" {
		facts = append(facts, "Job ID: "+row.JobID)
	}
	if asked := describeOptions(row); asked != "" {
		facts = append(facts, asked)
	}
	if cost := jobPriceDetail(row.Estimate); cost != "" {
		facts = append(facts, cost)
	}
	for _, f := range facts {
		l := widget.NewLabel(f)
		l.Wrapping = fyne.TextWrapWord
		v.Details.Add(l)
	}
	v.Details.Add(v.actions(row))
	if len(row.Outputs) > 0 {
		v.Details.Add(widget.NewLabelWithStyle("Outputs", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, o := range row.Outputs {
			v.Details.Add(v.outputLine(row, o))
		}
	}
}

func describeOptions(row *joblist.Row) string {
	var parts []string
	o := row.Options
	if o.TrackFingers != nil && *o.TrackFingers {
		parts = append(parts, "fingers tracked")
	}
	if o.FloorPlane != nil && *o.FloorPlane {
		parts = append(parts, "floor plane")
	}
	if o.TrackBall != nil && *o.TrackBall {
		parts = append(parts, "ball tracked")
	}
	if o.MocapModel != "" {
		parts = append(parts, "model "+string(o.MocapModel))
	}
	if w := row.ClipWindow; w != nil {
		parts = append(parts, "clip "+trimFloat(w.Start)+" s to "+trimFloat(w.End)+" s")
	}
	if len(parts) == 0 {
		return ""
	}
	return "Asked for: " + strings.Join(parts, ", ")
}

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func (v *JobsView) outputLine(row *joblist.Row, o ugc.Output) fyne.CanvasObject {
	name := widget.NewLabel(outputs.FileName(o))
	var action fyne.CanvasObject
	if saved := savedFile(row, o.Format); saved != nil {
		action = widget.NewLabel(submit.HumanBytes(saved.Size))
	} else if o.File.PresignedURL != "" {
		action = &widget.Button{Text: "Download", Icon: theme.DownloadIcon(), OnTapped: func() { v.download(row.JobID, []string{o.Format}) }}
	} else {
		action = widget.NewLabel("not ready yet")
	}
	return container.NewBorder(nil, nil, nil, action, name)
}

func savedFile(row *joblist.Row, format string) *outputs.Saved {
	for i := range row.Files {
		if row.Files[i].Format == format {
			return &row.Files[i]
		}
	}
	return nil
}

// actions are the row's buttons, as its state allows.
func (v *JobsView) actions(row *joblist.Row) fyne.CanvasObject {
	box := container.New(layout.NewRowWrapLayout()) // wraps rather than widening the window
	switch {
	case row.Phase == joblist.Downloaded && row.Folder != "":
		box.Add(&widget.Button{Text: "Open folder", Icon: theme.FolderOpenIcon(), OnTapped: func() { v.openFolder(row.Folder) }})
	case row.Phase == joblist.Finished && len(row.Outputs) > 0:
		box.Add(&widget.Button{Text: "Download all", Icon: theme.DownloadIcon(), Importance: widget.HighImportance,
			OnTapped: func() { v.download(row.JobID, nil) }})
	case row.Phase == joblist.Failed && row.JobID == "" && row.SubmissionID != "":
		box.Add(&widget.Button{Text: "Retry", Icon: theme.ViewRefreshIcon(), OnTapped: func() { v.retry(row.SubmissionID) }})
	}
	// The motion's buttons get a row of their own, so the pane stays narrow.
	motionBox := container.New(layout.NewRowWrapLayout())
	if b := v.previewButton(row); b != nil {
		motionBox.Add(b)
	}
	if b := v.applyButton(row); b != nil {
		motionBox.Add(b)
	}
	if b := v.exportButton(row); b != nil {
		motionBox.Add(b)
	}
	if row.JobID != "" {
		id := row.JobID
		box.Add(&widget.Button{Text: "Copy job ID", Icon: theme.ContentCopyIcon(), OnTapped: func() {
			v.ui.app.Clipboard().SetContent(id)
			v.ui.main.say("Job ID copied.")
		}})
		box.Add(&widget.Button{Text: "Rename…", Icon: theme.DocumentCreateIcon(), OnTapped: func() { v.rename(id, row.Name) }})
	}
	if len(motionBox.Objects) > 0 {
		return container.NewVBox(box, motionBox)
	}
	return box
}

func (v *JobsView) download(jobID string, only []string) {
	s := v.ui.session
	go func() {
		folder, files, err := s.eng.Download(context.Background(), jobID, only)
		v.ui.onMain(func() {
			if len(only) == 0 || err != nil {
				v.apply(engine.Event{Saved: &engine.SavedJob{JobID: jobID, Folder: folder, Files: files, Err: err}})
			} else if i := v.model.Index(jobID); i >= 0 {
				row := v.model.At(i)
				row.Files = append(row.Files, files...)
				row.Folder = folder
				v.showDetails()
			}
		})
	}()
}

func (v *JobsView) openFolder(folder string) {
	if err := v.ui.app.OpenURL(&url.URL{Scheme: "file", Path: folder}); err != nil {
		v.ui.main.say("The folder could not be opened: " + folder)
	}
}

func (v *JobsView) retry(submissionID string) {
	if err := v.ui.session.eng.Retry(submissionID); err != nil {
		v.ui.main.say(engine.Explain(err))
		return
	}
	v.ui.main.say("Trying again.")
}

func (v *JobsView) rename(jobID, current string) {
	entry := widget.NewEntry()
	entry.SetText(current)
	dialog.ShowForm("Rename the job", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", entry)}, func(ok bool) {
		name := strings.TrimSpace(entry.Text)
		if !ok || name == "" || name == current {
			return
		}
		s := v.ui.session
		go func() {
			job, err := s.eng.Rename(context.Background(), jobID, name)
			v.ui.onMain(func() {
				if err != nil {
					v.ui.main.say("The job was not renamed: " + engine.Explain(err))
					return
				}
				v.model.AddJobs([]ugc.Job{job})
				v.refresh()
			})
		}()
	}, v.ui.win)
}
