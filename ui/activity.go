package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/submit"
	"singlecam/core/watch"
)

// Activity lists this session's submissions with their live state: upload,
// processing, download. (The account's whole job history is the jobs
// list's work.)
type Activity struct {
	content fyne.CanvasObject
	list    *fyne.Container
	empty   *widget.Label
	rows    map[string]*activityRow // by submission id
	byJob   map[string]*activityRow
}

type activityRow struct {
	box      *fyne.Container
	Name     *widget.Label
	State    *widget.Label
	Progress *widget.ProgressBar
	Detail   *widget.Label
}

func newActivity() *Activity {
	a := &Activity{list: container.NewVBox(), rows: map[string]*activityRow{}, byJob: map[string]*activityRow{}}
	a.empty = widget.NewLabel("Takes you start appear here, from upload to downloaded files.")
	a.empty.Wrapping = fyne.TextWrapWord
	a.empty.TextStyle.Italic = true
	a.list.Add(a.empty)
	a.content = container.NewVScroll(container.NewPadded(a.list))
	return a
}

func (a *Activity) clear() {
	a.list.RemoveAll()
	a.list.Add(a.empty)
	a.rows, a.byJob = map[string]*activityRow{}, map[string]*activityRow{}
}

func (a *Activity) row(id, name string) *activityRow {
	if r, ok := a.rows[id]; ok {
		return r
	}
	r := &activityRow{
		Name:     widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		State:    widget.NewLabel(""),
		Progress: widget.NewProgressBar(),
		Detail:   widget.NewLabel(""),
	}
	r.Detail.Wrapping = fyne.TextWrapWord
	r.Detail.Importance = widget.MediumImportance
	r.box = container.NewVBox(container.NewBorder(nil, nil, nil, r.State, r.Name), r.Progress, r.Detail)
	a.rows[id] = r
	a.list.Remove(a.empty)
	a.list.Objects = append([]fyne.CanvasObject{widget.NewCard("", "", r.box)}, a.list.Objects...)
	a.list.Refresh()
	return r
}

// apply shows one engine event.
func (a *Activity) apply(ev engine.Event) {
	switch {
	case ev.Submission != nil:
		s := ev.Submission
		r := a.row(s.ID, s.Name)
		r.State.SetText(string(s.Step))
		switch {
		case s.Step == submit.StepFailed || s.Step == submit.StepWaiting:
			r.Detail.Importance = widget.DangerImportance
			if s.Step == submit.StepWaiting {
				r.Detail.Importance = widget.WarningImportance
			}
			r.Detail.SetText(engine.Explain(s.Err))
		case s.Total > 0:
			r.Progress.SetValue(float64(s.Done) / float64(s.Total))
			r.Detail.Importance = widget.MediumImportance
			r.Detail.SetText(fmt.Sprintf("Uploading %s of %s", submit.HumanBytes(s.Done), submit.HumanBytes(s.Total)))
		case s.Step == submit.StepSubmitted:
			a.byJob[s.JobID] = r
			r.Progress.SetValue(0)
			r.Detail.SetText("Uploaded. Move is processing it.")
		}
	case ev.Job != nil:
		r := a.byJob[ev.Job.Job.ID]
		if r == nil {
			return
		}
		job := ev.Job.Job
		r.State.SetText(job.State.String())
		if job.Percent != nil {
			r.Progress.SetValue(float64(*job.Percent) / 100)
			r.Detail.SetText(fmt.Sprintf("Processing %d%%", *job.Percent))
		}
		switch ev.Job.Kind {
		case watch.OutputsReady:
			r.Detail.SetText("Finished. Downloading the files…")
		case watch.Failed:
			r.Detail.Importance = widget.DangerImportance
			r.Detail.SetText("Move could not process this video.")
		}
	case ev.Download != nil:
		if r := a.byJob[ev.Download.JobID]; r != nil && ev.Download.Total > 0 {
			r.State.SetText("downloading")
			r.Progress.SetValue(float64(ev.Download.Done) / float64(ev.Download.Total))
			r.Detail.SetText("Downloading " + ev.Download.Format)
		}
	case ev.Saved != nil:
		r := a.byJob[ev.Saved.JobID]
		if r == nil {
			return
		}
		if ev.Saved.Err != nil {
			r.Detail.Importance = widget.DangerImportance
			r.Detail.SetText(engine.Explain(ev.Saved.Err))
			return
		}
		r.State.SetText("done")
		r.Progress.SetValue(1)
		r.Detail.Importance = widget.SuccessImportance
		r.Detail.SetText(fmt.Sprintf("%d files saved in %s", len(ev.Saved.Files), ev.Saved.Folder))
	}
}
